// Issue 16 item 2 and interfaces.md "Outgoing mail": mail goes through the SMTP server in the
// region's settings (server, port, TLS, an optional login, the sender); AANWEZIG_SMTP_URL
// (`smtp://host:port`, no authentication) overrides the server and AANWEZIG_MAIL_FROM the
// sender. Which of them holds is decided here, so the daily job, the CLI and the settings screen
// say the same. The schema's messages are Dutch: they reach the administrator as they are.
import { z } from "zod";

export const MAIL_SECURITY = ["none", "starttls", "tls"] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

export interface SmtpServer {
  host: string;
  port: number;
  /** none: plain (a relay on the same host); starttls: upgrade, required; tls: implicit (465). */
  security: MailSecurity;
  username: string | null;
  password: string | null;
}

export interface MailSettings extends SmtpServer {
  from: string;
}

export const FALLBACK_FROM = "Aanwezig <noreply@aanwezig.invalid>";

/** Where and as whom mail goes; `url` (the environment's) or `server` (the region's). */
export interface MailConfig {
  url?: string;
  server?: SmtpServer;
  from: string;
  source?: "environment" | "region";
}

export interface MailEnvironment {
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
}

export function resolveMailConfig(
  env: MailEnvironment,
  stored: MailSettings | null,
): MailConfig | null {
  const url = env.smtpUrl?.trim();
  const from = env.mailFrom?.trim() || stored?.from || FALLBACK_FROM;
  if (url) return { url, from, source: "environment" };
  if (stored) {
    const { from: _storedFrom, ...server } = stored;
    return { server, from, source: "region" };
  }
  return null;
}

// A sender as `Naam <adres>` or a bare address; one line, nothing that could add a header.
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
function isSender(value: string): boolean {
  const named = /^([^<>\r\n]*)<([^<>\s]+)>$/.exec(value);
  if (named) return ADDRESS.test(named[2] ?? "");
  return ADDRESS.test(value);
}

/**
 * What the API takes. The password is write-only: absent keeps the stored one, `null` or ""
 * removes it, a string sets it; it is never returned.
 */
export const mailSettingsInputSchema = z
  .strictObject({
    host: z
      .string("server: vul de naam van de mailserver in, bijvoorbeeld smtp.gemeente.nl")
      .trim()
      .min(1, "server: vul de naam van de mailserver in, bijvoorbeeld smtp.gemeente.nl")
      .max(253, "server: hoogstens 253 tekens")
      .regex(/^[A-Za-z0-9.:[\]-]+$/, "server: alleen een hostnaam of IP-adres, zonder smtp://"),
    port: z
      .number("poort: vul een getal in, meestal 587 (STARTTLS) of 465 (TLS)")
      .int("poort: vul een heel getal in")
      .min(1, "poort: tussen 1 en 65535")
      .max(65535, "poort: tussen 1 en 65535"),
    security: z.enum(
      MAIL_SECURITY,
      "beveiliging: kies starttls, tls of none (alleen voor een server op dezelfde machine)",
    ),
    username: z
      .string("gebruikersnaam: vul tekst in of laat het leeg")
      .trim()
      .max(200, "gebruikersnaam: hoogstens 200 tekens")
      .nullable()
      .optional(),
    password: z
      .string("wachtwoord: vul tekst in of laat het leeg")
      .max(500, "wachtwoord: hoogstens 500 tekens")
      .nullable()
      .optional(),
    from: z
      .string("afzender: vul een e-mailadres in")
      .trim()
      .max(300, "afzender: hoogstens 300 tekens")
      .refine(
        isSender,
        "afzender: vul een e-mailadres in, bijvoorbeeld Aanwezig <noreply@gemeente.nl>",
      ),
  })
  .superRefine((value, ctx) => {
    if (value.security === "none" && value.username) {
      ctx.addIssue({
        code: "custom",
        path: ["security"],
        message:
          "beveiliging: met een gebruikersnaam is TLS nodig; kies starttls of tls, anders gaat het wachtwoord onversleuteld over het netwerk",
      });
    }
  });

export type MailSettingsInput = z.output<typeof mailSettingsInputSchema>;

/** The settings to store: the input, with the stored password when none was given. */
export function mailSettingsFromInput(
  input: MailSettingsInput,
  storedPassword: string | null,
): MailSettings {
  const username = input.username ? input.username : null;
  const password =
    input.password === undefined ? storedPassword : input.password ? input.password : null;
  return {
    host: input.host,
    port: input.port,
    security: input.security,
    username,
    password: username ? password : null,
    from: input.from,
  };
}

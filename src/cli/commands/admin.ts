// `aanwezig admin create` (interfaces.md): the first application administrator of a real
// installation, on any database. The work is in src/services/application-admin.ts.
import type { Command } from "commander";
import { createApplicationAdmin } from "../../services/application-admin.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { BadInputError } from "../errors.ts";
import { readSecretFromStdin } from "../read-stdin.ts";

interface AdminCreateOptions {
  email: string;
  name: string;
  passwordStdin?: boolean;
}

const DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080";

/** Where the web app is reached from outside: AANWEZIG_PUBLIC_URL, else serve's default. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.AANWEZIG_PUBLIC_URL?.trim() || DEFAULT_PUBLIC_URL).replace(/\/+$/, "");
}

export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("application administration");
  admin
    .command("create")
    .description("creates an application administrator (app_admin) on any database")
    .requiredOption("--email <email>", "e-mail address (the login name)")
    .requiredOption("--name <name>", "full name")
    .option(
      "--password-stdin",
      "read the password from standard input; without it a one-time link (24 h) is printed",
    )
    .action(async (opts: AdminCreateOptions, command: Command) => {
      const { format } = globalOptions(command);
      // Read before the database opens: a closed pipe should not leave a half-made account.
      if (opts.passwordStdin === true && process.stdin.isTTY) {
        // Standard input is meant for a pipe; typed at a terminal it ends only with Ctrl+D.
        console.error("Typ het wachtwoord, druk op Enter en daarna op Ctrl+D:");
      }
      const password = opts.passwordStdin === true ? await readSecretFromStdin() : undefined;
      await withDatabase(command, async (db) => {
        const outcome = await createApplicationAdmin(db, {
          email: opts.email,
          name: opts.name,
          ...(password === undefined ? {} : { password }),
        });
        if (!outcome.ok) throw new BadInputError(outcome.message);
        const { user, passwordSet } = outcome;
        const link =
          passwordSet && `${publicBaseUrl()}/wachtwoord-instellen#token=${passwordSet.token}`;
        if (format === "json") {
          const out = {
            id: user.id,
            email: user.email,
            name: user.name,
            roles: user.roles.map((r) => r.role),
            ...(passwordSet && {
              password_set_url: link,
              password_set_expires_at: passwordSet.expiresAt.toISOString(),
            }),
          };
          console.log(JSON.stringify(out));
          return;
        }
        console.log(`applicatiebeheerder aangemaakt: ${user.name} <${user.email}> (rol app_admin)`);
        if (passwordSet) {
          console.log(
            "Het account heeft nog geen wachtwoord. Open deze link om het in te stellen " +
              `(één keer te gebruiken, geldig tot ${passwordSet.expiresAt.toISOString()}):`,
          );
          console.log(link);
        } else {
          console.log(
            "Log in op de webapplicatie met dit e-mailadres en het opgegeven wachtwoord.",
          );
        }
      });
    });
}

// Issue 16 items 2 and 3: who gets which kind by e-mail by default, the per-kind choice, the
// texts without personal data, and which mail server holds (interfaces.md "Outgoing mail").
import { describe, expect, it } from "vitest";
import {
  kindsFor,
  NOTIFICATION_KINDS,
  notificationText,
  PARENT_KINDS,
  wantsEmail,
} from "./kinds.ts";
import {
  mailSettingsFromInput,
  mailSettingsInputSchema,
  resolveMailConfig,
} from "./mail-settings.ts";

describe("e-mail preferences", () => {
  it("mails professionals by default and parents only when they chose it", () => {
    const none = { email: true, emailKinds: {} };
    expect(wantsEmail(none, "signal_digest")).toBe(true);
    expect(wantsEmail(none, "parent_leave_decided")).toBe(false);
    expect(
      wantsEmail(
        { email: true, emailKinds: { parent_leave_decided: true } },
        "parent_leave_decided",
      ),
    ).toBe(true);
    expect(wantsEmail({ email: true, emailKinds: { signal_digest: false } }, "signal_digest")).toBe(
      false,
    );
    // E-mail off altogether wins over any kind.
    expect(wantsEmail({ email: false, emailKinds: { signal_digest: true } }, "signal_digest")).toBe(
      false,
    );
  });

  it("offers a parent their own kinds and a professional their work's", () => {
    expect(kindsFor(true, false)).toEqual([...PARENT_KINDS]);
    expect(kindsFor(false, true)).toContain("case_handed_over");
    expect(kindsFor(false, true)).not.toContain("parent_meeting_planned");
    expect(kindsFor(false, false)).toEqual([]);
  });
});

describe("notification texts", () => {
  it("name a case by its reference and a meeting by its date, and link into the app", () => {
    const handed = notificationText({ kind: "case_handed_over", caseId: "abcdef12-3456" });
    expect(handed.subject).toBe("Casus ABCDEF12 is aan u overgedragen");
    expect(handed.link).toBe("/casussen/abcdef12-3456");
    expect(notificationText({ kind: "signal_digest", count: 1 }).subject).toBe(
      "1 nieuw signaal op uw school",
    );
    expect(notificationText({ kind: "signal_digest", count: 4 }).subject).toBe(
      "4 nieuwe signalen op uw school",
    );
    expect(notificationText({ kind: "parent_meeting_planned", date: "2026-03-12" }).subject).toBe(
      "Er is een overleg gepland op 12 maart 2026",
    );
    for (const kind of PARENT_KINDS) {
      const facts = kind === "parent_meeting_planned" ? { kind, date: "2026-03-12" } : { kind };
      expect(notificationText(facts as never).link).toBe("/mijn-kind");
    }
    expect(NOTIFICATION_KINDS).toHaveLength(9);
  });
});

describe("the mail server in force", () => {
  const stored = {
    host: "smtp.regio.example",
    port: 587,
    security: "starttls" as const,
    username: "u",
    password: "p",
    from: "Regio <noreply@regio.example>",
  };

  it("takes AANWEZIG_SMTP_URL over the region's server, AANWEZIG_MAIL_FROM over its sender", () => {
    expect(resolveMailConfig({ smtpUrl: "smtp://127.0.0.1:25" }, stored)).toEqual({
      url: "smtp://127.0.0.1:25",
      from: "Regio <noreply@regio.example>",
      source: "environment",
    });
    expect(resolveMailConfig({ mailFrom: "x@y.example" }, stored)).toMatchObject({
      server: { host: "smtp.regio.example", port: 587, username: "u", password: "p" },
      from: "x@y.example",
      source: "region",
    });
    expect(resolveMailConfig({}, null)).toBeNull();
  });

  it("keeps the stored password unless one is given, and refuses a login without TLS", () => {
    const input = mailSettingsInputSchema.parse({ ...stored, password: undefined });
    expect(mailSettingsFromInput(input, "oud").password).toBe("oud");
    expect(mailSettingsFromInput({ ...input, password: "" }, "oud").password).toBeNull();
    expect(mailSettingsFromInput({ ...input, password: "nieuw" }, "oud").password).toBe("nieuw");
    const plain = mailSettingsInputSchema.safeParse({ ...stored, security: "none" });
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.message).toContain("TLS");
    const header = mailSettingsInputSchema.safeParse({ ...stored, from: "a@b.nl\r\nBcc: c@d.nl" });
    expect(header.success).toBe(false);
  });
});

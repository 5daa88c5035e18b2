import { describe, expect, it } from "vitest";
import { judgeNewPassword } from "./password-policy.ts";

const ACCOUNT = { email: "jan.jansen@gemeente-zandstad.example", name: "Jan Jansen" };

describe("the password policy (NIST SP 800-63B)", () => {
  it.each([
    "aaaaaaaaaaaa", // one character repeated
    "wachtwoord12", // a common Dutch word and a sequence
    "123456789012",
    "qwertyuiop123", // a keyboard row
    "Welkom01Welkom01", // a repeated common password
    "jan.jansen1234", // the account's own e-mail address
    "JanJansen2026", // the account's own name
    "aanwezig2026", // the application's name
    "ééééééééééééé",
  ])("refuses %s as easy to guess, in Dutch", async (password) => {
    const verdict = await judgeNewPassword(password, ACCOUNT);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toContain("te makkelijk te raden");
  });

  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", async () => {
    expect(await judgeNewPassword("Xq7!vR2#pL9", ACCOUNT)).toEqual({
      ok: false,
      message: "Het wachtwoord moet minstens 12 tekens lang zijn.",
    });
    // Eleven emoji are 22 UTF-16 units but still eleven characters.
    expect((await judgeNewPassword("🦉🐢🦊🐙🦔🐝🦋🐞🦀🐬🦒", ACCOUNT)).ok).toBe(false);
  });

  it("refuses more than 1024 characters", async () => {
    const verdict = await judgeNewPassword("lange zin ".repeat(103), ACCOUNT);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining("1024") });
  });

  it.each([
    "correct-paard-batterij-niet",
    "drie olifanten op een fiets", // spaces are fine
    "Jw8#kq2Lm!9z",
    "ŋørđ-ŧæľ-ĸŀøĸ-ß", // any Unicode
    "🦉🐢🦊🐙🦔🐝🦋🐞🦀🐬🦒🐧", // twelve emoji
    `${"x".repeat(20)}Kq8!mZ2#vL`, // a repetition with enough besides it
  ])("accepts %s: long enough, no composition rules", async (password) => {
    expect(await judgeNewPassword(password, ACCOUNT)).toEqual({ ok: true });
  });
});

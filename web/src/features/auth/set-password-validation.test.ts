import { describe, expect, it } from "vitest";
import { t } from "../../i18n/index.ts";
import { tokenFromHash, validateSetPassword } from "./set-password-validation.ts";

describe("validateSetPassword", () => {
  it("asks for a password of at least 12 characters, typed twice the same", () => {
    expect(validateSetPassword({ password: "", repeat: "" })).toEqual({
      password: t.setPassword.passwordRequired,
    });
    expect(validateSetPassword({ password: "elf tekens!", repeat: "elf tekens!" })).toEqual({
      password: t.setPassword.passwordShort,
    });
    expect(
      validateSetPassword({ password: "paarse olifant fietst", repeat: "paarse olifant fiets" }),
    ).toEqual({ repeat: t.setPassword.mismatch });
    expect(
      validateSetPassword({ password: "paarse olifant fietst", repeat: "paarse olifant fietst" }),
    ).toEqual({});
  });

  it("counts characters as people do (twelve accented letters are enough)", () => {
    const twelve = "éééééééééééé";
    expect(validateSetPassword({ password: twelve, repeat: twelve })).toEqual({});
  });
});

describe("tokenFromHash", () => {
  it("reads the token of the link's fragment", () => {
    expect(tokenFromHash("#token=abc_-123")).toBe("abc_-123");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#token=")).toBeNull();
  });
});

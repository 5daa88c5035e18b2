import { describe, expect, it } from "vitest";
import { euroCents, euroShareCents } from "./euro-input.ts";

describe("euroCents", () => {
  it("reads the ways people write euros in Dutch", () => {
    expect(euroCents("2400")).toBe(240_000);
    expect(euroCents("2.400")).toBe(240_000);
    expect(euroCents("2.400,50")).toBe(240_050);
    expect(euroCents("€ 12,5")).toBe(1_250);
    expect(euroCents("2400.5")).toBe(240_050);
    expect(euroCents("1.000.000")).toBe(100_000_000);
  });

  it("refuses what is no amount, zero, or more than the API takes", () => {
    for (const bad of ["", "abc", "12,345", "1.2.3", "-5", "0", "0,00", "1.000.001", "2,4,0"]) {
      expect(euroCents(bad), bad).toBeUndefined();
    }
  });

  it("takes zero as a share", () => {
    expect(euroShareCents("0")).toBe(0);
    expect(euroShareCents("0,00")).toBe(0);
    expect(euroShareCents("1.200")).toBe(120_000);
    expect(euroShareCents("x")).toBeUndefined();
  });
});

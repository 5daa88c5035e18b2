import { describe, expect, it } from "vitest";
import {
  isCompletedQuarter,
  lastCompletedQuarter,
  quartersToFreeze,
  servedCount,
} from "./frozen.ts";

describe("frozen quarters (issue 18)", () => {
  it("a quarter is complete the day after its last day", () => {
    expect(lastCompletedQuarter("2026-03-02")).toBe("2025-Q4");
    expect(lastCompletedQuarter("2026-03-31")).toBe("2025-Q4");
    expect(lastCompletedQuarter("2026-04-01")).toBe("2026-Q1");
    expect(isCompletedQuarter("2026-Q1", "2026-03-31")).toBe(false);
    expect(isCompletedQuarter("2026-Q1", "2026-04-01")).toBe(true);
  });

  it("freezes the completed quarters from the first recorded day, skipping frozen ones", () => {
    expect(
      quartersToFreeze("2025-08-20", "2026-03-02", "2026-07-01", new Set(["2025-Q4"])),
    ).toEqual(["2025-Q3", "2026-Q1", "2026-Q2"]);
    expect(quartersToFreeze(null, null, "2026-07-01", new Set())).toEqual([]);
    expect(quartersToFreeze("2026-05-01", "2026-05-02", "2026-04-01", new Set())).toEqual([]);
  });

  it("stops a year after the latest recorded day, however far the clock moved", () => {
    const quarters = quartersToFreeze("2025-08-20", "2026-03-02", "2060-01-01", new Set());
    expect(quarters[0]).toBe("2025-Q3");
    expect(quarters.at(-1)).toBe("2027-Q1");
  });

  it("serves a figure of 1–4 persons as null", () => {
    expect(servedCount(3, true)).toBeNull();
    expect(servedCount(12, false)).toBe(12);
  });
});

import { describe, expect, it } from "vitest";
import {
  isQuarter,
  quarterCount,
  quarterOf,
  quarterRange,
  quartersBetween,
  schoolYearStart,
} from "./quarters.ts";

describe("quarters", () => {
  it("takes the years 1900-2100 only, like every other date (year 0000 was a 500)", () => {
    for (const q of ["1900-Q1", "2026-Q4", "2100-Q4"]) expect(isQuarter(q), q).toBe(true);
    for (const q of ["0000-Q1", "1899-Q4", "2101-Q1", "9999-Q1", "2026-Q5", "2026-Q0"]) {
      expect(isQuarter(q), q).toBe(false);
    }
    expect(quarterCount("2025-Q3", "2026-Q2")).toBe(4);
    expect(quarterCount("1900-Q1", "2100-Q4")).toBe(804);
    expect(quarterCount("2026-Q2", "2026-Q1")).toBe(0);
  });

  it("names and bounds calendar quarters", () => {
    expect(quarterOf("2026-03-31")).toBe("2026-Q1");
    expect(quarterOf("2026-04-01")).toBe("2026-Q2");
    expect(quarterRange("2025-Q4")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(quarterRange("2024-Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
  });

  it("lists the quarters between two, across a year end", () => {
    expect(quartersBetween("2025-Q3", "2026-Q2")).toEqual([
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
    ]);
    expect(quartersBetween("2026-Q2", "2026-Q1")).toEqual([]);
  });

  it("starts the school year on 1 August", () => {
    expect(schoolYearStart("2026-03-12")).toBe("2025-08-01");
    expect(schoolYearStart("2025-08-01")).toBe("2025-08-01");
    expect(schoolYearStart("2025-07-31")).toBe("2024-08-01");
  });
});

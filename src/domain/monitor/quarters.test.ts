import { describe, expect, it } from "vitest";
import { quarterOf, quarterRange, quartersBetween, schoolYearStart } from "./quarters.ts";

describe("quarters", () => {
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

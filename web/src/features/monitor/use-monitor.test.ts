import { describe, expect, it } from "vitest";
import {
  lastCompletedQuarter,
  parseQuarter,
  quarterAsOf,
  quarterEnd,
  quarterLabel,
  quarterOptions,
  shiftQuarter,
} from "./use-monitor.ts";

describe("quarters", () => {
  it("reads what a Dutch user types and shows the API's quarters as Kn", () => {
    expect(parseQuarter("2026-K1")).toBe("2026-Q1");
    expect(parseQuarter(" 2025 q4 ")).toBe("2025-Q4");
    expect(parseQuarter("2026-K5")).toBeNull();
    expect(quarterLabel("2026-Q2")).toBe("2026-K2");
  });

  it("finds the last day, the running quarter's date and neighbours", () => {
    expect(quarterEnd("2026-Q1")).toBe("2026-03-31");
    expect(quarterEnd("2024-Q4")).toBe("2024-12-31");
    expect(quarterAsOf("2026-Q1", "2026-03-02")).toBe("2026-03-02");
    expect(quarterAsOf("2025-Q4", "2026-03-02")).toBe("2025-12-31");
    expect(shiftQuarter("2026-Q1", -3)).toBe("2025-Q2");
    expect(shiftQuarter("2025-Q4", 1)).toBe("2026-Q1");
  });
});

describe("quarter choice (issue 11)", () => {
  it("defaults to the last completed quarter, not the running one", () => {
    expect(lastCompletedQuarter("2026-03-02")).toBe("2025-Q4");
    expect(lastCompletedQuarter("2026-03-31")).toBe("2026-Q1");
    expect(lastCompletedQuarter("2026-01-01")).toBe("2025-Q4");
  });

  it("offers the running quarter first, marked, then completed ones newest first", () => {
    const options = quarterOptions("2026-03-02", 4);
    expect(options).toEqual([
      { value: "2026-Q1", running: true },
      { value: "2025-Q4", running: false },
      { value: "2025-Q3", running: false },
      { value: "2025-Q2", running: false },
      { value: "2025-Q1", running: false },
    ]);
  });
});

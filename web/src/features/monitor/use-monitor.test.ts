import { describe, expect, it } from "vitest";
import {
  parseQuarter,
  quarterAsOf,
  quarterEnd,
  quarterLabel,
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

import { describe, expect, it } from "vitest";
import { addCalendarMonths } from "./months.ts";

describe("addCalendarMonths", () => {
  it("keeps the day of month and clamps to the month's end", () => {
    expect(addCalendarMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addCalendarMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addCalendarMonths("2025-10-15", 3)).toBe("2026-01-15");
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
  });
});

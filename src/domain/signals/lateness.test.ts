import { describe, expect, it } from "vitest";
import { codes, find, unit } from "../../../test/support/signal-calendars.ts";
import { evaluateUnit } from "./evaluate.ts";
import type { AttendanceRecord } from "./types.ts";

const late = (date: string, period: string, minutes = 10): AttendanceRecord => ({
  date,
  period,
  minutes,
  reason: "late",
});
const D = "2026-03-04"; // window: lesweken of 2, 9, 23 February and 2 March

describe("LATE_REPEATED (≥ 6 late arrivals in the 4 most recent lesweken up to D)", () => {
  const five = [
    late("2026-02-02", "1"),
    late("2026-02-02", "5"),
    late("2026-02-10", "1"),
    late("2026-02-24", "1"),
    late("2026-03-03", "1"),
  ];

  it("fires at the 6th late row, counting two rows on one day as two arrivals", () => {
    const signals = evaluateUnit(unit({ attendance: [...five, late("2026-03-04", "1", 30)] }), D);
    expect(find(signals, "LATE_REPEATED")?.evidence).toEqual({
      late_arrivals: 6,
      late_minutes: 80,
      lesweken: 4,
      window_start: "2026-02-02",
      window_end: D,
    });
  });

  it("does not count rows before the window or after D, and late minutes are no absence", () => {
    const outside = [...five, late("2026-01-30", "1", 300), late("2026-03-05", "1", 300)];
    expect(codes(evaluateUnit(unit({ attendance: outside }), D))).toEqual([]);
  });
});

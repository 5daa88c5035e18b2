import { describe, expect, it } from "vitest";
import {
  codes,
  dayRows,
  lessonRows,
  NOORD,
  schoolDates,
  unit,
  ZUID,
} from "../../../test/support/signal-calendars.ts";
import { evaluateUnit, evaluateUnitAtDates } from "./evaluate.ts";

const D = "2026-03-04";

describe("evaluating units", () => {
  it("evaluates a pupil at two schools per school, each with its own calendar and rows", () => {
    // Ten unauthorized hours at each school: preventive at both, never 16 h added up.
    const atZuid = unit({
      attendance: [
        ...lessonRows("2026-02-24", 6, "truant"),
        ...lessonRows("2026-02-25", 4, "truant"),
      ],
    });
    const atNoord = unit({
      calendar: NOORD,
      enrolments: [{ startDate: "2026-01-05", endDate: null }],
      attendance: [
        ...lessonRows("2026-02-17", 6, "truant"),
        ...lessonRows("2026-02-18", 4, "truant"),
      ],
    });
    const zuid = evaluateUnit(atZuid, D);
    const noord = evaluateUnit(atNoord, D);
    expect(zuid.map((s) => [s.schoolId, s.code])).toEqual([["10AA00", "PREVENTIVE_10H"]]);
    expect(noord.map((s) => [s.schoolId, s.code])).toEqual([["20BB00", "PREVENTIVE_10H"]]);
  });

  it("gives nothing for a school the pupil has left, however much absence it recorded", () => {
    const left = unit({
      enrolments: [{ startDate: "2025-08-25", endDate: "2026-02-27" }],
      attendance: dayRows(schoolDates(ZUID, "2026-01-26", "2026-02-27"), "truant"),
    });
    expect(evaluateUnit(left, D)).toEqual([]);
    expect(codes(evaluateUnit(left, "2026-02-27"))).toContain("LEGAL_16H");
  });

  it("returns the signals sorted by code", () => {
    const attendance = dayRows(schoolDates(ZUID, "2026-01-26", "2026-03-04"), "truant");
    expect(codes(evaluateUnit(unit({ attendance }), D))).toEqual([
      "LEGAL_16H",
      "LONG_TERM_ABSENT",
      "PERSISTENT_10",
      "UNDER_50",
    ]);
  });

  it("gives at several dates what it gives at each date alone", () => {
    const attendance = [
      ...dayRows(schoolDates(ZUID, "2026-01-12", "2026-02-06"), "sick"),
      ...lessonRows("2026-02-24", 6, "truant"),
      ...lessonRows("2026-03-03", 6, "late"),
    ];
    const dates = schoolDates(ZUID, "2026-01-20", "2026-03-20");
    const series = evaluateUnitAtDates(unit({ attendance }), dates);
    expect(series).toHaveLength(dates.length);
    dates.forEach((date, i) => {
      expect(series[i]).toEqual(evaluateUnit(unit({ attendance }), date));
    });
    expect(series.some((signals) => codes(signals).includes("SICK_LONG"))).toBe(true);
  });
});

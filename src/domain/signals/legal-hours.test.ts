import { describe, expect, it } from "vitest";
import {
  codes,
  dayRows,
  find,
  lessonRows,
  NOORD,
  unit,
} from "../../../test/support/signal-calendars.ts";
import { evaluateUnit } from "./evaluate.ts";
import { MAZL_PROFILE } from "./profiles.ts";
import type { AttendanceRecord } from "./types.ts";

const D = "2026-03-04"; // zuid window: lesweken of 2, 9, 23 Feb and 2 Mar (16 Feb is holiday)

/** Unauthorized lessons spread over school days of the window. */
function truantLessons(perDay: [string, number][], minutes = 50): AttendanceRecord[] {
  return perDay.flatMap(([date, n]) => lessonRows(date, n, "truant", minutes));
}

describe("LEGAL_16H and PREVENTIVE_10H", () => {
  it("fires LEGAL_16H at exactly 16 lessons of 50 minutes (16 h), with evidence", () => {
    const attendance = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 6],
      ["2026-03-03", 4],
    ]);
    const signals = evaluateUnit(unit({ attendance }), D);
    expect(codes(signals)).toEqual(["LEGAL_16H"]);
    expect(find(signals, "LEGAL_16H")).toMatchObject({
      pupilId: "P001",
      schoolId: "10AA00",
      asOf: D,
      evidence: {
        unauthorized_minutes: 800,
        unauthorized_hours: 16,
        first_absence_date: "2026-02-03",
        window_start: "2026-02-02",
        window_end: D,
      },
      attributes: {},
    });
  });

  it("fires only PREVENTIVE_10H below 16 h (15 lessons), and nothing below 10 h", () => {
    const fifteen = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 6],
      ["2026-03-03", 3],
    ]);
    const signals = evaluateUnit(unit({ attendance: fifteen }), D);
    expect(codes(signals)).toEqual(["PREVENTIVE_10H"]);
    expect(find(signals, "PREVENTIVE_10H")?.evidence.unauthorized_hours).toBe(15);
    const nine = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 3],
    ]);
    expect(evaluateUnit(unit({ attendance: nine }), D)).toEqual([]);
  });

  it("counts lessons longer than 60 minutes by the minute: 12 × 75 min is 15 h, 13 × 75 is 16.25 h", () => {
    const twelve = truantLessons(
      [
        ["2026-02-03", 4],
        ["2026-02-04", 4],
        ["2026-02-05", 4],
      ],
      75,
    );
    expect(codes(evaluateUnit(unit({ attendance: twelve }), D))).toEqual(["PREVENTIVE_10H"]);
    const thirteen = [...twelve, ...truantLessons([["2026-02-06", 1]], 75)];
    const signals = evaluateUnit(unit({ attendance: thirteen }), D);
    expect(find(signals, "LEGAL_16H")?.evidence.unauthorized_hours).toBe(16.25);
  });

  it("counts dagdeel rows as clock hours: 4 × 240 min is exactly 16 h", () => {
    const attendance = dayRows(
      ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"],
      "unreported",
      240,
      "am",
    );
    expect(codes(evaluateUnit(unit({ attendance }), D))).toEqual(["LEGAL_16H"]);
  });

  it("does not count authorized absence or late arrivals", () => {
    const attendance = [
      ...lessonRows("2026-02-03", 6, "sick"),
      ...lessonRows("2026-02-04", 6, "leave"),
      ...lessonRows("2026-02-05", 6, "suspended"),
      ...dayRows(["2026-02-24", "2026-02-25", "2026-02-26"], "late", 60, "1"),
      ...lessonRows("2026-03-02", 6, "luxury"),
    ];
    const signals = evaluateUnit(unit({ attendance }), D);
    expect(codes(signals)).not.toContain("LEGAL_16H");
    expect(codes(signals)).not.toContain("PREVENTIVE_10H");
  });

  it("skips the holiday week: the 4th lesweek back starts on 2 February for zuid", () => {
    // 30 January lies in the lesweek of 26 January: outside the window.
    const inWindow = truantLessons([
      ["2026-02-02", 6],
      ["2026-02-03", 4],
    ]);
    const before = truantLessons([["2026-01-30", 6]]);
    const signals = evaluateUnit(unit({ attendance: [...before, ...inWindow] }), D);
    expect(find(signals, "PREVENTIVE_10H")?.evidence).toMatchObject({
      unauthorized_minutes: 500,
      window_start: "2026-02-02",
    });
  });

  it("uses the school's own holiday region: noord's window on 25 February starts later", () => {
    const D2 = "2026-02-25";
    const attendance = truantLessons([
      ["2026-01-27", 6],
      ["2026-02-03", 6],
      ["2026-02-17", 4],
    ]);
    // zuid (holiday week of 16 Feb): lesweken 26 Jan, 2 Feb, 9 Feb, 23 Feb — the 17 Feb rows are
    // on a closed day and are no absence; noord: 2, 9, 16, 23 Feb — the 27 Jan rows fall outside.
    const zuid = evaluateUnit(unit({ attendance: attendance.slice(0, 12) }), D2);
    expect(find(zuid, "PREVENTIVE_10H")?.evidence).toMatchObject({
      unauthorized_hours: 12,
      window_start: "2026-01-26",
    });
    const noord = evaluateUnit(unit({ calendar: NOORD, attendance }), D2);
    expect(find(noord, "PREVENTIVE_10H")?.evidence).toMatchObject({
      unauthorized_hours: 10,
      window_start: "2026-02-02",
    });
  });

  it("counts the week containing D only up to D", () => {
    const attendance = truantLessons([
      ["2026-02-24", 6],
      ["2026-03-02", 4],
      ["2026-03-05", 6],
    ]);
    expect(codes(evaluateUnit(unit({ attendance }), D))).toEqual(["PREVENTIVE_10H"]);
    expect(codes(evaluateUnit(unit({ attendance }), "2026-03-05"))).toEqual(["LEGAL_16H"]);
  });

  it("reads the current row set: a row corrected from truant to sick no longer counts", () => {
    const original = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 6],
      ["2026-03-03", 4],
    ]);
    const corrected = original.map((r) =>
      r.date === "2026-03-03" && r.period === "1" ? { ...r, reason: "sick" as const } : r,
    );
    expect(codes(evaluateUnit(unit({ attendance: corrected }), D))).toEqual(["PREVENTIVE_10H"]);
  });

  it("ignores rows outside the enrolment and gives nothing when not enrolled at D", () => {
    const attendance = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 6],
      ["2026-03-03", 4],
    ]);
    const lateStart = unit({
      attendance,
      enrolments: [{ startDate: "2026-02-23", endDate: null }],
    });
    expect(find(evaluateUnit(lateStart, D), "PREVENTIVE_10H")?.evidence.unauthorized_hours).toBe(
      10,
    );
    const left = unit({
      attendance,
      enrolments: [{ startDate: "2025-08-25", endDate: "2026-03-03" }],
    });
    expect(evaluateUnit(left, D)).toEqual([]);
    const leftOnD = unit({ attendance, enrolments: [{ startDate: "2025-08-25", endDate: D }] });
    expect(codes(evaluateUnit(leftOnD, D))).toEqual(["LEGAL_16H"]);
  });

  it("is the same under the mazl profile", () => {
    const attendance = truantLessons([
      ["2026-02-03", 6],
      ["2026-02-24", 6],
      ["2026-03-03", 4],
    ]);
    expect(codes(evaluateUnit(unit({ attendance }), D, MAZL_PROFILE))).toEqual(["LEGAL_16H"]);
  });
});

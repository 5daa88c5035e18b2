import { describe, expect, it } from "vitest";
import {
  codes,
  dayRows,
  find,
  schoolDates,
  unit,
  ZUID,
} from "../../../test/support/signal-calendars.ts";
import { evaluateUnit } from "./evaluate.ts";
import type { AbsenceReason, AttendanceRecord } from "./types.ts";

// Zuid on Wednesday 4 March: the complete lesweken before D are those of 26 January, 2, 9 and
// 23 February (16 February is the spring holiday).
const D = "2026-03-04";
const absentAll = (from: string, to: string, reason: AbsenceReason): AttendanceRecord[] =>
  dayRows(schoolDates(ZUID, from, to), reason);
const has = (attendance: AttendanceRecord[], code: string, asOf = D, extra = {}) =>
  codes(evaluateUnit(unit({ attendance, ...extra }), asOf)).includes(code);

describe("LONG_TERM_ABSENT", () => {
  it("fires when all scheduled time of the 4 complete lesweken is missed; legal when unauthorized", () => {
    const signals = evaluateUnit(
      unit({ attendance: absentAll("2026-01-26", "2026-02-27", "truant") }),
      D,
    );
    expect(find(signals, "LONG_TERM_ABSENT")).toMatchObject({
      evidence: {
        absent_minutes: 6000,
        scheduled_minutes: 6000,
        unauthorized_minutes: 6000,
        window_start: "2026-01-26",
        window_end: "2026-03-01",
      },
      attributes: { legal: true },
    });
    // Nothing in the week containing D is needed: it is not a complete week.
    expect(codes(signals)).toContain("UNDER_50");
  });

  it("is not legal when sick, nor when exactly half is unauthorized", () => {
    const sick = evaluateUnit(
      unit({ attendance: absentAll("2026-01-26", "2026-02-27", "sick") }),
      D,
    );
    expect(find(sick, "LONG_TERM_ABSENT")?.attributes).toEqual({ legal: false });
    const half = [
      ...absentAll("2026-01-26", "2026-02-06", "unreported"),
      ...absentAll("2026-02-09", "2026-02-27", "medical"),
    ];
    const signals = evaluateUnit(unit({ attendance: half }), D);
    expect(find(signals, "LONG_TERM_ABSENT")?.attributes).toEqual({ legal: false });
  });

  it("does not fire when one school day was attended", () => {
    const rows = absentAll("2026-01-26", "2026-02-27", "truant").filter(
      (r) => r.date !== "2026-02-25",
    );
    expect(has(rows, "LONG_TERM_ABSENT")).toBe(false);
    expect(has(rows, "UNDER_50")).toBe(true);
  });

  it("does not need rows on a studiedag: it is no scheduled time", () => {
    const rows = absentAll("2026-03-02", "2026-03-27", "unreported"); // 25 March is closed
    const signals = evaluateUnit(unit({ attendance: rows }), "2026-04-01");
    expect(find(signals, "LONG_TERM_ABSENT")?.evidence.scheduled_minutes).toBe(19 * 300);
  });

  it("follows the enrolment: scheduled time only inside it, and a week without any never fires", () => {
    const rows = absentAll("2026-02-04", "2026-03-06", "truant");
    const midWeek = { enrolments: [{ startDate: "2026-02-04", endDate: null }] };
    expect(has(rows, "LONG_TERM_ABSENT", D, midWeek)).toBe(false); // week of 26 Jan has none
    const later = evaluateUnit(unit({ attendance: rows, ...midWeek }), "2026-03-11");
    expect(find(later, "LONG_TERM_ABSENT")?.evidence).toMatchObject({
      scheduled_minutes: 18 * 300,
      window_start: "2026-02-02",
    });
  });

  it("lets exempt_11a minutes leave the scheduled time of a young pupil", () => {
    const young = { pupil: { id: "P009", birthDate: "2021-01-10" } };
    const fridays = ["2026-01-30", "2026-02-06", "2026-02-13", "2026-02-27"];
    const rows = [
      ...absentAll("2026-01-26", "2026-02-27", "sick").filter((r) => !fridays.includes(r.date)),
      ...dayRows(fridays, "exempt_11a", 120),
      ...dayRows(fridays, "sick", 180),
    ];
    const signals = evaluateUnit(unit({ attendance: rows, ...young }), D);
    expect(find(signals, "LONG_TERM_ABSENT")?.evidence).toMatchObject({
      scheduled_minutes: 6000 - 4 * 120,
      absent_minutes: 6000 - 4 * 120,
    });
  });
});

describe("UNDER_50 (more than 50 % absent in each of the 4 complete lesweken)", () => {
  const week = (days: string[], lastMinutes: number) => [
    ...dayRows(days.slice(0, 2), "sick"),
    ...dayRows(days.slice(2, 3), "truant", lastMinutes),
  ];
  const weeks = (lastMinutes: number) => [
    ...week(["2026-01-26", "2026-01-27", "2026-01-28"], 160),
    ...week(["2026-02-02", "2026-02-03", "2026-02-04"], 160),
    ...week(["2026-02-09", "2026-02-10", "2026-02-11"], 160),
    ...week(["2026-02-23", "2026-02-24", "2026-02-25"], lastMinutes),
  ];

  it("fires at 751 of 1500 minutes but not at exactly 50 %", () => {
    expect(
      find(evaluateUnit(unit({ attendance: weeks(151) }), D), "UNDER_50")?.evidence,
    ).toMatchObject({
      weeks: 4,
      lowest_week_percentage: 50.1,
      window_start: "2026-01-26",
    });
    expect(has(weeks(150), "UNDER_50")).toBe(false);
  });

  it("does not count late minutes as absence", () => {
    const late = [...weeks(150), ...dayRows(["2026-02-26", "2026-02-27"], "late", 45, "1")];
    expect(has(late, "UNDER_50")).toBe(false);
  });
});

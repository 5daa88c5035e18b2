import { describe, expect, it } from "vitest";
import { codes, dayRows, find, unit } from "../../../test/support/signal-calendars.ts";
import { evaluateUnit } from "./evaluate.ts";
import type { AttendanceRecord, EvaluationUnit } from "./types.ts";

// Enrolled from Monday 2 February; up to Wednesday 4 March zuid has 18 school days (5400
// minutes) in 4 lesweken (2, 9, 23 February and 2 March; 16 February is the spring holiday).
const D = "2026-03-04";
const fromFebruary = (attendance: AttendanceRecord[], extra: Partial<EvaluationUnit> = {}) =>
  unit({ attendance, enrolments: [{ startDate: "2026-02-02", endDate: null }], ...extra });
/** Medical absence spread over whole school days (300 minutes each) and a remainder. */
const absence = (minutes: number): AttendanceRecord[] => {
  const dates = ["2026-02-03", "2026-02-04", "2026-02-10", "2026-02-24", "2026-02-25"];
  return dates
    .map((date, i) => ({ date, minutes: Math.min(300, minutes - 300 * i) }))
    .filter((r) => r.minutes > 0)
    .map((r) => ({ ...r, period: "day", reason: "medical" as const }));
};

describe("PERSISTENT_10 (≥ 10 % since the start of the school year or the enrolment)", () => {
  it("fires at exactly 10 % (540 of 5400 minutes) and not at 539", () => {
    const signals = evaluateUnit(fromFebruary(absence(540)), D);
    expect(find(signals, "PERSISTENT_10")?.evidence).toEqual({
      absent_minutes: 540,
      scheduled_minutes: 5400,
      absence_percentage: 10,
      lesweken: 4,
      window_start: "2026-02-02",
      window_end: D,
    });
    expect(codes(evaluateUnit(fromFebruary(absence(539)), D))).not.toContain("PERSISTENT_10");
  });

  it("needs 4 lesweken in the span: enrolled from 9 February is only 3", () => {
    const rows = dayRows(["2026-02-10", "2026-02-11", "2026-02-24"], "truant");
    const late = unit({
      attendance: rows,
      enrolments: [{ startDate: "2026-02-09", endDate: null }],
    });
    expect(codes(evaluateUnit(late, D))).not.toContain("PERSISTENT_10");
    expect(codes(evaluateUnit(late, "2026-03-09"))).toContain("PERSISTENT_10");
  });

  it("starts on 1 August: last school year's absence and the first 3 weeks do not count", () => {
    const rows = [
      ...dayRows(["2025-06-10", "2025-06-11", "2025-06-12"], "truant"),
      ...dayRows(["2025-08-26", "2025-09-02", "2025-09-09"], "medical"),
    ];
    // Enrolled since the previous school year, so the span starts on 1 August.
    const pupil = unit({
      attendance: rows,
      enrolments: [{ startDate: "2024-08-26", endDate: null }],
    });
    expect(codes(evaluateUnit(pupil, "2025-09-12"))).toEqual([]);
    // 15 September: 4 lesweken, 16 school days (4800 minutes), 900 absent = 18.75 %.
    const signals = evaluateUnit(pupil, "2025-09-15");
    expect(find(signals, "PERSISTENT_10")?.evidence).toMatchObject({
      absent_minutes: 900,
      scheduled_minutes: 4800,
      window_start: "2025-08-01",
    });
  });

  it("does not restart the year at a new enrolment row that follows the previous one", () => {
    // 900 minutes in February: 18.75 % of the 16 school days since 1 February, but far under
    // 10 % of the year since 25 August, which is where the continuous enrolment started.
    const rows = dayRows(["2026-02-03", "2026-02-04", "2026-02-05"], "medical");
    const touching = [
      { startDate: "2025-08-25", endDate: "2026-01-31" },
      { startDate: "2026-02-01", endDate: null },
    ];
    expect(evaluateUnit(unit({ attendance: rows, enrolments: touching }), "2026-03-02")).toEqual(
      [],
    );
    const fresh = [touching[1]!];
    const signals = evaluateUnit(unit({ attendance: rows, enrolments: fresh }), "2026-03-02");
    expect(find(signals, "PERSISTENT_10")?.evidence).toMatchObject({
      absent_minutes: 900,
      scheduled_minutes: 4800,
      window_start: "2026-02-01",
    });
    const gap = [touching[0]!, { startDate: "2026-02-03", endDate: null }];
    expect(evaluateUnit(unit({ attendance: rows, enrolments: gap }), "2026-02-02")).toEqual([]);
  });

  it("does not count late minutes, and exempt_11a leaves the scheduled time", () => {
    const lateRows = dayRows(["2026-02-03", "2026-02-04"], "late", 270, "1");
    expect(codes(evaluateUnit(fromFebruary(lateRows), D))).toEqual([]);
    // 480 of 5400 is under 10 %; with 600 exempted minutes it is 480 of 4800.
    const young = { pupil: { id: "P010", birthDate: "2020-09-01" } };
    const rows = [...absence(480), ...dayRows(["2026-02-05", "2026-02-06"], "exempt_11a", 300)];
    expect(codes(evaluateUnit(fromFebruary(rows.slice(0, 1), young), D))).not.toContain(
      "PERSISTENT_10",
    );
    expect(
      find(evaluateUnit(fromFebruary(rows, young), D), "PERSISTENT_10")?.evidence,
    ).toMatchObject({
      scheduled_minutes: 4800,
      absence_percentage: 10,
    });
  });
});

describe("EARLY_YEARS_20 (aged 4–8 at D, ≥ 20 %)", () => {
  const twentyPercent = absence(1080);
  const aged = (birthDate: string) =>
    codes(evaluateUnit(fromFebruary(twentyPercent, { pupil: { id: "P011", birthDate } }), D));

  it("fires for a pupil of 8 and of 4, not for one who turned 9 on D or is 3", () => {
    expect(aged("2017-03-05")).toEqual(["EARLY_YEARS_20", "PERSISTENT_10"]);
    expect(aged("2021-06-01")).toContain("EARLY_YEARS_20");
    expect(aged("2017-03-04")).toEqual(["PERSISTENT_10"]);
    expect(aged("2022-03-05")).toEqual(["PERSISTENT_10"]);
  });

  it("does not fire just under 20 %", () => {
    const rows = absence(1079);
    const signals = evaluateUnit(
      fromFebruary(rows, { pupil: { id: "P011", birthDate: "2018-01-01" } }),
      D,
    );
    expect(codes(signals)).toEqual(["PERSISTENT_10"]);
  });
});

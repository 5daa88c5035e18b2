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
import { MAZL_PROFILE } from "./profiles.ts";
import type { AttendanceRecord, Signal } from "./types.ts";

const sick = (dates: string[], minutes = 300): AttendanceRecord[] =>
  dayRows(dates, "sick", minutes);
const sickRange = (from: string, to: string) => sick(schoolDates(ZUID, from, to));
const run = (attendance: AttendanceRecord[], asOf: string, profile = undefined) =>
  evaluateUnit(unit({ attendance }), asOf, profile);
const has = (signals: Signal[], code: Signal["code"]) => codes(signals).includes(code);

describe("SICK_FREQUENT (default: ≥ 3 episodes of 1–2 days in 2 calendar months)", () => {
  const D = "2026-03-12"; // 2 months back: 2026-01-12

  it("fires on three short episodes, the first on the boundary day", () => {
    const signals = run(sick(["2026-01-12", "2026-02-03", "2026-02-04", "2026-03-10"]), D);
    expect(find(signals, "SICK_FREQUENT")?.evidence).toMatchObject({
      episodes: 3,
      episode_starts: ["2026-01-12", "2026-02-03", "2026-03-10"],
      window_start: "2026-01-12",
      window_end: D,
    });
  });

  it("does not count an episode that started before the window or lasts 3 days", () => {
    expect(has(run(sick(["2026-01-09", "2026-02-03", "2026-03-10"]), D), "SICK_FREQUENT")).toBe(
      false,
    );
    const long = sick(["2026-01-12", "2026-02-03", "2026-02-04", "2026-02-05", "2026-03-10"]);
    expect(has(run(long, D), "SICK_FREQUENT")).toBe(false);
  });

  it("cuts episodes at D: a run still 2 days long at D counts", () => {
    const rows = sick(["2026-01-12", "2026-02-03", "2026-03-11", "2026-03-12", "2026-03-13"]);
    expect(has(run(rows, "2026-03-12"), "SICK_FREQUENT")).toBe(true);
    expect(has(run(rows, "2026-03-13"), "SICK_FREQUENT")).toBe(false);
  });

  it("needs sick minutes of at least half the day: 150 of 300 is a sick day, 149 is not", () => {
    const base = sick(["2026-01-12", "2026-02-03"]);
    expect(has(run([...base, ...sick(["2026-03-10"], 150)], D), "SICK_FREQUENT")).toBe(true);
    expect(has(run([...base, ...sick(["2026-03-10"], 149)], D), "SICK_FREQUENT")).toBe(false);
  });

  it("measures half a day against the pupil's scheduled time after exempt_11a", () => {
    // 120 of the 300 minutes exempted: 90 sick minutes are half of the remaining 180.
    const exempt = (date: string) => ({
      date,
      period: "am",
      minutes: 120,
      reason: "exempt_11a" as const,
    });
    const rows = [
      ...sick(["2026-01-12", "2026-02-03"]),
      exempt("2026-03-10"),
      ...sick(["2026-03-10"], 90),
    ];
    const young = { pupil: { id: "P012", birthDate: "2020-11-01" } };
    expect(has(evaluateUnit(unit({ attendance: rows, ...young }), D), "SICK_FREQUENT")).toBe(true);
    const without = rows.filter((r) => r.reason !== "exempt_11a");
    expect(has(evaluateUnit(unit({ attendance: without, ...young }), D), "SICK_FREQUENT")).toBe(
      false,
    );
  });

  it("M@ZL: the 4th episode of any length within the 12 most recent lesweken", () => {
    // Zuid's 12 lesweken up to 12 March reach back to 1 December (two Christmas weeks skipped).
    const rows = [
      ...sick(["2025-12-02"]),
      ...sickRange("2026-01-06", "2026-01-09"),
      ...sick(["2026-02-03", "2026-03-10"]),
    ];
    expect(has(run(rows, D), "SICK_FREQUENT")).toBe(false);
    const mazl = evaluateUnit(unit({ attendance: rows }), D, MAZL_PROFILE);
    expect(find(mazl, "SICK_FREQUENT")?.evidence).toMatchObject({
      episodes: 4,
      window_start: "2025-12-01",
    });
    const earlier = rows.map((r) => (r.date === "2025-12-02" ? { ...r, date: "2025-11-28" } : r));
    expect(has(evaluateUnit(unit({ attendance: earlier }), D, MAZL_PROFILE), "SICK_FREQUENT")).toBe(
      false,
    );
  });
});

describe("SICK_LONG (an episode longer than 10 school days, recent)", () => {
  it("does not fire at exactly 10 sick school days, fires at 11", () => {
    const ten = sickRange("2026-03-02", "2026-03-13");
    expect(has(run(ten, "2026-03-13"), "SICK_LONG")).toBe(false);
    const signals = run([...ten, ...sick(["2026-03-16"])], "2026-03-16");
    expect(find(signals, "SICK_LONG")?.evidence).toMatchObject({
      sick_days: 11,
      episode_start: "2026-03-02",
      episode_end: "2026-03-16",
      ongoing: true,
    });
  });

  it("runs across a holiday week: closed days do not break an episode", () => {
    const rows = sickRange("2026-02-09", "2026-03-02"); // 5 + holiday week + 5 + 1
    expect(find(run(rows, "2026-03-02"), "SICK_LONG")?.evidence).toMatchObject({
      sick_days: 11,
      episode_start: "2026-02-09",
    });
  });

  it("keeps firing until more than 5 school days lie after the episode (studiedag not counted)", () => {
    const rows = sickRange("2026-03-04", "2026-03-19"); // 12 school days, ends Thursday 19 March
    // After it: 20, 23, 24, (25 is a studiedag), 26, 27 March = 5 school days; 30 March is the 6th.
    expect(find(run(rows, "2026-03-27"), "SICK_LONG")?.evidence).toMatchObject({
      school_days_since_end: 5,
      ongoing: false,
    });
    expect(has(run(rows, "2026-03-30"), "SICK_LONG")).toBe(false);
  });

  it("M@ZL: from the 7th consecutive sick school day", () => {
    const seven = sickRange("2026-03-02", "2026-03-10");
    expect(
      has(evaluateUnit(unit({ attendance: seven }), "2026-03-10", MAZL_PROFILE), "SICK_LONG"),
    ).toBe(true);
    expect(
      has(evaluateUnit(unit({ attendance: seven }), "2026-03-09", MAZL_PROFILE), "SICK_LONG"),
    ).toBe(false);
    expect(has(run(seven, "2026-03-10"), "SICK_LONG")).toBe(false);
  });
});

describe("SICK_SPREAD (more than 4 sick days in D − 27 … D over ≥ 2 episodes)", () => {
  const D = "2026-03-12"; // window from 2026-02-13

  it("fires on 5 sick days in 2 episodes; the holiday week joins 13 and 23 February", () => {
    const rows = sick(["2026-02-13", "2026-02-23", "2026-02-24", "2026-03-05", "2026-03-06"]);
    expect(find(run(rows, D), "SICK_SPREAD")?.evidence).toMatchObject({
      sick_days: 5,
      episodes: 2,
      window_start: "2026-02-13",
      window_end: D,
    });
  });

  it("does not fire on 4 days, on 5 days in one episode, or with a day before the window", () => {
    expect(
      has(run(sick(["2026-02-23", "2026-02-24", "2026-03-05", "2026-03-06"]), D), "SICK_SPREAD"),
    ).toBe(false);
    expect(has(run(sickRange("2026-03-02", "2026-03-06"), D), "SICK_SPREAD")).toBe(false);
    const early = sick(["2026-02-12", "2026-02-24", "2026-02-26", "2026-03-05", "2026-03-09"]);
    expect(has(run(early, D), "SICK_SPREAD")).toBe(false);
  });
});

describe("SICK_NOTABLE (recorded by hand)", () => {
  it("holds from the day recorded until its end date (inclusive)", () => {
    const sickNotable = [{ recordedOn: "2026-03-02", endDate: "2026-03-20", reference: "obs-1" }];
    const at = (asOf: string) => evaluateUnit(unit({ sickNotable }), asOf);
    expect(has(at("2026-03-01"), "SICK_NOTABLE")).toBe(false);
    expect(find(at("2026-03-02"), "SICK_NOTABLE")?.evidence).toEqual({
      recorded_on: "2026-03-02",
      end_date: "2026-03-20",
      reference: "obs-1",
    });
    expect(has(at("2026-03-20"), "SICK_NOTABLE")).toBe(true);
    expect(has(at("2026-03-23"), "SICK_NOTABLE")).toBe(false);
  });
});

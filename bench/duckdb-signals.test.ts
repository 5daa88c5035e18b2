// The DuckDB peer on a hand-made region: two schools in holiday region noord with a
// voorjaarsvakantie week (16–20 February 2026), evaluated on Wednesday 4 March 2026.
// Complete lesweken before D: 23 Feb, 9 Feb, 2 Feb, 26 Jan (the holiday week is no lesweek);
// the 4 lesweken up to D add the week of 2 March and drop 26 January.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluateSignalsDuckDb,
  loadSignalsData,
  openDuckDb,
  type PeerSignal,
} from "./duckdb-signals.ts";

const AS_OF = "2026-03-04";
const VO = "20VO00"; // lessons of 50 minutes: 8 a day Mon–Thu, 6 on Friday
const PO = "20PO00"; // am 210 + pm 120 minutes, Wednesday am only
const VO75 = "20VL00"; // lessons of 75 minutes: 5 a day Mon–Thu, 4 on Friday

const rows: string[] = [];
const pupils: string[] = [];
const enrolments: string[] = [];

function pupil(id: string, school: string, birth = "2012-05-01", start = "2025-08-15", end = "") {
  pupils.push(`${id},Test,Leerling,${birth},Veendorp`);
  enrolments.push(`${id},${school},${start},${end},1`);
}
function lessons(id: string, date: string, from: number, to: number, reason: string, minutes = 50) {
  for (let n = from; n <= to; n++) rows.push(`${id},${VO},${date},${n},${minutes},${reason}`);
}
function fullDay(id: string, date: string, reason: string) {
  lessons(id, date, 1, new Date(`${date}T00:00:00Z`).getUTCDay() === 5 ? 6 : 8, reason);
}
/** School days (noord, this test's closures) from `from` to `to` inclusive. */
function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6 || (date >= "2026-02-14" && date <= "2026-02-22")) continue;
    days.push(date);
  }
  return days;
}

// LEGAL_16H at exactly 16 h: 4 lessons in each of the 4 lesweken up to D (the holiday week
// skipped); the truancy of 27 January (before the window) and of 5 March (after D) do not count.
pupil("P01", VO);
lessons("P01", "2026-01-27", 1, 8, "truant");
for (const date of ["2026-02-03", "2026-02-10", "2026-02-24", "2026-03-03"])
  lessons("P01", date, 1, 4, "truant");
lessons("P01", "2026-03-05", 1, 8, "truant");
// 954 minutes in dagdelen = 15.9 h: PREVENTIVE_10H only.
pupil("P02", PO, "2016-05-01");
rows.push(`P02,${PO},2026-02-03,day,330,unreported`, `P02,${PO},2026-02-10,day,330,unreported`);
rows.push(`P02,${PO},2026-02-24,am,210,truant`, `P02,${PO},2026-03-03,pm,84,truant`);
// 13 lessons of 75 minutes count as 16.25 h (minutes/60), not as 13 lesson hours.
pupil("P18", VO75);
for (const [date, last] of [
  ["2026-02-03", 5],
  ["2026-02-10", 5],
  ["2026-02-24", 3],
] as const) {
  for (let n = 1; n <= last; n++) rows.push(`P18,${VO75},${date},${n},75,truant`);
}
// Sick 9–13 Feb, 23 Feb–2 Mar: 11 school days in one episode across the holiday week.
pupil("P03", VO);
for (const date of schoolDays("2026-02-09", "2026-03-02")) fullDay("P03", date, "sick");
pupil("P04", VO); // the same from 10 February: 10 days, not longer than 10
for (const date of schoolDays("2026-02-10", "2026-03-02")) fullDay("P04", date, "sick");
pupil("P05", VO); // 11 days that ended on 26 January: more than 5 school days ago
for (const date of schoolDays("2026-01-12", "2026-01-26")) fullDay("P05", date, "sick");
// Exactly 50% of 1900 weekly minutes in each complete lesweek (P06), and one lesson more (P07).
pupil("P06", VO);
pupil("P07", VO);
for (const monday of ["2026-01-26", "2026-02-02", "2026-02-09", "2026-02-23"]) {
  const [tue, wed] = schoolDays(monday, "2026-03-31").slice(1, 3) as [string, string];
  for (const id of ["P06", "P07"]) {
    lessons(id, monday, 1, 8, "medical");
    lessons(id, tue, 1, 8, "medical");
    lessons(id, wed, 1, id === "P06" ? 3 : 4, "medical");
  }
}
// Absent all scheduled time from 26 January: unauthorized (P08) and sick (P09).
pupil("P08", VO);
pupil("P09", VO);
for (const date of schoolDays("2026-01-26", AS_OF)) {
  fullDay("P08", date, "unreported");
  fullDay("P09", date, "sick");
}
// Three short sick episodes since 4 January (P10); five sick days in three episodes since
// 5 February (P11).
pupil("P10", VO);
for (const date of ["2026-01-13", "2026-02-03", "2026-02-04", "2026-02-25"])
  fullDay("P10", date, "sick");
pupil("P11", VO);
for (const date of ["2026-02-05", "2026-02-06", "2026-02-10", "2026-02-24", "2026-02-25"])
  fullDay("P11", date, "sick");
// Six late arrivals in the 4 lesweken up to D (P12), five (P13).
pupil("P12", VO);
pupil("P13", VO);
for (const date of [
  "2026-02-03",
  "2026-02-04",
  "2026-02-10",
  "2026-02-24",
  "2026-03-02",
  "2026-03-03",
]) {
  lessons("P12", date, 1, 1, "late", 10);
  if (date !== "2026-03-03") lessons("P13", date, 1, 1, "late", 10);
}
// Enrolled at PO since 5 January: 7 medical days = 2310 of 11580 scheduled minutes (19.9%).
// P15 (age 5) also stays home on Friday afternoons under art. 11a: 2310 of 10740 (21.5%).
for (const [id, birth] of [
  ["P14", "2020-09-10"],
  ["P15", "2020-09-10"],
  ["P16", "2016-09-10"],
] as const) {
  pupil(id, PO, birth, "2026-01-05");
  for (const date of schoolDays("2026-01-05", AS_OF)
    .filter((d) => new Date(d).getUTCDay() === 1)
    .slice(0, 7)) {
    rows.push(`${id},${PO},${date},day,330,medical`);
  }
}
for (const date of schoolDays("2026-01-05", AS_OF).filter((d) => new Date(d).getUTCDay() === 5)) {
  rows.push(`P15,${PO},${date},pm,120,exempt_11a`);
}
// Absent throughout, but the enrolment ended on 1 March: not evaluated at D.
pupil("P17", VO, "2012-05-01", "2025-08-15", "2026-03-01");
for (const date of schoolDays("2026-01-26", "2026-02-27")) fullDay("P17", date, "truant");

let dir = "";
let signals: PeerSignal[] = [];
const codesOf = (id: string) => signals.filter((s) => s.pupil_id === id).map((s) => s.code);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "duckdb-signals-"));
  const write = (name: string, header: string, lines: string[]) =>
    writeFileSync(join(dir, name), `${header}\n${lines.join("\n")}\n`);
  write(
    "schools.csv",
    "school_id;name;sector;holiday_region;minutes_mon;minutes_tue;minutes_wed;minutes_thu;minutes_fri",
    [
      `${VO};VO;vo;noord;400;400;400;400;300`,
      `${PO};PO;po;noord;330;330;210;330;330`,
      `${VO75};VO75;vo;noord;375;375;375;375;300`,
    ],
  );
  write("closures.csv", "scope,start_date,end_date,name", [
    "all,2025-12-20,2026-01-04,kerstvakantie",
    "noord,2026-02-14,2026-02-22,voorjaarsvakantie",
    "zuid,2026-02-23,2026-03-01,voorjaarsvakantie",
  ]);
  write("pupils.csv", "pupil_id,given_name,family_name,birth_date,municipality", pupils);
  write("enrolments.csv", "pupil_id,school_id,start_date,end_date,grade", enrolments);
  write("attendance.csv", "pupil_id,school_id,date,period,minutes,reason", rows);
  const connection = await openDuckDb();
  await loadSignalsData(connection, dir);
  signals = await evaluateSignalsDuckDb(connection, AS_OF);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DuckDB signal peer at 2026-03-04", () => {
  it("fires LEGAL_16H at exactly 16 h, counting 4 lesweken that skip the holiday week", () => {
    expect(codesOf("P01")).toContain("LEGAL_16H");
    expect(codesOf("P01")).not.toContain("PREVENTIVE_10H");
  });
  it("fires only PREVENTIVE_10H at 15.9 clock hours", () => {
    expect(codesOf("P02")).toContain("PREVENTIVE_10H");
    expect(codesOf("P02")).not.toContain("LEGAL_16H");
  });
  it("counts a lesson longer than 60 minutes as minutes/60", () => {
    expect(codesOf("P18")).toEqual(["LEGAL_16H"]);
  });
  it("fires SICK_LONG for 11 consecutive sick school days across a holiday, not for 10 or an old episode", () => {
    expect(codesOf("P03")).toContain("SICK_LONG");
    expect(codesOf("P04")).not.toContain("SICK_LONG");
    expect(codesOf("P05")).not.toContain("SICK_LONG");
  });
  it("does not fire UNDER_50 at exactly 50%, does one lesson more", () => {
    expect(codesOf("P06")).not.toContain("UNDER_50");
    expect(codesOf("P07")).toContain("UNDER_50");
    expect(codesOf("P07")).not.toContain("LONG_TERM_ABSENT");
  });
  it("fires LONG_TERM_ABSENT with legal after the majority of the minutes was unauthorized", () => {
    const legalOf = (id: string) =>
      signals.find((s) => s.pupil_id === id && s.code === "LONG_TERM_ABSENT")?.legal;
    expect(legalOf("P08")).toBe(true);
    expect(legalOf("P09")).toBe(false);
    expect(codesOf("P08")).toEqual(expect.arrayContaining(["LEGAL_16H", "UNDER_50"]));
    expect(codesOf("P09")).toEqual(expect.arrayContaining(["SICK_LONG", "UNDER_50"]));
  });
  it("fires SICK_FREQUENT for three short episodes and SICK_SPREAD for five days in three", () => {
    expect(codesOf("P10")).toContain("SICK_FREQUENT");
    expect(codesOf("P10")).not.toContain("SICK_SPREAD");
    expect(codesOf("P11")).toEqual(expect.arrayContaining(["SICK_FREQUENT", "SICK_SPREAD"]));
  });
  it("counts late arrivals, not their minutes", () => {
    expect(codesOf("P12")).toEqual(["LATE_REPEATED"]);
    expect(codesOf("P13")).toEqual([]);
  });
  it("takes exempt_11a minutes out of scheduled time for EARLY_YEARS_20", () => {
    expect(codesOf("P14")).toEqual(["PERSISTENT_10"]);
    expect(codesOf("P15")).toEqual(["EARLY_YEARS_20", "PERSISTENT_10"]);
    expect(codesOf("P16")).toEqual(["PERSISTENT_10"]);
  });
  it("evaluates only enrolments active at D, sorted by pupil and code", () => {
    expect(codesOf("P17")).toEqual([]);
    const keys = signals.map((s) => `${s.pupil_id} ${s.code}`);
    expect(keys).toEqual([...keys].sort());
  });
});

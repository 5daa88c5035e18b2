import { describe, expect, it } from "vitest";
import { dayNumber, mondayOfDay } from "../domain/calendar/dates.ts";
import { buildSchoolCalendar, type SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { generateDemoRegion } from "./generate.ts";
import type { DemoAttendance, DemoRegion } from "./types.ts";

const UNAUTHORIZED = new Set(["unreported", "truant", "luxury", "removed", "other_unauthorized"]);
const NOT_ABSENCE = new Set(["late", "exempt_11a"]);

const region = generateDemoRegion({ pupils: 1000, seed: 7 });

function calendars(r: DemoRegion): Map<string, SchoolCalendar> {
  return new Map(r.schools.map((s) => [s.schoolId, buildSchoolCalendar(s, r.closures)]));
}

function rowsByPupilSchool(r: DemoRegion): Map<string, DemoAttendance[]> {
  const map = new Map<string, DemoAttendance[]>();
  for (const row of r.attendance) {
    const key = `${row.pupilId}|${row.schoolId}`;
    const list = map.get(key) ?? [];
    list.push(row);
    map.set(key, list);
  }
  return map;
}

/** Per lesweek (Monday day number) of the school: scheduled minutes and the pupil's figures. */
function weeklyFigures(
  rows: DemoAttendance[],
  calendar: SchoolCalendar,
  year: DemoRegion["schoolYear"],
) {
  const weeks = new Map<
    number,
    { scheduled: number; absent: number; unauthorizedHours: number; late: number }
  >();
  for (let day = dayNumber(year.start); day <= dayNumber(year.end); day++) {
    const minutes = calendar.scheduledMinutesOfDay(day);
    if (minutes === 0) continue;
    const week = weeks.get(mondayOfDay(day)) ?? {
      scheduled: 0,
      absent: 0,
      unauthorizedHours: 0,
      late: 0,
    };
    week.scheduled += minutes;
    weeks.set(mondayOfDay(day), week);
  }
  for (const row of rows) {
    const week = weeks.get(mondayOfDay(dayNumber(row.date)));
    if (!week) continue;
    if (row.reason === "late") week.late++;
    if (NOT_ABSENCE.has(row.reason)) continue;
    week.absent += row.minutes;
    // domain.md §3: a numbered lesson of ≤ 60 minutes counts as one hour.
    const hours = /^\d+$/.test(row.period) && row.minutes <= 60 ? 1 : row.minutes / 60;
    if (UNAUTHORIZED.has(row.reason)) week.unauthorizedHours += hours;
  }
  return [...weeks.entries()].sort(([a], [b]) => a - b).map(([, w]) => w);
}

/** Runs of consecutive school days with sick minutes ≥ half the day (domain.md §4). */
function sickEpisodes(rows: DemoAttendance[], calendar: SchoolCalendar) {
  const sickMinutes = new Map<number, number>();
  for (const row of rows) {
    if (row.reason !== "sick") continue;
    const day = dayNumber(row.date);
    sickMinutes.set(day, (sickMinutes.get(day) ?? 0) + row.minutes);
  }
  const sickDays = [...sickMinutes.entries()]
    .filter(([day, minutes]) => minutes * 2 >= calendar.scheduledMinutesOfDay(day))
    .map(([day]) => day)
    .sort((a, b) => a - b);
  const episodes: { start: number; length: number }[] = [];
  let previous: number | undefined;
  for (const day of sickDays) {
    let schoolDayBetween = false;
    for (let d = (previous ?? day) + 1; d < day && !schoolDayBetween; d++) {
      schoolDayBetween = calendar.isSchoolDayNumber(d);
    }
    const last = episodes[episodes.length - 1];
    if (last && previous !== undefined && !schoolDayBetween) last.length++;
    else episodes.push({ start: day, length: 1 });
    previous = day;
  }
  return episodes;
}

function maxOverFourWeeks(values: number[]): number {
  let best = 0;
  for (let i = 0; i + 4 <= values.length; i++) {
    best = Math.max(
      best,
      values.slice(i, i + 4).reduce((a, b) => a + b, 0),
    );
  }
  return best;
}

describe("generateDemoRegion", () => {
  it("gives identical data for the same seed and different data for another seed", () => {
    const a = generateDemoRegion({ pupils: 300, seed: 5 });
    const b = generateDemoRegion({ pupils: 300, seed: 5 });
    const c = generateDemoRegion({ pupils: 300, seed: 6 });
    expect(b).toEqual(a);
    expect(c.pupils.map((p) => p.givenName)).not.toEqual(a.pupils.map((p) => p.givenName));
    expect(c.attendance.length).not.toBe(a.attendance.length);
  });

  it("builds a region of PO, SO and VO schools in two partnerships and two holiday regions", () => {
    const sectors = new Set(region.schools.map((s) => s.sector));
    expect([...sectors].sort()).toEqual(["po", "so", "vo"]);
    expect(new Set(region.schools.map((s) => s.partnership))).toEqual(
      new Set(["PO2605", "VO2605"]),
    );
    expect(new Set(region.schools.map((s) => s.holidayRegion)).size).toBeGreaterThanOrEqual(2);
    for (const school of region.schools) {
      expect(school.schoolId).toMatch(/^\d{2}[A-Z]{2}00$/);
      if (school.sector === "vo")
        expect(school.minutesByWeekday.every((m) => m % 50 === 0)).toBe(true);
      else expect(school.minutesByWeekday[2]).toBe(210);
    }
    expect(region.closures.filter((c) => c.name === "studiedag").length).toBeGreaterThanOrEqual(
      3 * region.schools.length,
    );
  });

  it("follows the published 2025-2026 holidays", () => {
    const find = (name: string, scope: string) =>
      region.closures.find((c) => c.name === name && c.scope === scope);
    expect(find("herfstvakantie", "zuid")).toMatchObject({
      startDate: "2025-10-11",
      endDate: "2025-10-19",
    });
    expect(find("herfstvakantie", "midden")).toMatchObject({ startDate: "2025-10-18" });
    expect(find("kerstvakantie", "all")).toMatchObject({
      startDate: "2025-12-20",
      endDate: "2026-01-04",
    });
    expect(find("Pasen", "all")).toMatchObject({ startDate: "2026-04-05", endDate: "2026-04-06" });
    expect(find("Hemelvaart", "all")).toMatchObject({ startDate: "2026-05-14" });
    expect(find("Pinksteren", "all")).toMatchObject({ startDate: "2026-05-24" });
  });

  it("puts every attendance row on a school day inside an enrolment, within the scheduled minutes", () => {
    const byId = calendars(region);
    const enrolments = new Map<string, DemoRegion["enrolments"]>();
    for (const e of region.enrolments) {
      const key = `${e.pupilId}|${e.schoolId}`;
      enrolments.set(key, [...(enrolments.get(key) ?? []), e]);
    }
    const perDay = new Map<string, number>();
    const keys = new Set<string>();
    const birth = new Map(region.pupils.map((p) => [p.pupilId, p.birthDate]));
    const sector = new Map(region.schools.map((s) => [s.schoolId, s.sector]));
    // Collected rather than asserted per row: one failure message lists every bad row.
    const problems: string[] = [];
    for (const row of region.attendance) {
      const where = `${row.pupilId} ${row.schoolId} ${row.date} ${row.period}`;
      const calendar = byId.get(row.schoolId) as SchoolCalendar;
      if (!calendar.isSchoolDay(row.date)) problems.push(`${where}: not a school day`);
      const inside = (enrolments.get(`${row.pupilId}|${row.schoolId}`) ?? []).some(
        (e) => e.startDate <= row.date && (e.endDate === null || e.endDate >= row.date),
      );
      if (!inside) problems.push(`${where}: outside enrolment`);
      if (row.minutes <= 0) problems.push(`${where}: no minutes`);
      const key = `${row.pupilId}|${row.date}|${row.period}`;
      if (keys.has(key)) problems.push(`${where}: duplicate key`);
      keys.add(key);
      const dayKey = `${row.pupilId}|${row.date}`;
      const total = (perDay.get(dayKey) ?? 0) + row.minutes;
      perDay.set(dayKey, total);
      if (total > calendar.scheduledMinutes(row.date)) problems.push(`${where}: over scheduled`);
      const periodOk =
        sector.get(row.schoolId) === "vo"
          ? /^([1-9]|10)$/.test(row.period)
          : ["am", "pm", "day"].includes(row.period);
      if (!periodOk) problems.push(`${where}: period`);
      const born = birth.get(row.pupilId) as string;
      const sixth = `${Number(born.slice(0, 4)) + 6}${born.slice(4)}`;
      if (row.reason === "exempt_11a" && row.date >= sixth) problems.push(`${where}: 11a at 6+`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(region.attendance.length).toBeGreaterThan(10_000);
  });

  it("contains the patterns the signals look for", () => {
    const byId = calendars(region);
    const rows = rowsByPupilSchool(region);
    let fullAbsenceRuns = 0;
    let legalMajority = 0;
    let broadMajority = 0;
    let sixteenHours = 0;
    let lateSix = 0;
    let under50Runs = 0;
    for (const [key, list] of rows) {
      const schoolId = key.split("|")[1] as string;
      const weeks = weeklyFigures(list, byId.get(schoolId) as SchoolCalendar, region.schoolYear);
      let run = 0;
      let partialRun = 0;
      for (const w of weeks) {
        run = w.absent === w.scheduled ? run + 1 : 0;
        partialRun = w.absent > w.scheduled / 2 ? partialRun + 1 : 0;
        if (run === 4) fullAbsenceRuns++;
        if (partialRun === 4 && run < 4) under50Runs++;
      }
      if (maxOverFourWeeks(weeks.map((w) => w.unauthorizedHours)) >= 16) sixteenHours++;
      if (maxOverFourWeeks(weeks.map((w) => w.late)) >= 6) lateSix++;
      const absent = list.filter((r) => !NOT_ABSENCE.has(r.reason));
      const unauthorized = absent.filter((r) => UNAUTHORIZED.has(r.reason)).length;
      if (weeks.filter((w) => w.scheduled > 0 && w.absent === w.scheduled).length >= 4) {
        if (unauthorized * 2 > absent.length) legalMajority++;
        else broadMajority++;
      }
    }
    expect(fullAbsenceRuns).toBeGreaterThanOrEqual(5);
    expect(legalMajority).toBeGreaterThanOrEqual(2);
    expect(broadMajority).toBeGreaterThanOrEqual(2);
    expect(sixteenHours).toBeGreaterThanOrEqual(10);
    expect(lateSix).toBeGreaterThanOrEqual(10);
    expect(under50Runs).toBeGreaterThanOrEqual(5);
    const reasons = new Set(region.attendance.map((r) => r.reason));
    for (const reason of [
      "sick",
      "medical",
      "leave",
      "suspended",
      "truant",
      "luxury",
      "late",
      "unreported",
      "exempt_11a",
    ]) {
      expect(reasons, reason).toContain(reason);
    }
  });

  it("has short and long sick episodes as domain.md §4 defines them", () => {
    const byId = calendars(region);
    let frequent = 0;
    let long = 0;
    for (const [key, list] of rowsByPupilSchool(region)) {
      const calendar = byId.get(key.split("|")[1] as string) as SchoolCalendar;
      const episodes = sickEpisodes(list, calendar);
      if (episodes.some((e) => e.length > 10)) long++;
      const short = episodes.filter((e) => e.length <= 2).map((e) => e.start);
      // Three short episodes starting within about two calendar months.
      if (short.some((start, i) => (short[i + 2] ?? Number.POSITIVE_INFINITY) - start <= 61))
        frequent++;
    }
    expect(long).toBeGreaterThanOrEqual(10);
    expect(frequent).toBeGreaterThanOrEqual(20);
  });

  it("has pupils who arrive, leave or change school during the year", () => {
    const perPupil = new Map<string, number>();
    for (const e of region.enrolments) perPupil.set(e.pupilId, (perPupil.get(e.pupilId) ?? 0) + 1);
    expect([...perPupil.values()].filter((n) => n > 1).length).toBeGreaterThan(5);
    const inYear = (date: string | null) =>
      date !== null && date > region.schoolYear.start && date < region.schoolYear.end;
    expect(region.enrolments.filter((e) => inYear(e.startDate)).length).toBeGreaterThan(20);
    expect(region.enrolments.filter((e) => inYear(e.endDate)).length).toBeGreaterThan(20);
  });

  it("keeps most pupils mostly present", () => {
    const byId = calendars(region);
    const rows = rowsByPupilSchool(region);
    let below10 = 0;
    for (const enrolment of region.enrolments) {
      const list = rows.get(`${enrolment.pupilId}|${enrolment.schoolId}`) ?? [];
      const weeks = weeklyFigures(
        list,
        byId.get(enrolment.schoolId) as SchoolCalendar,
        region.schoolYear,
      );
      const absent = list
        .filter((r) => !NOT_ABSENCE.has(r.reason))
        .reduce((s, r) => s + r.minutes, 0);
      const scheduled = weeks.reduce((s, w) => s + w.scheduled, 0);
      if (absent < 0.1 * scheduled) below10++;
    }
    const share = below10 / region.enrolments.length;
    // About 14% of pupils follow a special pattern, not all of which reach 10% absence.
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.97);
  });

  it("lists story pupils with their pattern, school and dates", () => {
    const kinds = new Set(region.stories.map((s) => s.kind));
    for (const kind of [
      "long_term_absent_legal",
      "long_term_absent_broad",
      "partial_absence",
      "truancy",
      "late_arrivals",
      "frequent_short_sick",
      "long_sick",
      "luxury",
      "suspended",
      "exempt_11a",
      "absolute_absence",
      "exemption",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const story = region.stories.find((s) => s.kind === "long_term_absent_legal");
    const rows = region.attendance.filter(
      (r) => r.pupilId === story?.personId && r.date === story?.startDate,
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it("registers the region's children, including unenrolled and exempted ones", () => {
    const enrolled = new Set(region.enrolments.map((e) => e.pupilId));
    const registered = new Set(region.population.map((p) => p.personId));
    const regionNames = new Set(region.municipalities.map((m) => m.name));
    for (const pupil of region.pupils) {
      expect(registered.has(pupil.pupilId)).toBe(regionNames.has(pupil.municipality));
    }
    const unenrolled = region.population.filter((p) => !enrolled.has(p.personId));
    const exempted = new Set(region.exemptions.map((e) => e.pupilId));
    const absolute = region.stories.filter((s) => s.kind === "absolute_absence");
    expect(absolute.length).toBeGreaterThanOrEqual(2);
    for (const s of absolute) {
      expect(enrolled.has(s.personId)).toBe(false);
      const active = region.exemptions.filter(
        (e) => e.pupilId === s.personId && (e.endDate === null || e.endDate >= s.startDate),
      );
      expect(active).toEqual([]);
    }
    expect(absolute.some((s) => exempted.has(s.personId))).toBe(true);
    expect(unenrolled.length).toBeGreaterThan(absolute.length);
    const kinds = new Set(region.exemptions.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["11", "15", "3a", "5a", "5b", "5c"]);
    const fiveA = region.exemptions.filter((e) => e.kind === "5a");
    expect(fiveA.some((e) => e.advicePartnership && e.adviceDoctor)).toBe(true);
    expect(fiveA.some((e) => !(e.advicePartnership && e.adviceDoctor))).toBe(true);
    for (const e of region.exemptions) expect(registered.has(e.pupilId)).toBe(true);
  });

  it("gives pupils birth dates that fit their grade and sector", () => {
    const sector = new Map(region.schools.map((s) => [s.schoolId, s.sector]));
    const birth = new Map(region.pupils.map((p) => [p.pupilId, p.birthDate]));
    const problems: string[] = [];
    for (const e of region.enrolments) {
      const born = birth.get(e.pupilId) as string;
      // Age on 1 October of the demo year, in whole years.
      const age = 2025 - Number(born.slice(0, 4)) - (born.slice(5) > "10-01" ? 1 : 0);
      const level = Number(e.grade) + (sector.get(e.schoolId) === "vo" ? 8 : 0);
      // Group 1 holds 3-year-olds who start on their 4th birthday; some pupils repeated a year.
      if (age < level + 2 || age > level + 5)
        problems.push(`${e.pupilId} grade ${e.grade} age ${age}`);
    }
    expect(problems).toEqual([]);
  });

  it("uses synthetic contact data only", () => {
    for (const c of region.contacts) {
      expect(c.email).toMatch(/^[a-z0-9.]+@example\.(org|net|com)$/);
      expect(c.phone).toMatch(/^06\d{8}$/);
    }
  });
});

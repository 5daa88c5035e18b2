// The synthetic region of the signals benchmark: schools of three timetable kinds in two
// holiday regions, with real-looking Dutch holidays of school year 2025-2026 and one
// studiedag per school. Only synthetic names; nothing here describes a real school.
import { dayNumber, fromDayNumber, isoWeekdayOfDay } from "../../src/domain/calendar/dates.ts";
import type { Closure } from "../../src/domain/calendar/school-calendar.ts";

export const YEAR_START = "2025-08-01";
export const YEAR_END = "2026-07-31";

/** `po`: am/pm/day rows; `po4`: a four-day week (no school on Friday); `vo50`/`vo75`: lessons. */
export type SchoolKind = "po" | "po4" | "vo50" | "vo75";
export type Region = "noord" | "zuid";

export interface SyntheticSchool {
  index: number;
  schoolId: string;
  kind: SchoolKind;
  region: Region;
  minutes: readonly [number, number, number, number, number];
  /** Lesson length for VO schools; 0 for PO (dagdelen). */
  lessonMinutes: number;
  studiedag: string;
}

const KINDS: readonly SchoolKind[] = ["po", "po", "po4", "vo50", "vo50", "vo75"];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const STUDIEDAGEN = ["2025-10-01", "2025-11-14", "2026-01-30", "2026-03-18", "2026-06-12"];

const TIMETABLES: Record<SchoolKind, readonly [number, number, number, number, number]> = {
  po: [330, 330, 210, 330, 330],
  po4: [360, 360, 360, 360, 0],
  vo50: [400, 400, 400, 400, 300],
  vo75: [375, 375, 375, 375, 300],
};

/** About one school per 400 pupils, at least one of every kind in both regions' mix. */
export function schoolCount(pupils: number): number {
  return Math.max(6, Math.ceil(pupils / 400));
}

export function makeSchools(pupils: number): SyntheticSchool[] {
  const schools: SyntheticSchool[] = [];
  for (let index = 0; index < schoolCount(pupils); index++) {
    const kind = KINDS[index % KINDS.length] as SchoolKind;
    const block = Math.floor(index / KINDS.length);
    const schoolId = `${10 + Math.floor(index / 676)}${LETTERS[Math.floor(index / 26) % 26]}${LETTERS[index % 26]}00`;
    schools.push({
      index,
      schoolId,
      kind,
      region: (index + block) % 2 === 0 ? "noord" : "zuid",
      minutes: TIMETABLES[kind],
      lessonMinutes: kind === "vo50" ? 50 : kind === "vo75" ? 75 : 0,
      studiedag: STUDIEDAGEN[index % STUDIEDAGEN.length] as string,
    });
  }
  return schools;
}

/** Real-looking Dutch holidays 2025-2026 (the published pattern) in two regions, plus studiedagen. */
export function makeClosures(schools: readonly SyntheticSchool[]): Closure[] {
  const closures: Closure[] = [
    { scope: "noord", startDate: "2025-07-12", endDate: "2025-08-24", name: "zomervakantie" },
    { scope: "zuid", startDate: "2025-07-05", endDate: "2025-08-17", name: "zomervakantie" },
    { scope: "noord", startDate: "2025-10-18", endDate: "2025-10-26", name: "herfstvakantie" },
    { scope: "zuid", startDate: "2025-10-11", endDate: "2025-10-19", name: "herfstvakantie" },
    { scope: "all", startDate: "2025-12-20", endDate: "2026-01-04", name: "kerstvakantie" },
    { scope: "noord", startDate: "2026-02-21", endDate: "2026-03-01", name: "voorjaarsvakantie" },
    { scope: "zuid", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
    { scope: "all", startDate: "2026-04-03", endDate: "2026-04-03", name: "goede vrijdag" },
    { scope: "all", startDate: "2026-04-06", endDate: "2026-04-06", name: "tweede paasdag" },
    { scope: "all", startDate: "2026-04-25", endDate: "2026-05-03", name: "meivakantie" },
    { scope: "all", startDate: "2026-05-14", endDate: "2026-05-15", name: "hemelvaart" },
    { scope: "all", startDate: "2026-05-25", endDate: "2026-05-25", name: "tweede pinksterdag" },
    { scope: "noord", startDate: "2026-07-04", endDate: "2026-08-16", name: "zomervakantie" },
    { scope: "zuid", startDate: "2026-07-11", endDate: "2026-08-23", name: "zomervakantie" },
  ];
  for (const school of schools) {
    closures.push({
      scope: school.schoolId,
      startDate: school.studiedag,
      endDate: school.studiedag,
      name: "studiedag",
    });
  }
  return closures;
}

export interface SchoolDay {
  day: number;
  date: string;
  minutes: number;
}

/** The school days of the year 2025-08-01 … 2026-07-31 for one school, in date order. */
export function schoolDaysOf(school: SyntheticSchool, closures: readonly Closure[]): SchoolDay[] {
  const ranges = closures
    .filter((c) => c.scope === "all" || c.scope === school.region || c.scope === school.schoolId)
    .map((c) => [dayNumber(c.startDate), dayNumber(c.endDate)] as const);
  const days: SchoolDay[] = [];
  for (let day = dayNumber(YEAR_START); day <= dayNumber(YEAR_END); day++) {
    const weekday = isoWeekdayOfDay(day);
    if (weekday > 5) continue;
    const minutes = school.minutes[weekday - 1] ?? 0;
    if (minutes <= 0 || ranges.some(([from, to]) => day >= from && day <= to)) continue;
    days.push({ day, date: fromDayNumber(day), minutes });
  }
  return days;
}

/** The periods of a school day: lessons `1`…`n` in VO, `am`/`pm` dagdelen in PO. */
export function periodsOf(school: SyntheticSchool, dayMinutes: number): Array<[string, number]> {
  if (school.lessonMinutes > 0) {
    const lessons = Math.floor(dayMinutes / school.lessonMinutes);
    return Array.from({ length: lessons }, (_, i) => [String(i + 1), school.lessonMinutes]);
  }
  const am = Math.min(210, dayMinutes);
  return dayMinutes > am
    ? [
        ["am", am],
        ["pm", dayMinutes - am],
      ]
    : [["am", am]];
}

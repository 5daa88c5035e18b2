// Closures of the demo year: the school holidays as the Dutch government published them for
// 2025-2026 (rijksoverheid.nl, schoolvakanties per regio), the public holidays on which
// schools close, and a few studiedagen per school.
import { addDays, dayNumber, fromDayNumber, isoWeekdayOfDay } from "../domain/calendar/dates.ts";
import type { DemoRandom } from "./random.ts";
import type { DemoClosure, DemoSchool } from "./types.ts";

interface YearHolidays {
  /** The end of the previous summer holiday reaches into August of this school year. */
  previousSummer: Record<"noord" | "midden" | "zuid", [string, string]>;
  autumn: Record<"noord" | "midden" | "zuid", [string, string]>;
  christmas: [string, string];
  spring: Record<"noord" | "midden" | "zuid", [string, string]>;
  may: [string, string];
  summer: Record<"noord" | "midden" | "zuid", [string, string]>;
}

// Published dates (Saturday to Sunday). Mei is national for 2026 (25 April – 3 May); schools
// may add a second week, which the demo leaves out.
const HOLIDAYS: Record<number, YearHolidays> = {
  2025: {
    previousSummer: {
      noord: ["2025-07-12", "2025-08-24"],
      midden: ["2025-07-19", "2025-08-31"],
      zuid: ["2025-07-05", "2025-08-17"],
    },
    autumn: {
      noord: ["2025-10-18", "2025-10-26"],
      midden: ["2025-10-18", "2025-10-26"],
      zuid: ["2025-10-11", "2025-10-19"],
    },
    christmas: ["2025-12-20", "2026-01-04"],
    spring: {
      noord: ["2026-02-21", "2026-03-01"],
      midden: ["2026-02-14", "2026-02-22"],
      zuid: ["2026-02-14", "2026-02-22"],
    },
    may: ["2026-04-25", "2026-05-03"],
    summer: {
      noord: ["2026-07-04", "2026-08-16"],
      midden: ["2026-07-18", "2026-08-30"],
      zuid: ["2026-07-11", "2026-08-23"],
    },
  },
};

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function holidayClosures(startYear: number): DemoClosure[] {
  const holidays = HOLIDAYS[startYear];
  if (!holidays) {
    throw new Error(`demo: no school holidays known for school year ${startYear}-${startYear + 1}`);
  }
  const closures: DemoClosure[] = [];
  const regional = (name: string, byRegion: YearHolidays["autumn"]) => {
    for (const region of ["noord", "midden", "zuid"] as const) {
      const [startDate, endDate] = byRegion[region];
      closures.push({ scope: region, startDate, endDate, name });
    }
  };
  const national = (name: string, startDate: string, endDate = startDate) =>
    closures.push({ scope: "all", startDate, endDate, name });

  regional("zomervakantie", holidays.previousSummer);
  regional("herfstvakantie", holidays.autumn);
  national("kerstvakantie", ...holidays.christmas);
  regional("voorjaarsvakantie", holidays.spring);
  const year = startYear + 1;
  const easter = easterSunday(year);
  national("Goede Vrijdag", addDays(easter, -2));
  national("Pasen", easter, addDays(easter, 1));
  national("meivakantie", ...holidays.may);
  national("Koningsdag", kingsDay(year));
  national("Bevrijdingsdag", `${year}-05-05`);
  // Most schools also close the Friday after Ascension Day.
  national("Hemelvaart", addDays(easter, 39), addDays(easter, 40));
  national("Pinksteren", addDays(easter, 49), addDays(easter, 50));
  regional("zomervakantie", holidays.summer);
  return closures;
}

/** 27 April, or the 26th when the 27th is a Sunday. */
function kingsDay(year: number): string {
  const date = `${year}-04-27`;
  return isoWeekdayOfDay(dayNumber(date)) === 7 ? `${year}-04-26` : date;
}

/** Three to five studiedagen per school on days it would otherwise be open. */
export function studyDays(
  random: DemoRandom,
  school: DemoSchool,
  isOpen: (day: number) => boolean,
  year: { start: string; end: string },
): DemoClosure[] {
  const first = dayNumber(year.start);
  const last = dayNumber(year.end);
  const wanted = random.int(3, 5);
  const chosen = new Set<number>();
  for (let attempt = 0; attempt < 200 && chosen.size < wanted; attempt++) {
    const day = random.int(first + 40, last - 30);
    if (isOpen(day) && !chosen.has(day)) chosen.add(day);
  }
  return [...chosen]
    .sort((a, b) => a - b)
    .map((day) => ({
      scope: school.schoolId,
      startDate: fromDayNumber(day),
      endDate: fromDayNumber(day),
      name: "studiedag",
    }));
}

/** Days on which some pupils are away for a religious holiday (Suikerfeest, Offerfeest). */
const RELIGIOUS_DAYS: Record<number, string[]> = {
  2025: ["2026-03-20", "2026-05-27"],
};

export function religiousDays(startYear: number): string[] {
  return RELIGIOUS_DAYS[startYear] ?? [];
}

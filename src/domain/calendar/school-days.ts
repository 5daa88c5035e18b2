// domain.md §3: school days and lesweken of one school, as dense arrays over a range of days.
// A lesweek is an ISO week (Monday–Sunday) with at least one school day for that school;
// holiday weeks are no lesweek. Built once per school and shared by all its pupils, so every
// window question of the signal rules is answered in O(1) from prefix sums.
import { mondayOfDay } from "./dates.ts";
import type { SchoolCalendar } from "./school-calendar.ts";

export interface SchoolDays {
  readonly calendar: SchoolCalendar;
  /** First day of the range: always a Monday. */
  readonly from: number;
  /** Last day of the range: always a Sunday. */
  readonly to: number;
  /** Scheduled minutes per day of the range (index = day − from); 0 on closed days. */
  readonly minutes: Int32Array;
  /** minutesBefore[i] = scheduled minutes of the days before index i (length days + 1). */
  readonly minutesBefore: Float64Array;
  /** schoolDaysBefore[i] = school days before index i (length days + 1). */
  readonly schoolDaysBefore: Int32Array;
  /** Week indexes (week = (monday − from) / 7) of the lesweken, ascending. */
  readonly lesweken: Int32Array;
  /** lesweekenBefore[w] = number of lesweken among the weeks before week w (length weeks + 1). */
  readonly lesweekenBefore: Int32Array;
}

/** Builds the school's days for the ISO weeks that contain `fromDay` … `toDay`. */
export function buildSchoolDays(
  calendar: SchoolCalendar,
  fromDay: number,
  toDay: number,
): SchoolDays {
  const from = mondayOfDay(fromDay);
  const to = mondayOfDay(toDay) + 6;
  const length = to - from + 1;
  const weeks = length / 7;
  const minutes = new Int32Array(length);
  const minutesBefore = new Float64Array(length + 1);
  const schoolDaysBefore = new Int32Array(length + 1);
  const lesweekenBefore = new Int32Array(weeks + 1);
  const lesweekList: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let schoolDaysInWeek = 0;
    for (let k = 0; k < 7; k++) {
      const i = w * 7 + k;
      const m = calendar.scheduledMinutesOfDay(from + i);
      minutes[i] = m;
      minutesBefore[i + 1] = minutesBefore[i]! + m;
      const isSchoolDay = m > 0 ? 1 : 0;
      schoolDaysBefore[i + 1] = schoolDaysBefore[i]! + isSchoolDay;
      schoolDaysInWeek += isSchoolDay;
    }
    if (schoolDaysInWeek > 0) lesweekList.push(w);
    lesweekenBefore[w + 1] = lesweekList.length;
  }
  return {
    calendar,
    from,
    to,
    minutes,
    minutesBefore,
    schoolDaysBefore,
    lesweken: Int32Array.from(lesweekList),
    lesweekenBefore,
  };
}

export function coversDays(school: SchoolDays, fromDay: number, toDay: number): boolean {
  return fromDay >= school.from && toDay <= school.to;
}

function clampIndex(school: SchoolDays, day: number): number {
  const i = day - school.from;
  if (i < 0) return 0;
  const n = school.minutes.length;
  return Math.min(i, n);
}

/** Number of school days in [fromDay, toDay] (0 when toDay < fromDay). */
export function schoolDaysBetween(school: SchoolDays, fromDay: number, toDay: number): number {
  if (toDay < fromDay) return 0;
  return (
    school.schoolDaysBefore[clampIndex(school, toDay + 1)]! -
    school.schoolDaysBefore[clampIndex(school, fromDay)]!
  );
}

/** The school's scheduled minutes in [fromDay, toDay]. */
export function scheduledMinutesBetween(
  school: SchoolDays,
  fromDay: number,
  toDay: number,
): number {
  if (toDay < fromDay) return 0;
  return (
    school.minutesBefore[clampIndex(school, toDay + 1)]! -
    school.minutesBefore[clampIndex(school, fromDay)]!
  );
}

function weekIndexOf(school: SchoolDays, day: number): number {
  return Math.floor((day - school.from) / 7);
}

function mondayOfWeekIndex(school: SchoolDays, week: number): number {
  return school.from + week * 7;
}

/**
 * Mondays of the n most recent lesweken up to D: the lesweek containing D (if it is one) and
 * the lesweken before it, n in all, oldest first. Fewer when the range holds fewer.
 */
export function lesweekenUpTo(school: SchoolDays, day: number, n: number): number[] {
  const week = weekIndexOf(school, day);
  return lastLesweken(school, Math.min(week + 1, school.lesweekenBefore.length - 1), n);
}

/** Mondays of the n lesweken before the ISO week that contains D (the "complete" ones), oldest first. */
export function completeLesweekenBefore(school: SchoolDays, day: number, n: number): number[] {
  const week = weekIndexOf(school, day);
  return lastLesweken(school, Math.min(Math.max(week, 0), school.lesweekenBefore.length - 1), n);
}

/** Mondays of the last n lesweken among the weeks before week index `beforeWeek`. */
function lastLesweken(school: SchoolDays, beforeWeek: number, n: number): number[] {
  if (beforeWeek < 0) return [];
  const count = school.lesweekenBefore[beforeWeek]!;
  const first = Math.max(0, count - n);
  const mondays: number[] = [];
  for (let k = first; k < count; k++) mondays.push(mondayOfWeekIndex(school, school.lesweken[k]!));
  return mondays;
}

/** Number of ISO weeks that have at least one school day inside [fromDay, toDay]. */
export function lesweekenWithin(school: SchoolDays, fromDay: number, toDay: number): number {
  if (toDay < fromDay) return 0;
  const firstWeek = weekIndexOf(school, fromDay);
  const lastWeek = weekIndexOf(school, toDay);
  if (firstWeek === lastWeek) return schoolDaysBetween(school, fromDay, toDay) > 0 ? 1 : 0;
  const head = schoolDaysBetween(school, fromDay, mondayOfWeekIndex(school, firstWeek) + 6) > 0;
  const tail = schoolDaysBetween(school, mondayOfWeekIndex(school, lastWeek), toDay) > 0;
  const lo = Math.max(0, Math.min(firstWeek + 1, school.lesweekenBefore.length - 1));
  const hi = Math.max(0, Math.min(lastWeek, school.lesweekenBefore.length - 1));
  const middle = Math.max(0, school.lesweekenBefore[hi]! - school.lesweekenBefore[lo]!);
  return middle + (head ? 1 : 0) + (tail ? 1 : 0);
}

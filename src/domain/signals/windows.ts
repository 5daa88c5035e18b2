// domain.md §4 "Precise readings": the windows the rules read at D depend only on the school's
// calendar, D and the profile, never on the pupil. They are computed once per (school, D,
// profile) and shared by every pupil of that school, instead of once per pupil.
import { monthsBeforeDay, schoolYearStartOfDay } from "../calendar/dates.ts";
import {
  completeLesweekenBefore,
  lesweekenUpTo,
  lesweekenWithin,
  type SchoolDays,
} from "../calendar/school-days.ts";
import type { SignalProfile } from "./profiles.ts";

export interface LesweekWindow {
  /** Monday of the oldest lesweek in the window; null when the calendar has no lesweken. */
  start: number | null;
  lesweken: number;
}

export interface RuleWindows {
  /** The 4 most recent lesweken up to D, for LEGAL_16H / PREVENTIVE_10H. */
  legalHours: LesweekWindow;
  lateRepeated: LesweekWindow;
  /** First day an episode may start on to count for SICK_FREQUENT. */
  sickFrequentStart: number | null;
  /** Mondays of the complete lesweken before D, as many as UNDER_50 or LONG_TERM_ABSENT asks. */
  completeMondays: readonly number[];
  /** 1 August of D's school year, and the lesweken from then up to D. */
  yearStart: number;
  lesweekenSinceYearStart: number;
}

function lesweekWindow(school: SchoolDays, day: number, n: number): LesweekWindow {
  const mondays = lesweekenUpTo(school, day, n);
  return { start: mondays[0] ?? null, lesweken: mondays.length };
}

export function computeWindows(
  school: SchoolDays,
  day: number,
  profile: SignalProfile,
): RuleWindows {
  const { sickFrequent, under50, longTermAbsent } = profile;
  const yearStart = schoolYearStartOfDay(day);
  return {
    legalHours: lesweekWindow(school, day, profile.legalHours.lesweken),
    lateRepeated: lesweekWindow(school, day, profile.lateRepeated.lesweken),
    sickFrequentStart:
      sickFrequent.window.unit === "calendar_months"
        ? monthsBeforeDay(day, sickFrequent.window.count)
        : lesweekWindow(school, day, sickFrequent.window.count).start,
    completeMondays: completeLesweekenBefore(
      school,
      day,
      Math.max(under50.completeLesweken, longTermAbsent.completeLesweken),
    ),
    yearStart,
    lesweekenSinceYearStart: lesweekenWithin(school, yearStart, day),
  };
}

interface CachedWindows {
  day: number;
  profile: SignalProfile;
  windows: RuleWindows;
}

const cache = new WeakMap<SchoolDays, CachedWindows>();

/** The windows of the school at D, remembered for the last (D, profile) asked per school. */
export function windowsFor(school: SchoolDays, day: number, profile: SignalProfile): RuleWindows {
  const hit = cache.get(school);
  if (hit && hit.day === day && hit.profile === profile) return hit.windows;
  const windows = computeWindows(school, day, profile);
  cache.set(school, { day, profile, windows });
  return windows;
}

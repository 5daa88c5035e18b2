// domain.md §4: runs every signal rule for one (pupil, school) unit at D, and the person-level
// rules (ABSOLUTE, EXEMPTION_5A_NO_ADVICE) for the population. Attendance signals are evaluated
// only for units with an enrolment active at D.
import { dayNumber, type IsoDate } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import { buildSchoolDays, coversDays, type SchoolDays } from "../calendar/school-days.ts";
import { episodesUpTo } from "../calendar/sick-episodes.ts";
import { evaluateAbsoluteForPopulation } from "./absolute.ts";
import { evaluateExemption5aNoAdvice } from "./exemptions.ts";
import { evaluateLateRepeated } from "./lateness.ts";
import { evaluateLegalHours } from "./legal-hours.ts";
import { completeWeekFigures, evaluateLongTermAbsent, evaluateUnder50 } from "./long-term.ts";
import { DEFAULT_PROFILE, type SignalProfile } from "./profiles.ts";
import {
  evaluateSickFrequent,
  evaluateSickLong,
  evaluateSickNotable,
  evaluateSickSpread,
} from "./sickness.ts";
import { compareSignals, type RuleContext } from "./signal.ts";
import { buildTimeline, isEnrolledOn, type UnitTimeline } from "./timeline.ts";
import type { EvaluationUnit, PopulationInput, SickNotableObservation, Signal } from "./types.ts";
import { windowsFor } from "./windows.ts";
import { evaluateEarlyYears20, evaluatePersistent10, yearFigures } from "./year-rates.ts";

/**
 * How far back the rules look from D: a school year (since 1 August), 2 calendar months, and at
 * most 26 lesweken (profile bound) with their holiday weeks all fit in two years.
 */
export const LOOKBACK_DAYS = 731;

const schoolDaysCache = new WeakMap<SchoolCalendar, SchoolDays>();

/**
 * The school's days covering [fromDay, toDay], built once per calendar object and shared by all
 * units of that school (a pure cache: the result depends only on the calendar and the range).
 */
export function schoolDaysFor(
  calendar: SchoolCalendar,
  fromDay: number,
  toDay: number,
): SchoolDays {
  const cached = schoolDaysCache.get(calendar);
  if (cached && coversDays(cached, fromDay, toDay)) return cached;
  const built = buildSchoolDays(
    calendar,
    cached ? Math.min(cached.from, fromDay) : fromDay,
    cached ? Math.max(cached.to, toDay) : toDay,
  );
  schoolDaysCache.set(calendar, built);
  return built;
}

function evaluateTimeline(
  t: UnitTimeline,
  asOf: IsoDate,
  profile: SignalProfile,
  sickNotable: readonly SickNotableObservation[],
): Signal[] {
  const day = dayNumber(asOf);
  if (!isEnrolledOn(t.periods, day)) return [];
  const windows = windowsFor(t.school, day, profile);
  const ctx: RuleContext = { t, day, asOf, profile, windows };
  const episodes = episodesUpTo(t.sickEpisodes, day);
  const year = yearFigures(ctx);
  const weeks = completeWeekFigures(ctx);
  const found = [
    evaluateLegalHours(ctx),
    evaluateSickFrequent(ctx, episodes),
    evaluateSickLong(ctx, episodes),
    evaluateSickSpread(ctx, episodes),
    evaluateSickNotable(ctx, sickNotable),
    evaluateLateRepeated(ctx),
    evaluateUnder50(ctx, weeks),
    evaluateLongTermAbsent(ctx, weeks),
    evaluatePersistent10(ctx, year),
    evaluateEarlyYears20(ctx, year),
  ];
  return found.filter((s): s is Signal => s !== null).sort(compareSignals);
}

/** Every attendance signal of one (pupil, school) unit that holds at D, sorted by code. */
export function evaluateUnit(
  unit: EvaluationUnit,
  asOf: IsoDate,
  profile: SignalProfile = DEFAULT_PROFILE,
): Signal[] {
  const day = dayNumber(asOf);
  const school = schoolDaysFor(unit.calendar, day - LOOKBACK_DAYS, day);
  return evaluateTimeline(buildTimeline(unit, school), asOf, profile, unit.sickNotable ?? []);
}

/**
 * The unit at several dates: its timeline is built once (rows up to the latest date) and each
 * date only reads it, so a daily series costs little more than one evaluation.
 */
export function evaluateUnitAtDates(
  unit: EvaluationUnit,
  dates: readonly IsoDate[],
  profile: SignalProfile = DEFAULT_PROFILE,
): Signal[][] {
  if (dates.length === 0) return [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const date of dates) {
    const day = dayNumber(date);
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const school = schoolDaysFor(unit.calendar, first - LOOKBACK_DAYS, last);
  const t = buildTimeline(unit, school);
  const sickNotable = unit.sickNotable ?? [];
  return dates.map((asOf) => evaluateTimeline(t, asOf, profile, sickNotable));
}

/** ABSOLUTE and EXEMPTION_5A_NO_ADVICE at D, sorted by person, then code. */
export function evaluatePopulation(input: PopulationInput, asOf: IsoDate): Signal[] {
  return [
    ...evaluateAbsoluteForPopulation(input, asOf),
    ...evaluateExemption5aNoAdvice(input.exemptions, asOf),
  ].sort(compareSignals);
}

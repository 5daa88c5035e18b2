// domain.md §4 PERSISTENT_10 (international anchor) and EARLY_YEARS_20 (seed 003): absence
// (any reason) as a share of scheduled time since the start of the school year: the school
// days from 1 August of D's school year, or from the start of the pupil's enrolment at this
// school if later, up to D; only once that span holds ≥ 4 lesweken.
import { ageInYearsOnDay } from "../calendar/ages.ts";
import { lesweekenWithin } from "../calendar/school-days.ts";
import { iso, percentage, type RuleContext, unitSignal } from "./signal.ts";
import { enrolmentStartOn, scheduledBetween, sumBetween } from "./timeline.ts";
import type { Signal } from "./types.ts";

export interface YearFigures {
  spanStart: number;
  lesweken: number;
  scheduled: number;
  absent: number;
}

/** The year-to-date figures, computed once for both rules. Null when the pupil is not enrolled at D. */
export function yearFigures(ctx: RuleContext): YearFigures | null {
  const { t, day } = ctx;
  const enrolmentStart = enrolmentStartOn(t.periods, day);
  if (enrolmentStart === null) return null;
  const { yearStart, lesweekenSinceYearStart } = ctx.windows;
  const spanStart = Math.max(yearStart, enrolmentStart);
  return {
    spanStart,
    lesweken:
      spanStart === yearStart ? lesweekenSinceYearStart : lesweekenWithin(t.school, spanStart, day),
    scheduled: scheduledBetween(t, spanStart, day),
    absent: sumBetween(t, t.absent, spanStart, day),
  };
}

function holds(y: YearFigures, minLesweken: number, atLeastPercent: number): boolean {
  // Integer comparison: exactly 10 % fires ("≥ 10 %").
  return (
    y.lesweken >= minLesweken && y.scheduled > 0 && y.absent * 100 >= atLeastPercent * y.scheduled
  );
}

function evidence(ctx: RuleContext, y: YearFigures) {
  return {
    absent_minutes: y.absent,
    scheduled_minutes: y.scheduled,
    absence_percentage: percentage(y.absent, y.scheduled),
    lesweken: y.lesweken,
    window_start: iso(y.spanStart),
    window_end: ctx.asOf,
  };
}

export function evaluatePersistent10(ctx: RuleContext, y: YearFigures | null): Signal | null {
  const { absentAtLeastPercent, minLesweken } = ctx.profile.persistent10;
  if (y === null || !holds(y, minLesweken, absentAtLeastPercent)) return null;
  return unitSignal(ctx, "PERSISTENT_10", evidence(ctx, y));
}

/** EARLY_YEARS_20: the same figure at ≥ 20 %, for pupils aged 4–8 (whole years) at D. */
export function evaluateEarlyYears20(ctx: RuleContext, y: YearFigures | null): Signal | null {
  const { absentAtLeastPercent, minAge, maxAge, minLesweken } = ctx.profile.earlyYears20;
  if (y === null || !holds(y, minLesweken, absentAtLeastPercent)) return null;
  const age = ageInYearsOnDay(ctx.t.birthDay, ctx.day);
  if (age < minAge || age > maxAge) return null;
  return unitSignal(ctx, "EARLY_YEARS_20", { ...evidence(ctx, y), age });
}

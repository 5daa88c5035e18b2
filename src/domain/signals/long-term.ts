// domain.md §4 UNDER_50 (seed 002, casus 1) and LONG_TERM_ABSENT (thuiszitter; seeds 000–002),
// both over the 4 most recent complete lesweken before D (the lesweken before the ISO week
// that contains D). A week without scheduled time for the pupil is never "absent", so both
// need scheduled time in each of their weeks.
import { iso, percentage, type RuleContext, unitSignal } from "./signal.ts";
import { scheduledBetween, sumBetween } from "./timeline.ts";
import type { Signal } from "./types.ts";

export interface WeekFigures {
  monday: number;
  scheduled: number;
  absent: number;
  unauthorized: number;
}

/**
 * The figures of the n complete lesweken before D, oldest first; null as soon as one week has
 * no absence or no scheduled time (neither rule can fire then). Computed once for both rules,
 * over as many complete lesweken as the longer of the two asks (see windows.ts).
 */
export function completeWeekFigures(ctx: RuleContext): WeekFigures[] | null {
  const mondays = ctx.windows.completeMondays;
  const out: WeekFigures[] = [];
  for (let k = mondays.length - 1; k >= 0; k--) {
    const monday = mondays[k]!;
    const sunday = monday + 6;
    const absent = sumBetween(ctx.t, ctx.t.absent, monday, sunday);
    if (absent <= 0) return null;
    const scheduled = scheduledBetween(ctx.t, monday, sunday);
    if (scheduled <= 0) return null;
    const unauthorized = sumBetween(ctx.t, ctx.t.unauthorizedMinutes, monday, sunday);
    out.push({ monday, scheduled, absent, unauthorized });
  }
  return out.reverse();
}

function lastWeeks(figures: WeekFigures[] | null, n: number): WeekFigures[] | null {
  if (figures === null || figures.length < n) return null;
  return figures.length === n ? figures : figures.slice(figures.length - n);
}

function windowEvidence(weeks: readonly WeekFigures[]) {
  const scheduled = weeks.reduce((n, w) => n + w.scheduled, 0);
  const absent = weeks.reduce((n, w) => n + w.absent, 0);
  return {
    absent_minutes: absent,
    scheduled_minutes: scheduled,
    absence_percentage: percentage(absent, scheduled),
    weeks: weeks.length,
    window_start: iso(weeks[0]!.monday),
    window_end: iso(weeks[weeks.length - 1]!.monday + 6),
  };
}

/** UNDER_50: absent (any reason) more than 50 % of the scheduled time in each of those weeks. */
export function evaluateUnder50(ctx: RuleContext, figures: WeekFigures[] | null): Signal | null {
  const { completeLesweken, absentMoreThanPercent } = ctx.profile.under50;
  const weeks = lastWeeks(figures, completeLesweken);
  if (weeks === null) return null;
  // "more than 50 %": exactly half does not fire. Integer comparison, no rounding.
  if (!weeks.every((w) => w.absent * 100 > absentMoreThanPercent * w.scheduled)) return null;
  return unitSignal(ctx, "UNDER_50", {
    ...windowEvidence(weeks),
    lowest_week_percentage: Math.min(...weeks.map((w) => percentage(w.absent, w.scheduled))),
  });
}

/**
 * LONG_TERM_ABSENT: absent for all scheduled time in each of those weeks. `legal` is true when
 * more than half of those absent minutes is unauthorized (the Inspectie's definition).
 */
export function evaluateLongTermAbsent(
  ctx: RuleContext,
  figures: WeekFigures[] | null,
): Signal | null {
  const weeks = lastWeeks(figures, ctx.profile.longTermAbsent.completeLesweken);
  if (weeks === null) return null;
  if (!weeks.every((w) => w.absent >= w.scheduled)) return null;
  const evidence = windowEvidence(weeks);
  const unauthorized = weeks.reduce((n, w) => n + w.unauthorized, 0);
  return unitSignal(
    ctx,
    "LONG_TERM_ABSENT",
    { ...evidence, unauthorized_minutes: unauthorized },
    { legal: unauthorized * 2 > evidence.absent_minutes },
  );
}

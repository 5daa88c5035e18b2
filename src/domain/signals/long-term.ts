// domain.md §4 UNDER_50 (seed 002, casus 1) and LONG_TERM_ABSENT (thuiszitter; seeds 000–002),
// both over the 4 most recent complete lesweken before D (the lesweken before the ISO week
// that contains D). A week without scheduled time for the pupil is never "absent", so both
// need scheduled time in each of their weeks.
import { completeLesweekenBefore } from "../calendar/school-days.ts";
import { iso, percentage, type RuleContext, unitSignal } from "./signal.ts";
import { scheduledBetween, sumBetween } from "./timeline.ts";
import type { Signal } from "./types.ts";

interface WeekFigures {
  monday: number;
  scheduled: number;
  absent: number;
  unauthorized: number;
}

function weekFigures(ctx: RuleContext, weeks: number): WeekFigures[] | null {
  const mondays = completeLesweekenBefore(ctx.t.school, ctx.day, weeks);
  if (mondays.length < weeks) return null;
  const out: WeekFigures[] = [];
  for (const monday of mondays) {
    const sunday = monday + 6;
    const scheduled = scheduledBetween(ctx.t, monday, sunday);
    if (scheduled <= 0) return null;
    out.push({
      monday,
      scheduled,
      absent: sumBetween(ctx.t, ctx.t.absent, monday, sunday),
      unauthorized: sumBetween(ctx.t, ctx.t.unauthorizedMinutes, monday, sunday),
    });
  }
  return out;
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
export function evaluateUnder50(ctx: RuleContext): Signal | null {
  const { completeLesweken, absentMoreThanPercent } = ctx.profile.under50;
  const weeks = weekFigures(ctx, completeLesweken);
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
export function evaluateLongTermAbsent(ctx: RuleContext): Signal | null {
  const weeks = weekFigures(ctx, ctx.profile.longTermAbsent.completeLesweken);
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

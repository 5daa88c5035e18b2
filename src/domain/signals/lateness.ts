// domain.md §4 LATE_REPEATED (regional practice): ≥ 6 late arrivals within the 4 most recent
// lesweken up to D. A late arrival is one `late` row (one pupil, date and period); its
// minutes never count as absence.
import { iso, type RuleContext, unitSignal } from "./signal.ts";
import { sumBetween } from "./timeline.ts";
import type { Signal } from "./types.ts";

export function evaluateLateRepeated(ctx: RuleContext): Signal | null {
  const { t, day } = ctx;
  const { minLateArrivals } = ctx.profile.lateRepeated;
  const { start: windowStart, lesweken } = ctx.windows.lateRepeated;
  if (windowStart === null) return null;
  const lateArrivals = sumBetween(t, t.lateArrivals, windowStart, day);
  if (lateArrivals < minLateArrivals) return null;
  return unitSignal(ctx, "LATE_REPEATED", {
    late_arrivals: lateArrivals,
    late_minutes: sumBetween(t, t.lateMinutes, windowStart, day),
    lesweken,
    window_start: iso(windowStart),
    window_end: ctx.asOf,
  });
}

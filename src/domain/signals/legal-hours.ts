// domain.md §4 LEGAL_16H and PREVENTIVE_10H (Leerplichtwet art. 21a): unauthorized absence,
// in hours by the hours rule of §3, within the 4 most recent lesweken up to D (the week
// containing D counts, up to D). The higher one supersedes: at most one of the two fires.
import { HOUR_UNITS_PER_HOUR, hoursFromUnits } from "../calendar/hours.ts";
import { iso, type RuleContext, roundHours, unitSignal } from "./signal.ts";
import { firstIndexFrom, sumBetween } from "./timeline.ts";
import type { Signal } from "./types.ts";

export function evaluateLegalHours(ctx: RuleContext): Signal | null {
  const { t, day, profile } = ctx;
  const { reportHours, preventiveHours } = profile.legalHours;
  const { start: windowStart, lesweken } = ctx.windows.legalHours;
  if (windowStart === null) return null;
  const units = sumBetween(t, t.unauthorizedHourUnits, windowStart, day);
  // Compare in integer hour units so that exactly 16 h is exactly 16 h.
  const code =
    units >= reportHours * HOUR_UNITS_PER_HOUR
      ? "LEGAL_16H"
      : units >= preventiveHours * HOUR_UNITS_PER_HOUR
        ? "PREVENTIVE_10H"
        : null;
  if (code === null) return null;
  return unitSignal(ctx, code, {
    unauthorized_minutes: sumBetween(t, t.unauthorizedMinutes, windowStart, day),
    unauthorized_hours: roundHours(hoursFromUnits(units)),
    first_absence_date: iso(firstUnauthorizedDay(ctx, windowStart)),
    lesweken,
    window_start: iso(windowStart),
    window_end: ctx.asOf,
  });
}

/** The first day in the window with unauthorized absence: the start date of a DUO report. */
function firstUnauthorizedDay({ t, day }: RuleContext, windowStart: number): number {
  for (let i = firstIndexFrom(t.days, windowStart); i < t.days.length && t.days[i]! <= day; i++) {
    if (t.unauthorizedHourUnits[i]! > 0) return t.days[i]!;
  }
  return windowStart;
}

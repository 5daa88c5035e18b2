// domain.md §4 SICK_FREQUENT, SICK_LONG, SICK_SPREAD (seed 002, criteria 1–3) and SICK_NOTABLE
// (criterion 4, recorded by hand). Sick days and episodes as in calendar/sick-episodes.ts.
import { schoolDaysBetween } from "../calendar/school-days.ts";
import type { Episode } from "../calendar/sick-episodes.ts";
import { iso, type RuleContext, unitSignal } from "./signal.ts";
import { firstIndexFrom } from "./timeline.ts";
import type { SickNotableObservation, Signal } from "./types.ts";

/**
 * SICK_FREQUENT. Default: ≥ 3 episodes of 1–2 school days (length cut at D) starting on or
 * after D minus 2 calendar months. M@ZL: ≥ 4 episodes of any length starting within the 12 most
 * recent lesweken up to D (from the Monday of the oldest of them).
 */
export function evaluateSickFrequent(
  ctx: RuleContext,
  episodes: readonly Episode[],
): Signal | null {
  const { minEpisodes, maxEpisodeDays } = ctx.profile.sickFrequent;
  const windowStart = ctx.windows.sickFrequentStart;
  if (windowStart === null || episodes.length < minEpisodes) return null;
  const counted = episodes.filter(
    (e) => e.start >= windowStart && (maxEpisodeDays === null || e.length <= maxEpisodeDays),
  );
  if (counted.length < minEpisodes) return null;
  return unitSignal(ctx, "SICK_FREQUENT", {
    episodes: counted.length,
    episode_starts: counted.map((e) => iso(e.start)),
    sick_days: counted.reduce((n, e) => n + e.length, 0),
    window_start: iso(windowStart),
    window_end: ctx.asOf,
  });
}

/**
 * SICK_LONG: an episode of at least `minConsecutiveDays` school days (default 11: "longer than
 * 10") with at most 5 school days after its last day, up to and including D. The most recent
 * such episode is the evidence.
 */
export function evaluateSickLong(ctx: RuleContext, episodes: readonly Episode[]): Signal | null {
  const { t, day } = ctx;
  const { minConsecutiveDays, recentSchoolDays } = ctx.profile.sickLong;
  for (let e = episodes.length - 1; e >= 0; e--) {
    const episode = episodes[e]!;
    const daysSince = schoolDaysBetween(t.school, episode.end + 1, day);
    if (daysSince > recentSchoolDays) return null; // older episodes ended even earlier
    if (episode.length >= minConsecutiveDays) {
      return unitSignal(ctx, "SICK_LONG", {
        sick_days: episode.length,
        episode_start: iso(episode.start),
        episode_end: iso(episode.end),
        ongoing: daysSince === 0,
        school_days_since_end: daysSince,
      });
    }
  }
  return null;
}

/** SICK_SPREAD: more than 4 sick days in [D − 27, D], belonging to ≥ 2 distinct episodes. */
export function evaluateSickSpread(ctx: RuleContext, episodes: readonly Episode[]): Signal | null {
  const { t, day } = ctx;
  const { calendarDays, minSickDays, minEpisodes } = ctx.profile.sickSpread;
  const windowStart = day - (calendarDays - 1);
  let sickDays = 0;
  for (let i = firstIndexFrom(t.sickDays, windowStart); i < t.sickDays.length; i++) {
    if (t.sickDays[i]! > day) break;
    sickDays++;
  }
  // Episodes are runs of sick days, so an episode has sick days in the window iff it overlaps it.
  const overlapping = episodes.filter((e) => e.end >= windowStart).length;
  if (sickDays < minSickDays || overlapping < minEpisodes) return null;
  return unitSignal(ctx, "SICK_SPREAD", {
    sick_days: sickDays,
    episodes: overlapping,
    window_start: iso(windowStart),
    window_end: ctx.asOf,
  });
}

/**
 * SICK_NOTABLE: a professional's observation holds at D when recorded on or before D and not
 * ended before D. The most recently recorded one is the evidence.
 */
export function evaluateSickNotable(
  ctx: RuleContext,
  observations: readonly SickNotableObservation[],
): Signal | null {
  let latest: SickNotableObservation | null = null;
  for (const o of observations) {
    const holds = o.recordedOn <= ctx.asOf && (!o.endDate || o.endDate >= ctx.asOf);
    if (holds && (latest === null || o.recordedOn > latest.recordedOn)) latest = o;
  }
  if (latest === null) return null;
  return unitSignal(ctx, "SICK_NOTABLE", {
    recorded_on: latest.recordedOn,
    end_date: latest.endDate ?? null,
    reference: latest.reference ?? null,
  });
}

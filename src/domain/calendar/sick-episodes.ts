// domain.md §4 "Precise readings": a sick day is a school day with `sick` minutes ≥ half of
// the pupil's scheduled minutes that day; an episode is a maximal run of consecutive school
// days (closed days do not break a run) that are all sick days, cut at D.
import { type SchoolDays, schoolDaysBetween } from "./school-days.ts";

/** A day with no scheduled time for the pupil is never a sick day (nothing to be absent from). */
export function isSickDay(sickMinutes: number, scheduledMinutes: number): boolean {
  return sickMinutes > 0 && scheduledMinutes > 0 && sickMinutes * 2 >= scheduledMinutes;
}

export interface SickEpisodes {
  /** The sick days, ascending day numbers. */
  readonly days: readonly number[];
  /** Per episode: index in `days` of its first day. */
  readonly firstIndex: readonly number[];
  /** Per episode: index in `days` of its last day (not yet cut at any D). */
  readonly lastIndex: readonly number[];
}

/** Groups ascending sick days into episodes: two sick days join when no school day lies between. */
export function groupSickEpisodes(school: SchoolDays, days: readonly number[]): SickEpisodes {
  const first: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const joinsPrevious = i > 0 && schoolDaysBetween(school, days[i - 1]! + 1, days[i]! - 1) === 0;
    if (joinsPrevious) last[last.length - 1] = i;
    else {
      first.push(i);
      last.push(i);
    }
  }
  return { days, firstIndex: first, lastIndex: last };
}

export interface Episode {
  start: number;
  /** Last sick day of the episode at or before D. */
  end: number;
  /** School days in the episode up to D (every one of them a sick day). */
  length: number;
}

/** The episodes that started at or before D, each cut at D, oldest first. */
export function episodesUpTo(episodes: SickEpisodes, day: number): Episode[] {
  const out: Episode[] = [];
  const { days, firstIndex, lastIndex } = episodes;
  for (let e = 0; e < firstIndex.length; e++) {
    const a = firstIndex[e]!;
    if (days[a]! > day) break;
    let b = lastIndex[e]!;
    while (days[b]! > day) b--;
    out.push({ start: days[a]!, end: days[b]!, length: b - a + 1 });
  }
  return out;
}

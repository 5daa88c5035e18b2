// domain.md §4 ("A signal is a state, evaluated daily"): which units can change their signals
// between two evaluation dates D0 < D by the passage of time alone, without any change to
// their records. docs/signals.md ("Signal state") gives the argument per rule; in short, every
// window-sum rule can only lose what it counted when D moves on, except:
// - UNDER_50 / LONG_TERM_ABSENT, whose complete-week window jumps to a newer lesweek;
// - PERSISTENT_10 / EARLY_YEARS_20, which start to count once the span since 1 August (or the
//   enrolment) holds the profile's minimum of lesweken;
// - ages (EARLY_YEARS_20, compulsory school age) and records dated in (D0, D].
// The last ones are found in the database; the first two need only the school's calendar.
//
// Live states (domain.md §4, last paragraph: a signal "stays open until a professional handles
// it … or it stops holding for 4 lesweken"): a live state that held at D0 must be evaluated at
// D — its rule can stop holding by the calendar alone (a window-sum rule loses what leaves its
// window, LEGAL_16H can fall back to PREVENTIVE_10H, an episode ends). (Evaluated, not
// necessarily read again: a unit whose records did not change is evaluated from the inputs an
// earlier run kept, services/signal-unit-inputs.ts; and a state that still holds is not
// rewritten, services/signal-state-writes.ts.)
// A live state that did not hold at D0 (last held before D0) can hold again at D only for the
// reasons above, which make its unit a candidate anyway; otherwise it does not hold at D and
// the only change the calendar alone can bring is its resolution after 4 quiet lesweken
// (state.ts `quietLesweken`), which needs the school's calendar and its last-held date, not an
// evaluation. Only the ages that enter a rule's range matter: leaving it (EARLY_YEARS_20 after
// maxAge) can only stop a signal that held, and those are evaluated.
import { schoolYearStartOfDay } from "../calendar/dates.ts";
import {
  completeLesweekenBefore,
  lesweekenWithin,
  type SchoolDays,
} from "../calendar/school-days.ts";
import type { SignalProfile } from "./profiles.ts";

/**
 * The Monday of the newest complete lesweek at D when the complete-week window of D differs
 * from that of D0 (the only week a unit must have absence in to newly hold UNDER_50 or
 * LONG_TERM_ABSENT); null when the window did not move.
 */
export function newCompleteLesweek(
  school: SchoolDays,
  previousDay: number,
  day: number,
): number | null {
  const now = completeLesweekenBefore(school, day, 1)[0] ?? null;
  const before = completeLesweekenBefore(school, previousDay, 1)[0] ?? null;
  return now !== null && now !== before ? now : null;
}

/**
 * Span starts s (1 August of D's school year ≤ s ≤ D) for which the year-rate rules start to
 * count between D0 and D: lesweken(s, D) ≥ min and lesweken(s, D0) < min. Both counts fall as s
 * grows, so the scan walks back from D and stops once lesweken(s, D0) reaches the minimum.
 */
export function yearRateThresholdStarts(
  school: SchoolDays,
  previousDay: number,
  day: number,
  profile: SignalProfile,
): number[] {
  const min = Math.min(profile.persistent10.minLesweken, profile.earlyYears20.minLesweken);
  const max = Math.max(profile.persistent10.minLesweken, profile.earlyYears20.minLesweken);
  const yearStart = schoolYearStartOfDay(day);
  const starts: number[] = [];
  for (let s = day; s >= yearStart; s--) {
    const before = s <= previousDay ? lesweekenWithin(school, s, previousDay) : 0;
    if (before >= max) break;
    const now = lesweekenWithin(school, s, day);
    // A start crosses a threshold of either rule when its count passes min or max in between.
    if ((now >= min && before < min) || (now >= max && before < max)) starts.push(s);
  }
  return starts;
}

/** True when D0 and D lie in different school years: every year figure starts again. */
export function crossesSchoolYear(previousDay: number, day: number): boolean {
  return schoolYearStartOfDay(previousDay) !== schoolYearStartOfDay(day);
}

/** The ages (whole years) whose birthday between D0 and D can make a unit rule newly hold. */
export function enteringAges(profile: SignalProfile): number[] {
  return [profile.earlyYears20.minAge];
}

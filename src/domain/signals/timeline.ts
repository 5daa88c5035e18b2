// domain.md §3–§4: one (pupil, school) unit turned into day numbers once, so that every rule is
// answered from the same small arrays. The school's dense calendar (SchoolDays) is shared by all
// its pupils; the pupil's own data is sparse: only the days that carry a counted row.
import { dayNumber } from "../calendar/dates.ts";
import { hourUnitsOfRow } from "../calendar/hours.ts";
import { type SchoolDays, scheduledMinutesBetween } from "../calendar/school-days.ts";
import { groupSickEpisodes, isSickDay, type SickEpisodes } from "../calendar/sick-episodes.ts";
import { type DatedPeriod, type EvaluationUnit, UNAUTHORIZED_REASONS } from "./types.ts";

const OPEN_END = 2_147_483_647;

export interface UnitTimeline {
  readonly pupilId: string;
  readonly schoolId: string;
  readonly birthDay: number;
  readonly school: SchoolDays;
  /** Enrolment periods at this school, merged where they overlap or touch: [start, end] pairs, inclusive. */
  readonly periods: readonly number[];
  /** Days (ascending) that carry at least one counted row. Per-day figures below share the index. */
  readonly days: readonly number[];
  /** The pupil's scheduled minutes: the school's minutes minus `exempt_11a` minutes (≥ 0). */
  readonly scheduled: readonly number[];
  /** Absent minutes (every reason except `late` and `exempt_11a`), at most `scheduled`. */
  readonly absent: readonly number[];
  readonly unauthorizedMinutes: readonly number[];
  /** Unauthorized hours by the hours rule of §3, in units of 1/60 hour. */
  readonly unauthorizedHourUnits: readonly number[];
  readonly lateArrivals: readonly number[];
  readonly lateMinutes: readonly number[];
  readonly sickDays: readonly number[];
  readonly sickEpisodes: SickEpisodes;
}

/** Merged [start, end] day pairs; an open end becomes OPEN_END. */
export function mergePeriods(periods: readonly DatedPeriod[]): number[] {
  if (periods.length === 1) {
    // The common case: one enrolment at the school.
    const p = periods[0]!;
    const s = dayNumber(p.startDate);
    const e = p.endDate ? dayNumber(p.endDate) : OPEN_END;
    return e >= s ? [s, e] : [];
  }
  const spans = periods
    .map((p) => [dayNumber(p.startDate), p.endDate ? dayNumber(p.endDate) : OPEN_END] as const)
    .filter(([s, e]) => e >= s)
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of spans) {
    const last = out.length - 1;
    if (out.length > 0 && s <= out[last]! + 1) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}

export function isEnrolledOn(periods: readonly number[], day: number): boolean {
  return enrolmentStartOn(periods, day) !== null;
}

/** Start of the (merged) enrolment period that contains the day, or null. */
export function enrolmentStartOn(periods: readonly number[], day: number): number | null {
  for (let i = 0; i < periods.length; i += 2) {
    if (periods[i]! <= day && day <= periods[i + 1]!) return periods[i]!;
  }
  return null;
}

/**
 * Builds the unit's timeline from its current row set. A row counts only on a school day inside
 * an enrolment (the pupil has no scheduled time elsewhere, so there is nothing to be absent
 * from); rows outside the school's day range are left out. Plain arrays, not typed arrays: they
 * are small, and a million units allocate them cheaply.
 */
export function buildTimeline(unit: EvaluationUnit, school: SchoolDays): UnitTimeline {
  const periods = mergePeriods(unit.enrolments);
  const rows = unit.attendance;
  const rowDays: number[] = [];
  const rowIndex: number[] = [];
  let sorted = true;
  for (let r = 0; r < rows.length; r++) {
    const day = dayNumber(rows[r]!.date);
    const i = day - school.from;
    if (i < 0 || day > school.to || school.minutes[i] === 0 || !isEnrolledOn(periods, day))
      continue;
    if (rowDays.length > 0 && day < rowDays[rowDays.length - 1]!) sorted = false;
    rowDays.push(day);
    rowIndex.push(r);
  }
  if (!sorted) {
    const order = rowIndex.map((_, k) => k).sort((a, b) => rowDays[a]! - rowDays[b]!);
    const days = order.map((k) => rowDays[k]!);
    const index = order.map((k) => rowIndex[k]!);
    rowDays.splice(0, rowDays.length, ...days);
    rowIndex.splice(0, rowIndex.length, ...index);
  }

  const days: number[] = [];
  const scheduled: number[] = [];
  const absent: number[] = [];
  const unauthorizedMinutes: number[] = [];
  const unauthorizedHourUnits: number[] = [];
  const lateArrivals: number[] = [];
  const lateMinutes: number[] = [];
  const sickDays: number[] = [];
  for (let k = 0; k < rowDays.length; ) {
    const day = rowDays[k]!;
    let absentSum = 0;
    let unauthorized = 0;
    let hourUnits = 0;
    let sick = 0;
    let late = 0;
    let lateSum = 0;
    let exempt = 0;
    for (; k < rowDays.length && rowDays[k] === day; k++) {
      const row = rows[rowIndex[k]!]!;
      const minutes = Math.max(row.minutes, 0);
      switch (row.reason) {
        case "late":
          late++;
          lateSum += minutes;
          break;
        case "exempt_11a":
          exempt += minutes;
          break;
        default:
          absentSum += minutes;
          if (row.reason === "sick") sick += minutes;
          else if (UNAUTHORIZED_REASONS.has(row.reason)) {
            unauthorized += minutes;
            hourUnits += hourUnitsOfRow(row.period, minutes);
          }
      }
    }
    const pupilMinutes = Math.max(0, school.minutes[day - school.from]! - exempt);
    days.push(day);
    scheduled.push(pupilMinutes);
    // Valid data never exceeds the scheduled time; the clamp keeps percentages ≤ 100 % if it does.
    absent.push(Math.min(absentSum, pupilMinutes));
    unauthorizedMinutes.push(unauthorized);
    unauthorizedHourUnits.push(hourUnits);
    lateArrivals.push(late);
    lateMinutes.push(lateSum);
    if (isSickDay(sick, pupilMinutes)) sickDays.push(day);
  }
  return {
    pupilId: unit.pupil.id,
    schoolId: unit.calendar.schoolId,
    birthDay: dayNumber(unit.pupil.birthDate),
    school,
    periods,
    days,
    scheduled,
    absent,
    unauthorizedMinutes,
    unauthorizedHourUnits,
    lateArrivals,
    lateMinutes,
    sickDays,
    sickEpisodes: groupSickEpisodes(school, sickDays),
  };
}

/** Index of the first entry of `days` that is ≥ day. */
export function firstIndexFrom(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of a per-day figure over the days in [fromDay, toDay]. */
export function sumBetween(
  t: UnitTimeline,
  figure: readonly number[],
  fromDay: number,
  toDay: number,
): number {
  let sum = 0;
  for (let i = firstIndexFrom(t.days, fromDay); i < t.days.length && t.days[i]! <= toDay; i++) {
    sum += figure[i]!;
  }
  return sum;
}

/** The pupil's scheduled minutes in [fromDay, toDay]: school days inside an enrolment, minus `exempt_11a`. */
export function scheduledBetween(t: UnitTimeline, fromDay: number, toDay: number): number {
  let sum = 0;
  const p = t.periods;
  for (let i = 0; i < p.length; i += 2) {
    sum += scheduledMinutesBetween(t.school, Math.max(fromDay, p[i]!), Math.min(toDay, p[i + 1]!));
  }
  for (let i = firstIndexFrom(t.days, fromDay); i < t.days.length && t.days[i]! <= toDay; i++) {
    sum -= t.school.minutes[t.days[i]! - t.school.from]! - t.scheduled[i]!;
  }
  return sum;
}

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
  readonly periods: Int32Array;
  /** Days (ascending) that carry at least one counted row. Per-day figures below share the index. */
  readonly days: Int32Array;
  /** The pupil's scheduled minutes: the school's minutes minus `exempt_11a` minutes (≥ 0). */
  readonly scheduled: Int32Array;
  /** Absent minutes (every reason except `late` and `exempt_11a`), at most `scheduled`. */
  readonly absent: Int32Array;
  readonly unauthorizedMinutes: Int32Array;
  /** Unauthorized hours by the hours rule of §3, in units of 1/60 hour. */
  readonly unauthorizedHourUnits: Int32Array;
  readonly sickMinutes: Int32Array;
  readonly lateArrivals: Int32Array;
  readonly lateMinutes: Int32Array;
  readonly sickDays: Int32Array;
  readonly sickEpisodes: SickEpisodes;
}

/** Merged [start, end] day pairs; an open end becomes OPEN_END. */
export function mergePeriods(periods: readonly DatedPeriod[]): Int32Array {
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
  return Int32Array.from(out);
}

export function isEnrolledOn(periods: Int32Array, day: number): boolean {
  return enrolmentStartOn(periods, day) !== null;
}

/** Start of the (merged) enrolment period that contains the day, or null. */
export function enrolmentStartOn(periods: Int32Array, day: number): number | null {
  for (let i = 0; i < periods.length; i += 2) {
    if (periods[i]! <= day && day <= periods[i + 1]!) return periods[i]!;
  }
  return null;
}

/**
 * Builds the unit's timeline from its current row set. A row counts only on a school day inside
 * an enrolment (the pupil has no scheduled time elsewhere, so there is nothing to be absent
 * from); rows outside the school's day range are left out.
 */
export function buildTimeline(unit: EvaluationUnit, school: SchoolDays): UnitTimeline {
  const periods = mergePeriods(unit.enrolments);
  const rows = unit.attendance;
  const rowDays = new Int32Array(rows.length);
  let kept = 0;
  const keptIndex = new Int32Array(rows.length);
  let sorted = true;
  for (let r = 0; r < rows.length; r++) {
    const day = dayNumber(rows[r]!.date);
    const i = day - school.from;
    if (i < 0 || day > school.to || school.minutes[i] === 0 || !isEnrolledOn(periods, day))
      continue;
    if (kept > 0 && day < rowDays[kept - 1]!) sorted = false;
    rowDays[kept] = day;
    keptIndex[kept] = r;
    kept++;
  }
  const order = Array.from({ length: kept }, (_, k) => k);
  if (!sorted) order.sort((a, b) => rowDays[a]! - rowDays[b]!);

  let distinct = 0;
  for (let k = 0; k < kept; k++) {
    if (k === 0 || rowDays[order[k]!] !== rowDays[order[k - 1]!]) distinct++;
  }
  const days = new Int32Array(distinct);
  const scheduled = new Int32Array(distinct);
  const absent = new Int32Array(distinct);
  const unauthorizedMinutes = new Int32Array(distinct);
  const unauthorizedHourUnits = new Int32Array(distinct);
  const sickMinutes = new Int32Array(distinct);
  const lateArrivals = new Int32Array(distinct);
  const lateMinutes = new Int32Array(distinct);
  const exempt = new Int32Array(distinct);

  let d = -1;
  for (let k = 0; k < kept; k++) {
    const day = rowDays[order[k]!]!;
    if (d < 0 || days[d] !== day) days[++d] = day;
    const row = rows[keptIndex[order[k]!]!]!;
    const minutes = Math.max(row.minutes, 0);
    switch (row.reason) {
      case "late":
        lateArrivals[d]!++;
        lateMinutes[d]! += minutes;
        break;
      case "exempt_11a":
        exempt[d]! += minutes;
        break;
      default:
        absent[d]! += minutes;
        if (row.reason === "sick") sickMinutes[d]! += minutes;
        else if (UNAUTHORIZED_REASONS.has(row.reason)) {
          unauthorizedMinutes[d]! += minutes;
          unauthorizedHourUnits[d]! += hourUnitsOfRow(row.period, row.minutes);
        }
    }
  }

  const sick: number[] = [];
  for (let i = 0; i < distinct; i++) {
    const schoolMinutes = school.minutes[days[i]! - school.from]!;
    scheduled[i] = Math.max(0, schoolMinutes - exempt[i]!);
    // Valid data never exceeds the scheduled time; the clamp keeps percentages ≤ 100 % if it does.
    if (absent[i]! > scheduled[i]!) absent[i] = scheduled[i]!;
    if (isSickDay(sickMinutes[i]!, scheduled[i]!)) sick.push(days[i]!);
  }
  const sickDays = Int32Array.from(sick);
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
    sickMinutes,
    lateArrivals,
    lateMinutes,
    sickDays,
    sickEpisodes: groupSickEpisodes(school, sickDays),
  };
}

/** Index of the first entry of `days` that is ≥ day. */
export function firstIndexFrom(days: Int32Array, day: number): number {
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
  figure: Int32Array,
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

// The benchmark's incremental phase (domain.md §4 "evaluated daily"): after the full run at D0,
// one realistic day arrives — the attendance rows dated D = D0 + 1 for the whole region (already
// in the generated data, which covers the school year) plus a correction of a past row for ~1 %
// of the pupils — and only the affected (pupil, school) units are evaluated again at D. Their
// signals, merged with the D0 signals of every other unit, must equal a full evaluation at D.
//
// The affected units are found the way src/services/signal-state-candidates.ts finds them in the
// database (each test below is one of its queries, answered per unit while streaming): a changed
// or newly dated row, a signal held at D0, a birthday, an enrolment that starts or ends, and the
// calendar reasons of src/domain/signals/incremental.ts. Nothing here looks at the result at D.
import { ageInYearsOnDay } from "../src/domain/calendar/ages.ts";
import {
  dayNumber,
  fromDayNumber,
  type IsoDate,
  schoolYearStartOfDay,
} from "../src/domain/calendar/dates.ts";
import type { SchoolDays } from "../src/domain/calendar/school-days.ts";
import { LOOKBACK_DAYS, schoolDaysFor } from "../src/domain/signals/evaluate.ts";
import {
  crossesSchoolYear,
  newCompleteLesweek,
  yearRateThresholdStarts,
} from "../src/domain/signals/incremental.ts";
import { DEFAULT_PROFILE } from "../src/domain/signals/profiles.ts";
import type { AttendanceRecord, EvaluationUnit } from "../src/domain/signals/types.ts";
import type { PeerSignal } from "./duckdb-signals.ts";
import { randomFor } from "./synthetic/prng.ts";
import {
  type EvaluateUnit,
  forEachPupil,
  loadCalendars,
  type PupilUnits,
  toPeerSignal,
} from "./ts-signals-run.ts";

/** One correction of a past row: `upsert` writes the row (new or changed), `delete` removes it. */
export interface DayChange {
  op: "upsert" | "delete";
  pupilId: string;
  schoolId: string;
  date: IsoDate;
  period: string;
  minutes: number;
  reason: AttendanceRecord["reason"];
}

export const DAY_CHANGES_HEADER = "op,pupil_id,school_id,date,period,minutes,reason";

export function dayChangeLine(c: DayChange): string {
  return `${c.op},${c.pupilId},${c.schoolId},${c.date},${c.period},${c.minutes},${c.reason}`;
}

/** Share of pupils whose records get one correction on the day. */
export const CORRECTION_SHARE = 0.01;
/** Salt for the corrections' random stream, so it is independent of the generator's. */
const CORRECTION_SALT = 0x5eed_c0de;

const isActiveOn = (u: EvaluationUnit, day: number) =>
  u.enrolments.some(
    (e) => dayNumber(e.startDate) <= day && (e.endDate === null || dayNumber(e.endDate) >= day),
  );

/**
 * The pupil's correction on the day, or null (~99 % of pupils). Realistic office work on the
 * last four weeks up to D0: a reason changed (an unreported absence turns out to be sickness, a
 * sick note turns out to be truancy), a row withdrawn, minutes halved (left halfway), or a
 * forgotten registration of a whole day (`day` row, unreported, the school's minutes) on the
 * latest school day without rows. Every change keeps the data valid (minutes within the day's
 * scheduled time, no `exempt_11a` touched).
 */
export function correctionFor(
  pupil: PupilUnits,
  seed: number,
  asOfDay: number,
  schoolOf: (u: EvaluationUnit) => SchoolDays,
): DayChange | null {
  const index = Number(pupil.pupilId.slice(1)) - 1;
  const random = randomFor(seed ^ CORRECTION_SALT, index);
  if (random() >= CORRECTION_SHARE) return null;
  const units = pupil.units.filter((u) => isActiveOn(u, asOfDay));
  const unit = units[Math.floor(random() * units.length)];
  if (!unit) return null;
  const schoolId = unit.calendar.schoolId;
  const from = asOfDay - 27;
  const recent = unit.attendance.filter((r) => {
    const day = dayNumber(r.date);
    return day >= from && day <= asOfDay && r.reason !== "exempt_11a";
  });
  const roll = random();
  if (recent.length > 0 && roll < 0.8) {
    const row = recent[Math.floor(random() * recent.length)]!;
    const base = { pupilId: pupil.pupilId, schoolId, date: row.date, period: row.period };
    if (roll < 0.35) {
      const reason =
        row.reason === "unreported" || row.reason === "truant"
          ? "sick"
          : row.reason === "sick"
            ? "truant"
            : "unreported";
      return { op: "upsert", ...base, minutes: row.minutes, reason };
    }
    if (roll < 0.55) return { op: "delete", ...base, minutes: row.minutes, reason: row.reason };
    return {
      op: "upsert",
      ...base,
      minutes: Math.max(1, Math.floor(row.minutes / 2)),
      reason: row.reason,
    };
  }
  // A forgotten day: the latest school day in the enrolment, up to D0, without any row.
  const school = schoolOf(unit);
  const taken = new Set(unit.attendance.map((r) => r.date));
  for (let day = asOfDay; day >= from; day--) {
    const minutes = school.minutes[day - school.from] ?? 0;
    const date = fromDayNumber(day);
    if (minutes > 0 && isActiveOn(unit, day) && !taken.has(date)) {
      return {
        op: "upsert",
        pupilId: pupil.pupilId,
        schoolId,
        date,
        period: "day",
        minutes,
        reason: "unreported",
      };
    }
  }
  return null;
}

export function applyChange(unit: EvaluationUnit, change: DayChange | null): EvaluationUnit {
  if (!change || change.schoolId !== unit.calendar.schoolId) return unit;
  const attendance = unit.attendance.filter(
    (r) => !(r.date === change.date && r.period === change.period),
  );
  if (change.op === "upsert") {
    attendance.push({
      date: change.date,
      period: change.period,
      minutes: change.minutes,
      reason: change.reason,
    });
  }
  return { ...unit, attendance };
}

export interface IncrementalResult {
  asOf: IsoDate;
  next: IsoDate;
  units: number;
  corrections: number;
  /** Units with a row dated in (D0, D]: the day's registrations. */
  unitsWithNewRows: number;
  newRows: number;
  candidates: number;
  candidatesBy: Record<string, number>;
  /** evaluateUnit over every unit, without reading: at D0 and at D (seconds). */
  fullEvaluateSeconds: { asOf: number; next: number };
  /** The incremental step: evaluate the candidates at D and merge with the D0 signals. */
  incrementalSeconds: number;
  incrementalEvaluateSeconds: number;
  /** CPU seconds of the incremental step (steadier than wall time on a shared machine). */
  incrementalCpuSeconds: number;
  /** Signals at D of the full evaluation, and how many the incremental merge got wrong. */
  signals: number;
  mismatches: number;
  mismatchExamples: string[];
  fullNext: PeerSignal[];
  changes: DayChange[];
}

const keyOf = (s: PeerSignal) => `${s.pupil_id}|${s.school_id}|${s.code}|${s.legal ?? ""}`;

/**
 * Streams the data once: per unit the full evaluation at D0 (the previous run), the corrected
 * unit's full evaluation at D (the reference), and the candidate tests. Then the timed
 * incremental step evaluates only the kept candidate units at D and merges.
 */
export async function runIncremental(
  dir: string,
  chunks: number,
  asOf: IsoDate,
  next: IsoDate,
  seed: number,
  evaluateUnit: EvaluateUnit,
  /** Candidate reasons to leave out: only to show that the equality check can fail. */
  ignoreReasons: readonly string[] = [],
): Promise<IncrementalResult> {
  const day0 = dayNumber(asOf);
  const day = dayNumber(next);
  if (day <= day0) throw new Error("the incremental day must follow the full run's date");
  if (crossesSchoolYear(day0, day)) throw new Error("a new school year is always a full run");
  const calendars = loadCalendars(dir);
  const profile = DEFAULT_PROFILE;
  const schoolOf = (u: EvaluationUnit) => schoolDaysFor(u.calendar, day - LOOKBACK_DAYS, day);
  // Calendar reasons, per school: the new complete lesweek and the year-rate threshold starts.
  const newWeek = new Map<string, number | null>();
  const thresholdStarts = new Map<string, number[]>();
  for (const calendar of calendars.values()) {
    const school = schoolDaysFor(calendar, day - LOOKBACK_DAYS, day);
    newWeek.set(calendar.schoolId, newCompleteLesweek(school, day0, day));
    thresholdStarts.set(calendar.schoolId, yearRateThresholdStarts(school, day0, day, profile));
  }
  const yearStart = schoolYearStartOfDay(day);
  const candidatesBy: Record<string, number> = {};
  const count = (reason: string) => {
    candidatesBy[reason] = (candidatesBy[reason] ?? 0) + 1;
  };
  const previous = new Map<string, PeerSignal[]>();
  const fullNext: PeerSignal[] = [];
  const kept: EvaluationUnit[] = [];
  const changes: DayChange[] = [];
  let units = 0;
  let newRows = 0;
  let unitsWithNewRows = 0;
  let msAsOf = 0;
  let msNext = 0;
  await forEachPupil(dir, chunks, calendars, (pupil) => {
    const change = correctionFor(pupil, seed, day0, schoolOf);
    if (change) changes.push(change);
    const birthDay = dayNumber(pupil.birthDate);
    const birthday = ageInYearsOnDay(birthDay, day) !== ageInYearsOnDay(birthDay, day0);
    for (const unit of pupil.units) {
      units++;
      const key = `${pupil.pupilId}|${unit.calendar.schoolId}`;
      let started = performance.now();
      const before = evaluateUnit(unit, asOf).map(toPeerSignal);
      msAsOf += performance.now() - started;
      const corrected = applyChange(unit, change);
      started = performance.now();
      for (const s of evaluateUnit(corrected, next)) fullNext.push(toPeerSignal(s));
      msNext += performance.now() - started;

      // The candidate tests, each a query of signal-state-candidates.ts.
      let dated = 0;
      for (const r of unit.attendance) {
        const d = dayNumber(r.date);
        if (d > day0 && d <= day) dated++;
      }
      newRows += dated;
      if (dated > 0) unitsWithNewRows++;
      const schoolId = unit.calendar.schoolId;
      const monday = newWeek.get(schoolId) ?? null;
      const starts = thresholdStarts.get(schoolId) ?? [];
      const reasons: Array<[string, boolean]> = [
        ["changed row", corrected !== unit],
        ["row dated in (D0, D]", dated > 0],
        ["signal held at D0", before.length > 0],
        ["birthday", birthday],
        [
          "enrolment starts or ends",
          unit.enrolments.some((e) => {
            const s = dayNumber(e.startDate);
            const end = e.endDate === null ? null : dayNumber(e.endDate);
            return (s > day0 && s <= day) || (end !== null && end >= day0 && end < day);
          }),
        ],
        [
          "absence in the new complete lesweek",
          monday !== null &&
            corrected.attendance.some((r) => {
              const d = dayNumber(r.date);
              return (
                d >= monday &&
                d <= monday + 6 &&
                r.minutes > 0 &&
                r.reason !== "late" &&
                r.reason !== "exempt_11a"
              );
            }),
        ],
        [
          "year-rate threshold",
          // Since 1 August: every unit of the school; else units whose enrolment starts on s.
          starts.some(
            (s) => s === yearStart || unit.enrolments.some((e) => dayNumber(e.startDate) === s),
          ),
        ],
      ];
      const why = reasons.find(([reason, holds]) => holds && !ignoreReasons.includes(reason));
      if (why) {
        count(why[0]);
        kept.push(corrected);
      } else {
        previous.set(key, before);
      }
    }
  });

  // The timed incremental step: only the candidates, then the merge.
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const merged: PeerSignal[] = [];
  for (const list of previous.values()) {
    for (const s of list) merged.push({ ...s, as_of: next });
  }
  const evaluating = performance.now();
  for (const unit of kept) for (const s of evaluateUnit(unit, next)) merged.push(toPeerSignal(s));
  const incrementalEvaluateSeconds = (performance.now() - evaluating) / 1000;
  const incrementalSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const incrementalCpuSeconds = (cpu.user + cpu.system) / 1e6;

  const expected = new Set(fullNext.map(keyOf));
  const got = new Set(merged.map(keyOf));
  const mismatchExamples: string[] = [];
  let mismatches = 0;
  for (const k of expected) {
    if (!got.has(k)) {
      mismatches++;
      if (mismatchExamples.length < 10) mismatchExamples.push(`only full: ${k}`);
    }
  }
  for (const k of got) {
    if (!expected.has(k)) {
      mismatches++;
      if (mismatchExamples.length < 10) mismatchExamples.push(`only incremental: ${k}`);
    }
  }
  return {
    asOf,
    next,
    units,
    corrections: changes.length,
    unitsWithNewRows,
    newRows,
    candidates: kept.length,
    candidatesBy,
    fullEvaluateSeconds: { asOf: msAsOf / 1000, next: msNext / 1000 },
    incrementalSeconds,
    incrementalEvaluateSeconds,
    incrementalCpuSeconds,
    signals: fullNext.length,
    mismatches,
    mismatchExamples,
    fullNext,
    changes,
  };
}

// The inputs of the units that held a signal, kept between daily runs (issue 19; the table
// signal_unit_inputs). A unit that held at D0 is evaluated again at D — its rule can stop
// holding by the calendar alone (domain/signals/incremental.ts) — but when none of its records
// changed, its inputs are those read at the run that kept them: the rows dated up to that run's
// date with decided leave applied, its enrolments, the pupil's facts, its SICK_NOTABLE
// observations. Every run forgets the kept inputs of the units whose records changed or that got
// rows or observations dated in (D0, D] (signal-state-candidates.ts `changedUnits`), and a full
// run starts again, so kept inputs are the unit's inputs at D, less the rows that have left the
// look-back window, which are dropped here.
import type { SqlClient } from "../db/connect.ts";
import { loadSchoolUnits } from "../db/queries/signal-inputs.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { LOOKBACK_DAYS } from "../domain/signals/evaluate.ts";
import {
  ABSENCE_REASONS,
  type AttendanceRecord,
  type EvaluationUnit,
  type SickNotableObservation,
} from "../domain/signals/types.ts";

/** One unit's inputs as stored: short keys and attendance by column keep a row small. */
interface Encoded {
  /** Pupil id, birth date, start qualification date. */
  p: [string, string, string | null];
  /** Enrolments at the school: [start, end]. */
  e: [string, string | null][];
  /** Attendance by column: dates, periods, minutes, reasons (index in ABSENCE_REASONS). */
  a: [string[], string[], number[], number[]];
  /** SICK_NOTABLE observations: [recorded on, end date, reference]. */
  n?: [string, string | null, string | null][];
}

const REASON_INDEX = new Map(ABSENCE_REASONS.map((r, i) => [r, i]));

export function encodeUnitInputs(unit: EvaluationUnit): string {
  const a: Encoded["a"] = [[], [], [], []];
  for (const r of unit.attendance) {
    a[0].push(r.date);
    a[1].push(r.period);
    a[2].push(r.minutes);
    a[3].push(REASON_INDEX.get(r.reason)!);
  }
  const encoded: Encoded = {
    p: [unit.pupil.id, unit.pupil.birthDate, unit.pupil.startQualificationDate ?? null],
    e: unit.enrolments.map((e) => [e.startDate, e.endDate]),
    a,
  };
  if (unit.sickNotable) {
    encoded.n = unit.sickNotable.map((o) => [o.recordedOn, o.endDate ?? null, o.reference ?? null]);
  }
  return JSON.stringify(encoded);
}

/** The unit's inputs at D: the kept rows within D's look-back window (loadSchoolUnits' range). */
export function decodeUnitInputs(
  text: string,
  calendar: SchoolCalendar,
  asOf: IsoDate,
): EvaluationUnit {
  const encoded = JSON.parse(text) as Encoded;
  const from = addDays(asOf, -LOOKBACK_DAYS);
  const [dates, periods, minutes, reasons] = encoded.a;
  const attendance: AttendanceRecord[] = [];
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    if (date < from || date > asOf) continue;
    attendance.push({
      date,
      period: periods[i]!,
      minutes: minutes[i]!,
      reason: ABSENCE_REASONS[reasons[i]!]!,
    });
  }
  const unit: EvaluationUnit = {
    pupil: {
      id: encoded.p[0],
      birthDate: encoded.p[1],
      startQualificationDate: encoded.p[2],
    },
    calendar,
    enrolments: encoded.e.map(([startDate, endDate]) => ({ startDate, endDate })),
    attendance,
  };
  if (encoded.n) {
    const sickNotable: SickNotableObservation[] = encoded.n
      .filter(([recordedOn]) => recordedOn <= asOf)
      .map(([recordedOn, endDate, reference]) =>
        reference === null ? { recordedOn, endDate } : { recordedOn, endDate, reference },
      );
    return { ...unit, sickNotable };
  }
  return unit;
}

/** The kept inputs of these pupils' units at one school, for the run at D (in pupil order). */
export async function loadKeptUnits(
  sql: SqlClient,
  calendar: SchoolCalendar,
  asOf: IsoDate,
  pupilIds: readonly string[],
): Promise<EvaluationUnit[]> {
  if (pupilIds.length === 0) return [];
  const rows = await sql.query<{ inputs: string }>(
    `select inputs from signal_unit_inputs
     where school_id = $1 and pupil_id = any($2::text[]) and as_of <= $3::date
     order by pupil_id`,
    [calendar.schoolId, pupilIds, asOf],
  );
  return rows.map((r) => decodeUnitInputs(r.inputs, calendar, asOf));
}

/** One school's units at D; the first `kept` of them from their kept inputs. */
export interface SchoolUnits {
  units: EvaluationUnit[];
  kept: number;
}

/**
 * One school's units at D: the listed pupils whose records did not change (`unchanged`) from
 * their kept inputs where there are any, the others from their rows — all of them from their
 * rows when no pupils are listed (a full run, or a school evaluated whole).
 */
export async function loadSchoolUnitsKeptOrRead(
  sql: SqlClient,
  calendar: SchoolCalendar,
  asOf: IsoDate,
  pupilIds: readonly string[] | undefined,
  unchanged: (pupilId: string, schoolId: string) => boolean,
): Promise<SchoolUnits> {
  if (!pupilIds) return { units: await loadSchoolUnits(sql, calendar, asOf), kept: 0 };
  const fromKept = await loadKeptUnits(
    sql,
    calendar,
    asOf,
    pupilIds.filter((id) => unchanged(id, calendar.schoolId)),
  );
  const keptIds = new Set(fromKept.map((u) => u.pupil.id));
  const rest = pupilIds.filter((id) => !keptIds.has(id));
  const read = rest.length > 0 ? await loadSchoolUnits(sql, calendar, asOf, rest) : [];
  return { units: [...fromKept, ...read], kept: fromKept.length };
}

export interface KeptUnit {
  schoolId: string;
  pupilId: string;
  inputs: string;
}

export interface KeptUnitWrites {
  /** A full run: every kept input goes, then this run's are kept. */
  forgetAll: boolean;
  /** Units whose kept inputs go (records changed, or nothing holds any longer). */
  forgetUnits: { schoolId: string; pupilId: string }[];
  /** Pupils whose kept inputs go at every school (their facts changed). */
  forgetPupils: string[];
  /** Schools whose kept inputs all go (every unit was read from its rows at this run). */
  forgetSchools: string[];
  /** Inputs read at this run of units that hold a signal at D. */
  keep: KeptUnit[];
}

/** Rows per statement: a run's JSON parameters stay a few MB at national size. */
const BATCH = 2000;

/** Applies a run's changes to the kept inputs (in the run's transaction). */
export async function writeKeptUnits(
  sql: SqlClient,
  writes: KeptUnitWrites,
  asOf: IsoDate,
): Promise<void> {
  if (writes.forgetAll) await sql.query("delete from signal_unit_inputs");
  for (let i = 0; i < writes.forgetUnits.length; i += BATCH) {
    const rows = writes.forgetUnits.slice(i, i + BATCH).map((u) => ({
      s: u.schoolId,
      p: u.pupilId,
    }));
    await sql.query(
      `delete from signal_unit_inputs k using jsonb_to_recordset($1::jsonb) as v(s text, p text)
       where k.school_id = v.s and k.pupil_id = v.p`,
      [JSON.stringify(rows)],
    );
  }
  if (writes.forgetSchools.length > 0) {
    await sql.query("delete from signal_unit_inputs where school_id = any($1::text[])", [
      writes.forgetSchools,
    ]);
  }
  if (writes.forgetPupils.length > 0) {
    await sql.query("delete from signal_unit_inputs where pupil_id = any($1::text[])", [
      writes.forgetPupils,
    ]);
  }
  for (let i = 0; i < writes.keep.length; i += BATCH) {
    const rows = writes.keep.slice(i, i + BATCH).map((u) => ({
      s: u.schoolId,
      p: u.pupilId,
      i: u.inputs,
    }));
    await sql.query(
      `insert into signal_unit_inputs (school_id, pupil_id, as_of, inputs)
       select v.s, v.p, $2::date, v.i from jsonb_to_recordset($1::jsonb) as v(s text, p text, i text)
       on conflict (school_id, pupil_id) do update
         set as_of = excluded.as_of, inputs = excluded.inputs`,
      [JSON.stringify(rows), asOf],
    );
  }
}

// Reads the plain inputs of the signal rules (domain.md §4) from the database: per school the
// (pupil, school) units with an enrolment active at D, and the population-level inputs.
import { addDays, type IsoDate } from "../../domain/calendar/dates.ts";
import {
  buildSchoolCalendars,
  type HolidayRegion,
  type SchoolCalendar,
} from "../../domain/calendar/school-calendar.ts";
import { applyDecidedLeave } from "../../domain/leave/absence.ts";
import { LOOKBACK_DAYS } from "../../domain/signals/evaluate.ts";
import type {
  AbsenceReason,
  AttendanceRecord,
  DatedPeriod,
  EvaluationUnit,
  ExemptionKind,
  PopulationInput,
} from "../../domain/signals/types.ts";
import type { SqlClient } from "../connect.ts";

interface SchoolRow {
  school_id: string;
  holiday_region: HolidayRegion;
  minutes_mon: number;
  minutes_tue: number;
  minutes_wed: number;
  minutes_thu: number;
  minutes_fri: number;
}

export async function loadSchoolCalendars(sql: SqlClient): Promise<Map<string, SchoolCalendar>> {
  const schools = await sql.query<SchoolRow>(
    `select school_id, holiday_region, minutes_mon, minutes_tue, minutes_wed, minutes_thu,
            minutes_fri from schools order by school_id`,
  );
  const closures = await sql.query<{
    scope: string;
    start_date: string;
    end_date: string;
    name: string;
  }>("select scope, start_date::text, end_date::text, name from closures");
  return buildSchoolCalendars(
    schools.map((s) => ({
      schoolId: s.school_id,
      holidayRegion: s.holiday_region,
      minutesByWeekday: [s.minutes_mon, s.minutes_tue, s.minutes_wed, s.minutes_thu, s.minutes_fri],
    })),
    closures.map((c) => ({
      scope: c.scope,
      startDate: c.start_date,
      endDate: c.end_date,
      name: c.name,
    })),
  );
}

const ACTIVE_PAIRS = `
  select distinct pupil_id from enrolments
  where school_id = $1 and start_date <= $2::date and (end_date is null or end_date >= $2::date)`;

/** The pupils with an enrolment active at D at the school, in id order. */
export async function activePupilIds(
  sql: SqlClient,
  schoolId: string,
  asOf: IsoDate,
): Promise<string[]> {
  const rows = await sql.query<{ pupil_id: string }>(`${ACTIVE_PAIRS} order by pupil_id`, [
    schoolId,
    asOf,
  ]);
  return rows.map((r) => r.pupil_id);
}

/** The schools where any of `pupilIds` has an enrolment active at D, each with those pupils. */
export async function activePupilsBySchool(
  sql: SqlClient,
  pupilIds: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, string[]>> {
  const bySchool = new Map<string, string[]>();
  if (pupilIds.length === 0) return bySchool;
  const rows = await sql.query<{ school_id: string; pupil_id: string }>(
    `select distinct school_id, pupil_id from enrolments
     where pupil_id = any($1::text[]) and start_date <= $2::date
       and (end_date is null or end_date >= $2::date)
     order by school_id, pupil_id`,
    [pupilIds, asOf],
  );
  for (const r of rows) {
    const list = bySchool.get(r.school_id);
    if (list) list.push(r.pupil_id);
    else bySchool.set(r.school_id, [r.pupil_id]);
  }
  return bySchool;
}

/**
 * The evaluation units of one school at D: each pupil with an enrolment active at D there, with
 * all of its enrolments and its attendance rows at that school within the rules' look-back.
 */
export async function loadSchoolUnits(
  sql: SqlClient,
  calendar: SchoolCalendar,
  asOf: IsoDate,
  pupilIds?: readonly string[],
): Promise<EvaluationUnit[]> {
  const schoolId = calendar.schoolId;
  const from = addDays(asOf, -LOOKBACK_DAYS);
  const only = pupilIds ? " and pupil_id = any($3::text[])" : "";
  const params = pupilIds ? [schoolId, asOf, pupilIds] : [schoolId, asOf];
  const pupils = await sql.query<{
    pupil_id: string;
    birth_date: string;
    start_qualification_date: string | null;
  }>(
    `select pupil_id, birth_date::text, start_qualification_date::text from pupils
     where pupil_id in (${ACTIVE_PAIRS}${only}) order by pupil_id`,
    params,
  );
  if (pupils.length === 0) return [];
  const enrolments = await sql.query<{ pupil_id: string; start_date: string; end_date: string }>(
    `select pupil_id, start_date::text, end_date::text from enrolments
     where school_id = $1 and pupil_id in (${ACTIVE_PAIRS}${only})`,
    params,
  );
  const attendance = await sql.query<{
    pupil_id: string;
    date: string;
    period: string;
    minutes: number;
    reason: AbsenceReason;
  }>(
    `select pupil_id, date::text, period, minutes, reason from attendance
     where school_id = $1 and date <= $2::date and date >= $${params.length + 1}::date
       and pupil_id in (${ACTIVE_PAIRS}${only})`,
    [...params, from],
  );
  // Decided leave re-reads the absence in its dates (domain.md §4: approved leave is `leave`,
  // taken without approval `luxury`), before any rule — daily, on demand or a DUO report — counts it.
  const leave = await sql.query<{
    pupil_id: string;
    status: "approved" | "refused";
    start_date: string;
    end_date: string;
  }>(
    `select pupil_id, status, start_date::text, end_date::text from leave_requests
     where school_id = $1 and status in ('approved', 'refused') and start_date <= $2::date
       and end_date >= $${params.length + 1}::date and pupil_id in (${ACTIVE_PAIRS}${only})`,
    [...params, from],
  );
  // SICK_NOTABLE (§4: recorded by hand) belongs to the unit's inputs like its attendance, so
  // every evaluation — not only the daily job — sees it.
  const notable = await sql.query<{
    id: string;
    pupil_id: string;
    recorded_on: string;
    end_date: string | null;
  }>(
    `select id::text, pupil_id, recorded_on::text, end_date::text from sick_notable_observations
     where school_id = $1 and recorded_on <= $2::date and pupil_id in (${ACTIVE_PAIRS}${only})
     order by id`,
    params,
  );
  const leaveByPupil = groupRows(leave, (l) => ({
    status: l.status,
    startDate: l.start_date,
    endDate: l.end_date,
  }));
  const notableByPupil = groupRows(notable, (n) => ({
    recordedOn: n.recorded_on,
    endDate: n.end_date,
    reference: n.id,
  }));
  const enrolmentsByPupil = groupRows(enrolments, (e) => ({
    startDate: e.start_date,
    endDate: e.end_date,
  }));
  const attendanceByPupil = groupRows(attendance, (a) => ({
    date: a.date,
    period: a.period,
    minutes: a.minutes,
    reason: a.reason,
  }));
  return pupils.map((p) => ({
    pupil: {
      id: p.pupil_id,
      birthDate: p.birth_date,
      startQualificationDate: p.start_qualification_date,
    },
    calendar,
    enrolments: enrolmentsByPupil.get(p.pupil_id) ?? ([] as DatedPeriod[]),
    attendance: applyDecidedLeave(
      attendanceByPupil.get(p.pupil_id) ?? ([] as AttendanceRecord[]),
      leaveByPupil.get(p.pupil_id) ?? [],
    ),
    ...(notableByPupil.has(p.pupil_id) ? { sickNotable: notableByPupil.get(p.pupil_id)! } : {}),
  }));
}

function groupRows<R extends { pupil_id: string }, T>(
  rows: readonly R[],
  map: (row: R) => T,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    let list = grouped.get(row.pupil_id);
    if (!list) {
      list = [];
      grouped.set(row.pupil_id, list);
    }
    list.push(map(row));
  }
  return grouped;
}

/** Population, enrolments (dates only) and exemptions for ABSOLUTE and EXEMPTION_5A_NO_ADVICE. */
/**
 * The population rules' input: every registered person, or only `persons` (the daily run's
 * candidates, or the reach of who asks) with their enrolments and exemptions.
 */
export async function loadPopulationInput(
  sql: SqlClient,
  persons?: readonly string[],
): Promise<PopulationInput> {
  if (persons?.length === 0) return { persons: [], enrolments: [], exemptions: [] };
  const only = (column: string) => (persons ? ` where ${column} = any($1::text[])` : "");
  const params = persons ? [persons] : [];
  const people = await sql.query<{
    person_id: string;
    birth_date: string;
    municipality: string;
    registered_from: string;
    start_qualification_date: string | null;
  }>(
    `select p.person_id, p.birth_date::text, p.municipality, p.registered_from::text,
            pu.start_qualification_date::text
     from population p left join pupils pu on pu.pupil_id = p.person_id${only("p.person_id")}`,
    params,
  );
  const enrolments = await sql.query<{
    pupil_id: string;
    school_id: string;
    start_date: string;
    end_date: string | null;
  }>(
    `select pupil_id, school_id, start_date::text, end_date::text from enrolments${only("pupil_id")}`,
    params,
  );
  const exemptions = await sql.query<{
    pupil_id: string;
    kind: ExemptionKind;
    start_date: string;
    end_date: string | null;
    advice_partnership: boolean;
    advice_doctor: boolean;
  }>(
    `select pupil_id, kind, start_date::text, end_date::text, advice_partnership, advice_doctor
     from exemptions${only("pupil_id")}`,
    params,
  );
  return {
    persons: people.map((p) => ({
      id: p.person_id,
      birthDate: p.birth_date,
      municipality: p.municipality,
      registeredFrom: p.registered_from,
      startQualificationDate: p.start_qualification_date,
    })),
    enrolments: enrolments.map((e) => ({
      pupilId: e.pupil_id,
      schoolId: e.school_id,
      startDate: e.start_date,
      endDate: e.end_date,
    })),
    exemptions: exemptions.map((x) => ({
      pupilId: x.pupil_id,
      kind: x.kind,
      startDate: x.start_date,
      endDate: x.end_date,
      advicePartnership: x.advice_partnership,
      adviceDoctor: x.advice_doctor,
    })),
  };
}

/**
 * The units of many schools at once (issue 19: a few queries, not a few per school): for every
 * school in `pupilsBySchool`, those of its pupils with an enrolment active there at D, with the
 * same inputs as loadSchoolUnits. Returns, per school (in the map's order), the units in pupil
 * id order; a school without a calendar is skipped.
 */
export async function loadUnitsBySchool(
  sql: SqlClient,
  calendars: ReadonlyMap<string, SchoolCalendar>,
  asOf: IsoDate,
  pupilsBySchool: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, EvaluationUnit[]>> {
  const out = new Map<string, EvaluationUnit[]>();
  const schoolIds: string[] = [];
  const pupilIds: string[] = [];
  for (const [schoolId, pupils] of pupilsBySchool) {
    if (!calendars.has(schoolId)) continue;
    for (const p of pupils) {
      schoolIds.push(schoolId);
      pupilIds.push(p);
    }
  }
  if (schoolIds.length === 0) return out;
  const from = addDays(asOf, -LOOKBACK_DAYS);
  // The asked pairs with an enrolment active at D (as ACTIVE_PAIRS, per pair).
  const PAIRS = `pairs as (
    select distinct e.school_id, e.pupil_id
    from enrolments e join unnest($1::text[], $2::text[]) as c(school_id, pupil_id)
      on c.school_id = e.school_id and c.pupil_id = e.pupil_id
    where e.start_date <= $3::date and (e.end_date is null or e.end_date >= $3::date))`;
  const params = [schoolIds, pupilIds, asOf];
  const pupils = await sql.query<{
    school_id: string;
    pupil_id: string;
    birth_date: string;
    start_qualification_date: string | null;
  }>(
    `with ${PAIRS}
     select pr.school_id, p.pupil_id, p.birth_date::text, p.start_qualification_date::text
     from pairs pr join pupils p on p.pupil_id = pr.pupil_id
     order by pr.school_id, p.pupil_id`,
    params,
  );
  if (pupils.length === 0) return out;
  const enrolments = await sql.query<{
    school_id: string;
    pupil_id: string;
    start_date: string;
    end_date: string;
  }>(
    `with ${PAIRS}
     select e.school_id, e.pupil_id, e.start_date::text, e.end_date::text
     from enrolments e join pairs pr on pr.school_id = e.school_id and pr.pupil_id = e.pupil_id`,
    params,
  );
  const attendance = await sql.query<{
    school_id: string;
    pupil_id: string;
    date: string;
    period: string;
    minutes: number;
    reason: AbsenceReason;
  }>(
    `with ${PAIRS}
     select a.school_id, a.pupil_id, a.date::text, a.period, a.minutes, a.reason
     from attendance a join pairs pr on pr.school_id = a.school_id and pr.pupil_id = a.pupil_id
     where a.date <= $3::date and a.date >= $4::date`,
    [...params, from],
  );
  const leave = await sql.query<{
    school_id: string;
    pupil_id: string;
    status: "approved" | "refused";
    start_date: string;
    end_date: string;
  }>(
    `with ${PAIRS}
     select l.school_id, l.pupil_id, l.status, l.start_date::text, l.end_date::text
     from leave_requests l join pairs pr on pr.school_id = l.school_id and pr.pupil_id = l.pupil_id
     where l.status in ('approved', 'refused') and l.start_date <= $3::date
       and l.end_date >= $4::date`,
    [...params, from],
  );
  const notable = await sql.query<{
    id: string;
    school_id: string;
    pupil_id: string;
    recorded_on: string;
    end_date: string | null;
  }>(
    `with ${PAIRS}
     select n.id::text, n.school_id, n.pupil_id, n.recorded_on::text, n.end_date::text
     from sick_notable_observations n
       join pairs pr on pr.school_id = n.school_id and pr.pupil_id = n.pupil_id
     where n.recorded_on <= $3::date
     order by n.id`,
    params,
  );
  const key = (r: { school_id: string; pupil_id: string }) => `${r.school_id}\u0000${r.pupil_id}`;
  const leaveBy = groupBy(leave, key, (l) => ({
    status: l.status,
    startDate: l.start_date,
    endDate: l.end_date,
  }));
  const notableBy = groupBy(notable, key, (n) => ({
    recordedOn: n.recorded_on,
    endDate: n.end_date,
    reference: n.id,
  }));
  const enrolmentsBy = groupBy(enrolments, key, (e) => ({
    startDate: e.start_date,
    endDate: e.end_date,
  }));
  const attendanceBy = groupBy(attendance, key, (a) => ({
    date: a.date,
    period: a.period,
    minutes: a.minutes,
    reason: a.reason,
  }));
  const bySchool = new Map<string, EvaluationUnit[]>();
  for (const p of pupils) {
    const k = key(p);
    const unit: EvaluationUnit = {
      pupil: {
        id: p.pupil_id,
        birthDate: p.birth_date,
        startQualificationDate: p.start_qualification_date,
      },
      calendar: calendars.get(p.school_id)!,
      enrolments: enrolmentsBy.get(k) ?? ([] as DatedPeriod[]),
      attendance: applyDecidedLeave(
        attendanceBy.get(k) ?? ([] as AttendanceRecord[]),
        leaveBy.get(k) ?? [],
      ),
      ...(notableBy.has(k) ? { sickNotable: notableBy.get(k)! } : {}),
    };
    const list = bySchool.get(p.school_id);
    if (list) list.push(unit);
    else bySchool.set(p.school_id, [unit]);
  }
  // In the order of the asked schools.
  for (const schoolId of pupilsBySchool.keys()) {
    const units = bySchool.get(schoolId);
    if (units) out.set(schoolId, units);
  }
  return out;
}

function groupBy<R, T>(
  rows: readonly R[],
  key: (row: R) => string,
  map: (row: R) => T,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let list = grouped.get(k);
    if (!list) {
      list = [];
      grouped.set(k, list);
    }
    list.push(map(row));
  }
  return grouped;
}

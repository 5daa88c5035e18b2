// Leerplicht's register on the set-up screen (issue 14 item 2; domain.md §6): exemptions with who
// decided and the advice for art. 5 sub a, and Variawet records — for the residents of the
// officer's municipalities. An exemption is the imported `exemptions` row (which the signals and
// the monitor read) with its `exemption_decisions` details; both are written together.
import type { SqlClient } from "../connect.ts";

export interface ExemptionRow {
  pupil_id: string;
  person_name: string;
  municipality: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  decision_maker: string | null;
  advice_partnership_by: string | null;
  advice_partnership_on: string | null;
  advice_doctor_by: string | null;
  advice_doctor_on: string | null;
}

/** A pupil or registered person (one id space) and where they live; undefined: unknown. */
export async function residenceOf(
  sql: SqlClient,
  personId: string,
): Promise<{ municipality: string; name: string } | undefined> {
  const [row] = await sql.query<{ municipality: string; name: string }>(
    `select municipality, given_name || ' ' || family_name as name from pupils where pupil_id = $1
     union all
     select municipality, given_name || ' ' || family_name from population where person_id = $1
     limit 1`,
    [personId],
  );
  return row;
}

const EXEMPTION_SELECT = `
  select e.pupil_id, coalesce(p.given_name || ' ' || p.family_name, r.given_name || ' ' || r.family_name, '') as person_name,
         coalesce(p.municipality, r.municipality, '') as municipality,
         e.kind, e.start_date::text, e.end_date::text,
         coalesce(d.decision_maker, e.decided_by) as decision_maker,
         d.advice_partnership_by, d.advice_partnership_on::text,
         d.advice_doctor_by, d.advice_doctor_on::text
    from exemptions e
    left join pupils p on p.pupil_id = e.pupil_id
    left join population r on r.person_id = e.pupil_id
    left join exemption_decisions d
      on d.pupil_id = e.pupil_id and d.kind = e.kind and d.start_date = e.start_date`;

export async function listExemptions(
  sql: SqlClient,
  municipalities: readonly string[],
): Promise<ExemptionRow[]> {
  return sql.query<ExemptionRow>(
    `${EXEMPTION_SELECT}
     where coalesce(p.municipality, r.municipality) = any($1::text[])
     order by e.start_date desc, e.pupil_id, e.kind
     limit 2000`,
    [municipalities],
  );
}

export async function findExemption(
  sql: SqlClient,
  key: { pupilId: string; kind: string; startDate: string },
): Promise<ExemptionRow | undefined> {
  const [row] = await sql.query<ExemptionRow>(
    `${EXEMPTION_SELECT} where e.pupil_id = $1 and e.kind = $2 and e.start_date = $3::date`,
    [key.pupilId, key.kind, key.startDate],
  );
  return row;
}

export interface ExemptionWrite {
  pupilId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  decisionMaker: string;
  advicePartnershipBy: string | null;
  advicePartnershipOn: string | null;
  adviceDoctorBy: string | null;
  adviceDoctorOn: string | null;
}

/** Inserts or updates the register row and its decision details (the caller's transaction). */
export async function writeExemption(sql: SqlClient, x: ExemptionWrite): Promise<void> {
  await sql.query(
    `insert into exemptions (pupil_id, kind, start_date, end_date, advice_partnership, advice_doctor, decided_by)
     values ($1, $2, $3::date, $4::date, $5, $6, $7)
     on conflict (pupil_id, kind, start_date) do update set end_date = excluded.end_date,
       advice_partnership = excluded.advice_partnership, advice_doctor = excluded.advice_doctor,
       decided_by = excluded.decided_by`,
    [
      x.pupilId,
      x.kind,
      x.startDate,
      x.endDate,
      x.advicePartnershipOn !== null,
      x.adviceDoctorOn !== null,
      x.decisionMaker,
    ],
  );
  await sql.query(
    `insert into exemption_decisions (pupil_id, kind, start_date, decision_maker,
       advice_partnership_by, advice_partnership_on, advice_doctor_by, advice_doctor_on)
     values ($1, $2, $3::date, $4, $5, $6::date, $7, $8::date)
     on conflict (pupil_id, kind, start_date) do update set decision_maker = excluded.decision_maker,
       advice_partnership_by = excluded.advice_partnership_by,
       advice_partnership_on = excluded.advice_partnership_on,
       advice_doctor_by = excluded.advice_doctor_by, advice_doctor_on = excluded.advice_doctor_on`,
    [
      x.pupilId,
      x.kind,
      x.startDate,
      x.decisionMaker,
      x.advicePartnershipBy,
      x.advicePartnershipOn,
      x.adviceDoctorBy,
      x.adviceDoctorOn,
    ],
  );
}

export interface VariawetRow {
  id: string;
  pupil_id: string;
  person_name: string;
  municipality: string;
  school_id: string;
  start_date: string;
  end_date: string;
  hours_per_week: number;
  approved: boolean | null;
  approved_by: string | null;
  approved_on: string | null;
  case_id: string | null;
}

const VARIAWET_SELECT = `
  select v.id, v.pupil_id, p.given_name || ' ' || p.family_name as person_name, p.municipality,
         v.school_id, v.start_date::text, v.end_date::text, v.hours_per_week, v.approved,
         v.approved_by, v.approved_on::text, v.case_id
    from variawet_records v join pupils p on p.pupil_id = v.pupil_id`;

export async function listVariawet(
  sql: SqlClient,
  municipalities: readonly string[],
): Promise<VariawetRow[]> {
  return sql.query<VariawetRow>(
    `${VARIAWET_SELECT} where p.municipality = any($1::text[]) order by v.start_date desc, v.id`,
    [municipalities],
  );
}

export async function findVariawet(sql: SqlClient, id: string): Promise<VariawetRow | undefined> {
  const [row] = await sql.query<VariawetRow>(`${VARIAWET_SELECT} where v.id = $1`, [id]);
  return row;
}

export async function writeVariawet(
  sql: SqlClient,
  v: Omit<VariawetRow, "person_name" | "municipality">,
): Promise<void> {
  await sql.query(
    `insert into variawet_records (id, pupil_id, school_id, start_date, end_date, hours_per_week,
       approved, approved_by, approved_on, case_id)
     values ($1, $2, $3, $4::date, $5::date, $6, $7, $8, $9::date, $10)
     on conflict (id) do update set end_date = excluded.end_date,
       hours_per_week = excluded.hours_per_week, approved = excluded.approved,
       approved_by = excluded.approved_by, approved_on = excluded.approved_on`,
    [
      v.id,
      v.pupil_id,
      v.school_id,
      v.start_date,
      v.end_date,
      v.hours_per_week,
      v.approved,
      v.approved_by,
      v.approved_on,
      v.case_id,
    ],
  );
}

export async function schoolOfPupilExists(
  sql: SqlClient,
  pupilId: string,
  schoolId: string,
): Promise<boolean> {
  const rows = await sql.query(
    "select 1 from enrolments where pupil_id = $1 and school_id = $2 limit 1",
    [pupilId, schoolId],
  );
  return rows.length > 0;
}

// domain.md §4, the reporting duty opened by LEGAL_16H: prepares verzuimmeldingen (concepts)
// from the records, withdraws those that overlap an exemption, flags overdue concepts, changes
// statuses, and lists reports for submission (presented in duo-report-export.ts).
import { randomUUID } from "node:crypto";
import type { Database, SqlClient } from "../db/connect.ts";
import { loadSchoolCalendars, loadUnitsBySchool } from "../db/queries/signal-inputs.ts";
import { regionSignalProfile } from "../db/repositories/region-settings.ts";
import { addDays, dayNumber, type IsoDate } from "../domain/calendar/dates.ts";
import { lesweekenUpTo } from "../domain/calendar/school-days.ts";
import {
  type AbsenceDay,
  type EarlierReport,
  isReportOverdue,
  type PreparedReport,
  prepareReports,
} from "../domain/signals/duo-report.ts";
import {
  changeReportStatus,
  type DuoStatus,
  isFinalStatus,
  overlappingExemption,
} from "../domain/signals/duo-report-status.ts";
import { LOOKBACK_DAYS, schoolDaysFor } from "../domain/signals/evaluate.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import { buildTimeline } from "../domain/signals/timeline.ts";
import type { EvaluationUnit } from "../domain/signals/types.ts";
import { runDailyEvaluation } from "./signal-state.ts";
import { lastHeldOnSql } from "./signal-state-store.ts";

export interface DuoReportRow {
  id: string;
  pupil_id: string;
  school_id: string;
  report_type: string;
  repeat_number: number;
  start_date: string;
  end_date: string;
  due_date: string;
  status: DuoStatus;
  days_absent: number;
  hours_absent: number;
  all_lessons_missed: boolean;
  fields: Record<string, unknown>;
  closing_reason: string | null;
  closing_note: string | null;
  /**
   * The day the school reported it to DUO: the date it recorded, else the day of its first
   * `geregistreerd`; null while a concept.
   */
  submitted_on: string | null;
  /** DUO's reference for the report, as the school recorded it on submitting. */
  duo_reference: string | null;
}

/** What the school fills in before submitting (the legally required fields beyond the figures). */
export interface DuoReportFields {
  suspected_reason?: string | null;
  actions_taken?: string | null;
  municipal_action_wanted?: boolean | null;
  location?: string | null;
  reporter_name?: string | null;
  reporter_function?: string | null;
  reporter_phone?: string | null;
  reporter_email?: string | null;
  parent_phone?: string | null;
  report_type?: "overig" | null;
}

const SELECT_REPORT = `select id, pupil_id, school_id, report_type, repeat_number,
  start_date::text, end_date::text, due_date::text, status, days_absent,
  hours_absent::float8 as hours_absent, all_lessons_missed, fields, closing_reason, closing_note,
  coalesce(reported_on::text, (select min(h.on_date)::text from duo_report_status_history h
    where h.report_id = duo_reports.id and h.to_status = 'geregistreerd')) as submitted_on,
  duo_reference
  from duo_reports`;

export interface PrepareResult {
  prepared: number;
  withdrawn: number;
  overdue: DuoReportRow[];
}

/** Absence days of a unit from its rows (unauthorized hours, luxury minutes) from `fromDay`. */
function absenceDays(unit: EvaluationUnit, asOf: IsoDate, fromDay: number): AbsenceDay[] {
  const day = dayNumber(asOf);
  const school = schoolDaysFor(unit.calendar, day - LOOKBACK_DAYS, day);
  const t = buildTimeline(unit, school);
  const luxury = new Map<number, number>();
  for (const row of unit.attendance) {
    if (row.reason !== "luxury") continue;
    const d = dayNumber(row.date);
    luxury.set(d, (luxury.get(d) ?? 0) + row.minutes);
  }
  const out: AbsenceDay[] = [];
  for (let i = 0; i < t.days.length; i++) {
    const d = t.days[i]!;
    if (d < fromDay || d > day || t.unauthorizedHourUnits[i]! <= 0) continue;
    out.push({
      day: d,
      hourUnits: t.unauthorizedHourUnits[i]!,
      unauthorizedMinutes: t.unauthorizedMinutes[i]!,
      luxuryMinutes: luxury.get(d) ?? 0,
      scheduledMinutes: t.scheduled[i]!,
    });
  }
  return out;
}

/** The units where LEGAL_16H held in the 5 weeks up to D (by its derived last held date). */
export function unitsWithRecentLegal16h(
  sql: SqlClient,
  asOf: IsoDate,
): Promise<{ pupil_id: string; school_id: string }[]> {
  return sql.query<{ pupil_id: string; school_id: string }>(
    `select distinct pupil_id, school_id from signal_states
     where code = 'LEGAL_16H' and ${lastHeldOnSql()} >= $1::date and raised_on <= $2::date`,
    [addDays(asOf, -35), asOf],
  );
}

/**
 * Prepares the reports due at D for every unit where LEGAL_16H held in the last 5 weeks (only
 * there can 16 hours have been reached), counting absence from the start of D's LEGAL_16H
 * window on; withdraws open reports that overlap an exemption; returns the overdue concepts.
 */
export async function prepareDuoReports(
  db: Database,
  asOf: IsoDate,
  profile?: SignalProfile,
): Promise<PrepareResult> {
  const sql = db.sql;
  const { legalHours } = profile ?? (await regionSignalProfile(sql));
  const held = await unitsWithRecentLegal16h(sql, asOf);
  const bySchool = new Map<string, string[]>();
  for (const h of held) {
    const list = bySchool.get(h.school_id);
    if (list) list.push(h.pupil_id);
    else bySchool.set(h.school_id, [h.pupil_id]);
  }
  const calendars = await loadSchoolCalendars(sql);
  // Set-based (issue 19): the earlier reports of every candidate in one query, the inputs of all
  // schools in a few queries (loadUnitsBySchool), and the new concepts written in batches in one transaction.
  const earlierByPair = await earlierReportsOf(
    sql,
    held.map((h) => h.pupil_id),
  );
  const toInsert: NewReport[] = [];
  const unitsBySchool = await loadUnitsBySchool(sql, calendars, asOf, bySchool);
  const day = dayNumber(asOf);
  for (const [schoolId, units] of unitsBySchool) {
    const calendar = calendars.get(schoolId)!;
    const school = schoolDaysFor(calendar, day - LOOKBACK_DAYS, day);
    const windowStart = lesweekenUpTo(school, day, legalHours.lesweken)[0] ?? day;
    for (const unit of units) {
      const reports = prepareReports({
        school,
        birthDate: unit.pupil.birthDate,
        days: absenceDays(unit, asOf, windowStart),
        earlier: earlierByPair.get(pairKey(unit.pupil.id, schoolId)) ?? [],
        asOf,
        windowLesweken: legalHours.lesweken,
        reportHours: legalHours.reportHours,
      });
      for (const r of reports) toInsert.push({ pupilId: unit.pupil.id, schoolId, report: r });
    }
  }
  const prepared = toInsert.length === 0 ? 0 : await insertConcepts(db, toInsert, asOf);
  const withdrawn = await withdrawOnExemption(db, asOf);
  const overdue = (await listDuoReports(sql, { status: "concept" })).filter((r) =>
    isReportOverdue({ status: r.status, dueDate: r.due_date }, asOf),
  );
  return { prepared, withdrawn, overdue };
}

const pairKey = (pupilId: string, schoolId: string) => `${pupilId}\u0000${schoolId}`;

/** The reports (not withdrawn) of these pupils, by pupil and school. */
async function earlierReportsOf(
  sql: SqlClient,
  pupilIds: readonly string[],
): Promise<Map<string, EarlierReport[]>> {
  const byPair = new Map<string, EarlierReport[]>();
  if (pupilIds.length === 0) return byPair;
  const rows = await sql.query<{
    pupil_id: string;
    school_id: string;
    start_date: string;
    end_date: string;
    repeat_number: number;
    chain_start_date: string | null;
  }>(
    `select pupil_id, school_id, start_date::text, end_date::text, repeat_number,
            fields->>'chain_start_date' as chain_start_date
     from duo_reports where pupil_id = any($1::text[]) and status <> 'ingetrokken'`,
    [[...new Set(pupilIds)]],
  );
  for (const r of rows) {
    const key = pairKey(r.pupil_id, r.school_id);
    const list = byPair.get(key) ?? [];
    list.push({
      startDate: r.start_date,
      endDate: r.end_date,
      repeatNumber: r.repeat_number,
      chainStartDate: r.chain_start_date ?? r.start_date,
    });
    byPair.set(key, list);
  }
  return byPair;
}

interface NewReport {
  pupilId: string;
  schoolId: string;
  report: PreparedReport;
}

/** Rows per insert statement (13 arrays of this length per statement). */
const INSERT_BATCH = 2000;

/**
 * Writes the concepts (with the parent's phone of contact 1) and their first history row in one
 * transaction, in batches; a period already reported is left alone (the unique period key).
 * Returns how many were new.
 */
async function insertConcepts(db: Database, reports: NewReport[], asOf: IsoDate): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let i = 0; i < reports.length; i += INSERT_BATCH) {
      const batch = reports.slice(i, i + INSERT_BATCH);
      const ids = batch.map(() => randomUUID());
      const rows = await tx.query<{ id: string }>(
        `insert into duo_reports (id, pupil_id, school_id, report_type, repeat_number,
           start_date, end_date, due_date, status, days_absent, hours_absent,
           all_lessons_missed, fields)
         select t.id, t.pupil_id, t.school_id, t.report_type, t.repeat_number, t.start_date,
                t.end_date, t.due_date, 'concept', t.days_absent, t.hours_absent,
                t.all_lessons_missed,
                t.fields::jsonb || jsonb_build_object('parent_phone', (select c.phone
                  from pupil_contacts c where c.pupil_id = t.pupil_id and c.position = 1))
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[],
                     $7::date[], $8::date[], $9::int[], $10::numeric[], $11::boolean[],
                     $12::text[]) with ordinality
           as t(id, pupil_id, school_id, report_type, repeat_number, start_date, end_date,
                due_date, days_absent, hours_absent, all_lessons_missed, fields, n)
         order by t.n
         on conflict do nothing returning id`,
        [
          ids,
          batch.map((b) => b.pupilId),
          batch.map((b) => b.schoolId),
          batch.map((b) => b.report.type),
          batch.map((b) => b.report.repeatNumber),
          batch.map((b) => b.report.startDate),
          batch.map((b) => b.report.endDate),
          batch.map((b) => b.report.dueDate),
          batch.map((b) => b.report.daysAbsent),
          batch.map((b) => b.report.hoursAbsent),
          batch.map((b) => b.report.allLessonsMissed),
          batch.map((b) =>
            JSON.stringify({ chain_start_date: b.report.chainStartDate, location: b.schoolId }),
          ),
        ],
      );
      if (rows.length === 0) continue;
      const isNew = new Set(rows.map((r) => r.id));
      await tx.query(
        `insert into duo_report_status_history (report_id, from_status, to_status, on_date,
           reason, actor)
         select r, null, 'concept', $2::date, 'voorbereid uit LEGAL_16H', 'system'
         from unnest($1::text[]) with ordinality as u(r, n) order by u.n`,
        [ids.filter((id) => isNew.has(id)), asOf],
      );
      inserted += rows.length;
    }
    return inserted;
  });
}

/** Withdraws every open report whose period overlaps one of the pupil's exemptions. */
async function withdrawOnExemption(db: Database, asOf: IsoDate): Promise<number> {
  const candidates = await db.sql.query<{
    id: string;
    status: DuoStatus;
    start_date: string;
    end_date: string;
    x_kind: string;
    x_start: string;
    x_end: string | null;
  }>(
    `select r.id, r.status, r.start_date::text, r.end_date::text,
            x.kind as x_kind, x.start_date::text as x_start, x.end_date::text as x_end
     from duo_reports r join exemptions x on x.pupil_id = r.pupil_id
     where r.status not in ('afgesloten', 'ter_kennisgeving', 'ingetrokken')`,
  );
  let withdrawn = 0;
  const done = new Set<string>();
  for (const c of candidates) {
    if (done.has(c.id) || isFinalStatus(c.status)) continue;
    const overlap = overlappingExemption({ startDate: c.start_date, endDate: c.end_date }, [
      { startDate: c.x_start, endDate: c.x_end },
    ]);
    if (!overlap) continue;
    done.add(c.id);
    const reason = `overlapt met vrijstelling ${c.x_kind} vanaf ${c.x_start}`;
    await setStatus(db, c.id, c.status, "ingetrokken", { note: reason }, "system", asOf);
    withdrawn++;
  }
  return withdrawn;
}

/** What the school records when it reports to DUO: the day, and DUO's reference. */
export interface DuoSubmission {
  reportedOn?: IsoDate | null;
  duoReference?: string | null;
}

async function setStatus(
  db: Database,
  id: string,
  from: DuoStatus,
  to: DuoStatus,
  closing: { reason?: string | null; note?: string | null },
  actor: string,
  onDate: IsoDate,
  submission: DuoSubmission = {},
) {
  const change = changeReportStatus(from, to, closing);
  if (!change.ok) return change;
  await db.transaction(async (tx) => {
    await tx.query(
      `update duo_reports set status = $2, closing_reason = coalesce($3, closing_reason),
              closing_note = coalesce($4, closing_note),
              reported_on = coalesce($6::date, reported_on),
              duo_reference = coalesce($7, duo_reference)
       where id = $1 and status = $5`,
      [
        id,
        change.status,
        change.closingReason,
        change.note,
        from,
        submission.reportedOn ?? null,
        submission.duoReference ?? null,
      ],
    );
    await tx.query(
      `insert into duo_report_status_history (report_id, from_status, to_status, on_date, reason,
         actor) values ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, onDate, change.closingReason ?? change.note, actor],
    );
  });
  return change;
}

/**
 * A status change by a person (school: submit/withdraw; leerplicht: take up, close). On
 * submitting (`geregistreerd`) the school records the day it reported and DUO's reference.
 */
export async function changeDuoReportStatus(
  db: Database,
  id: string,
  to: DuoStatus,
  closing: { reason?: string | null; note?: string | null },
  actor: string,
  onDate: IsoDate,
  submission: DuoSubmission = {},
) {
  const [row] = await db.sql.query<{ status: DuoStatus }>(
    "select status from duo_reports where id = $1",
    [id],
  );
  if (!row) return { ok: false as const, error: "not_found" as const };
  return setStatus(db, id, row.status, to, closing, actor, onDate, submission);
}

/** The school fills in the required fields (a concept only: a submitted report is DUO's). */
export async function updateDuoReportFields(
  db: Database,
  id: string,
  fields: DuoReportFields,
): Promise<boolean> {
  const { report_type, ...rest } = fields;
  const rows = await db.sql.query(
    `update duo_reports set fields = fields || $2::jsonb,
            report_type = coalesce($3, report_type)
     where id = $1 and status = 'concept' returning id`,
    [id, JSON.stringify(rest), report_type ?? null],
  );
  return rows.length > 0;
}

export async function listDuoReports(
  sql: SqlClient,
  filter: {
    status?: DuoStatus;
    schoolId?: string;
    pupilId?: string;
    /** Only these pupils' reports (the reach of who asks, src/access). */
    pupilIds?: readonly string[];
  } = {},
): Promise<DuoReportRow[]> {
  if (filter.pupilIds?.length === 0) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.pupilIds) where.push(`pupil_id = any($${params.push(filter.pupilIds)}::text[])`);
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.schoolId) where.push(`school_id = $${params.push(filter.schoolId)}`);
  if (filter.pupilId) where.push(`pupil_id = $${params.push(filter.pupilId)}`);
  return sql.query<DuoReportRow>(
    `${SELECT_REPORT} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by end_date, pupil_id, school_id`,
    params,
  );
}

export async function loadDuoReport(sql: SqlClient, id: string): Promise<DuoReportRow | null> {
  const [row] = await sql.query<DuoReportRow>(`${SELECT_REPORT} where id = $1`, [id]);
  return row ?? null;
}

export interface DuoStatusChange {
  from_status: DuoStatus | null;
  to_status: DuoStatus;
  on_date: string;
  reason: string | null;
  actor: string;
}

export function loadDuoReportHistory(sql: SqlClient, id: string): Promise<DuoStatusChange[]> {
  return sql.query<DuoStatusChange>(
    `select from_status, to_status, on_date::text, reason, actor
     from duo_report_status_history where report_id = $1 order by id`,
    [id],
  );
}

export interface ReportingDutyRun {
  /** False when D lies before the latest evaluation: the stored state is not rewound. */
  prepared: boolean;
  latestEvaluation: IsoDate | null;
  result: PrepareResult | null;
}

/**
 * Brings the reporting duty up to D as the daily job does (evaluate the signals, then prepare
 * the reports LEGAL_16H calls for), both idempotent. A date before the latest evaluation run is
 * left alone: signal states and reports only move forward in time.
 */
export async function bringReportingDutyUpTo(
  db: Database,
  asOf: IsoDate,
  actor = "system:duo-reports",
): Promise<ReportingDutyRun> {
  const [latest] = await db.sql.query<{ as_of: string | null }>(
    "select max(as_of)::text as as_of from evaluation_runs where finished_at is not null",
  );
  const latestEvaluation = latest?.as_of ?? null;
  if (latestEvaluation !== null && asOf < latestEvaluation) {
    return { prepared: false, latestEvaluation, result: null };
  }
  await runDailyEvaluation(db, asOf, { mode: "incremental", actor });
  return { prepared: true, latestEvaluation, result: await prepareDuoReports(db, asOf) };
}

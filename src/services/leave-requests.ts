// Leave requests (domain.md §4, verlof art. 11/13a/14): registering a request (by a parent or
// the school), listing them, and deciding one — with the §4 rules of src/domain/leave checked
// against the school's calendar and the pupil's earlier approved leave. The HTTP routes, the
// demo and the tests all go through here. Authorization is the caller's (src/access).
import { randomUUID } from "node:crypto";
import type { Database, SqlClient, TxClient } from "../db/connect.ts";
import { loadSchoolCalendars } from "../db/queries/signal-inputs.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  checkLeaveRequest,
  type LeaveCheck,
  type LeaveDecider,
  type LeaveKind,
  type LeavePeriod,
  type LeaveRuleViolation,
  type LeaveStatus,
  OBJECTION_ROUTE_NL,
} from "../domain/leave/rules.ts";

export interface LeaveRequestRow {
  id: string;
  pupil_id: string;
  school_id: string;
  kind: LeaveKind;
  start_date: IsoDate;
  end_date: IsoDate;
  reason: string;
  school_days: number;
  decider: LeaveDecider;
  status: LeaveStatus;
  requested_by_kind: "parent" | "school";
  requested_by: string;
  requested_on: IsoDate;
  decided_by: string | null;
  decided_on: IsoDate | null;
  decision_reason: string | null;
  rule_violations: LeaveRuleViolation[];
  objection_route: string | null;
}

const SELECT = `select id, pupil_id, school_id, kind, start_date::text, end_date::text, reason,
  school_days, decider, status, requested_by_kind, requested_by, requested_on::text, decided_by,
  decided_on::text, decision_reason, rule_violations, objection_route from leave_requests`;

export interface NewLeaveRequest {
  pupilId: string;
  kind: LeaveKind;
  startDate: IsoDate;
  endDate: IsoDate;
  reason: string;
  requestedByKind: "parent" | "school";
  requestedBy: string;
  /** The school the request is for; default: the pupil's school on the first day. */
  schoolId?: string;
}

export type RegisterRefusal = "leave_end_before_start" | "leave_no_school_days" | "leave_no_school";

/** The school of the pupil's enrolment active on `date` (the first by school id). */
export async function schoolOfPupilOn(
  sql: SqlClient,
  pupilId: string,
  date: IsoDate,
): Promise<string | undefined> {
  const [row] = await sql.query<{ school_id: string }>(
    `select school_id from enrolments where pupil_id = $1 and start_date <= $2::date
       and (end_date is null or end_date >= $2::date) order by school_id limit 1`,
    [pupilId, date],
  );
  return row?.school_id;
}

async function approvedBefore(
  sql: SqlClient,
  pupilId: string,
  exceptId: string | null,
): Promise<LeavePeriod[]> {
  const rows = await sql.query<{ kind: LeaveKind; start_date: string; end_date: string }>(
    `select kind, start_date::text, end_date::text from leave_requests
     where pupil_id = $1 and status = 'approved' and id is distinct from $2`,
    [pupilId, exceptId],
  );
  return rows.map((r) => ({ kind: r.kind, startDate: r.start_date, endDate: r.end_date }));
}

/** The §4 check of a request as it stands now (for the worklist and the decision). */
export async function checkRequest(
  sql: SqlClient,
  request: Pick<
    LeaveRequestRow,
    "id" | "pupil_id" | "school_id" | "kind" | "start_date" | "end_date"
  >,
): Promise<LeaveCheck | undefined> {
  const calendar = (await loadSchoolCalendars(sql)).get(request.school_id);
  if (!calendar) return undefined;
  return checkLeaveRequest(
    { kind: request.kind, startDate: request.start_date, endDate: request.end_date },
    calendar,
    await approvedBefore(sql, request.pupil_id, request.id),
  );
}

/**
 * Registers a request. Refused only when it cannot be a request at all (reversed dates, no
 * school day, no school); the other §4 rules are the decider's to apply, and the check comes
 * back so the applicant sees at once what the rules say.
 */
export async function registerLeaveRequest(
  db: Database,
  input: NewLeaveRequest,
  today: IsoDate,
): Promise<
  { ok: true; request: LeaveRequestRow; check: LeaveCheck } | { ok: false; error: RegisterRefusal }
> {
  if (input.endDate < input.startDate) return { ok: false, error: "leave_end_before_start" };
  const schoolId =
    input.schoolId ?? (await schoolOfPupilOn(db.sql, input.pupilId, input.startDate));
  if (!schoolId) return { ok: false, error: "leave_no_school" };
  const id = randomUUID();
  const check = await checkRequest(db.sql, {
    id,
    pupil_id: input.pupilId,
    school_id: schoolId,
    kind: input.kind,
    start_date: input.startDate,
    end_date: input.endDate,
  });
  if (!check) return { ok: false, error: "leave_no_school" };
  if (check.schoolDays === 0) return { ok: false, error: "leave_no_school_days" };
  await db.sql.query(
    `insert into leave_requests (id, pupil_id, school_id, kind, start_date, end_date, reason,
       school_days, decider, status, requested_by_kind, requested_by, requested_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'requested', $10, $11, $12)`,
    [
      id,
      input.pupilId,
      schoolId,
      input.kind,
      input.startDate,
      input.endDate,
      input.reason,
      check.schoolDays,
      check.decider,
      input.requestedByKind,
      input.requestedBy,
      today,
    ],
  );
  return { ok: true, request: (await loadLeaveRequest(db.sql, id))!, check };
}

export async function loadLeaveRequest(
  sql: SqlClient,
  id: string,
): Promise<LeaveRequestRow | undefined> {
  const [row] = await sql.query<LeaveRequestRow>(`${SELECT} where id = $1`, [id]);
  return row;
}

export async function listLeaveRequests(
  sql: SqlClient,
  filter: { pupilIds?: readonly string[]; status?: LeaveStatus } = {},
): Promise<LeaveRequestRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.pupilIds) {
    params.push(filter.pupilIds);
    where.push(`pupil_id = any($${params.length}::text[])`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  return sql.query<LeaveRequestRow>(
    `${SELECT}${where.length ? ` where ${where.join(" and ")}` : ""}
     order by start_date, requested_on, id`,
    params,
  );
}

export type DecideRefusal = "leave_already_decided" | "leave_rule_violated" | "not_found";

/**
 * Decides a request: approved only when the §4 rules allow it; a refusal keeps the rules it
 * broke and the decider's reason. Either way the decision names the route of objection.
 */
export async function decideLeaveRequest(
  db: Database,
  id: string,
  decision: { status: "approved" | "refused"; reason: string; decidedBy: string },
  today: IsoDate,
): Promise<
  | { ok: true; request: LeaveRequestRow }
  | { ok: false; error: DecideRefusal; violations?: LeaveRuleViolation[] }
> {
  return db.transaction(async (tx: TxClient) => {
    const [row] = await tx.query<LeaveRequestRow>(`${SELECT} where id = $1 for update`, [id]);
    if (!row) return { ok: false, error: "not_found" };
    if (row.status !== "requested") return { ok: false, error: "leave_already_decided" };
    const check = await checkRequest(tx, row);
    const violations = check?.violations ?? [];
    if (decision.status === "approved" && violations.length > 0) {
      return { ok: false, error: "leave_rule_violated", violations };
    }
    await tx.query(
      `update leave_requests set status = $2, decided_by = $3, decided_on = $4,
         decision_reason = $5, rule_violations = $6::jsonb, objection_route = $7
       where id = $1`,
      [
        id,
        decision.status,
        decision.decidedBy,
        today,
        decision.reason,
        JSON.stringify(violations),
        OBJECTION_ROUTE_NL,
      ],
    );
    return {
      ok: true,
      request: (await tx.query<LeaveRequestRow>(`${SELECT} where id = $1`, [id]))[0]!,
    };
  });
}

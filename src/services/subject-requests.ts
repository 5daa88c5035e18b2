// The log of data subjects' requests (AVG art. 15–17, 21; issue 18 part 2): the privacy officer
// registers a request, records each step of its handling and closes it with an outcome. Every
// step is a row of subject_request_steps (append-only) and every call is audited by the route.
// Erasure where the law allows (src/domain/privacy/requests.ts) runs the retention procedure for
// the one pupil (erasePupil), in the same transaction as the request's "erased" step.
import type { Database, SqlClient, TxClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  answerDueOn,
  type ErasureFacts,
  erasureRefusal,
  type Requester,
  type RequestKind,
  type RequestStatus,
  type RequestStep,
} from "../domain/privacy/requests.ts";
import { yearsBefore } from "../domain/privacy/retention.ts";
import { erasePupil, type RetentionCount } from "./retention.ts";

export interface RequestStepRow {
  id: number;
  step: RequestStep;
  note: string | null;
  byUser: string | null;
  byEmail: string | null;
  at: string;
}

export interface SubjectRequestRow {
  id: number;
  kind: RequestKind;
  /** null once the pupil's data was erased. */
  pupilId: string | null;
  requester: Requester;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  status: RequestStatus;
  outcome: string | null;
  closedOn: IsoDate | null;
  steps: RequestStepRow[];
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

async function stepsOf(sql: SqlClient, ids: number[]): Promise<Map<number, RequestStepRow[]>> {
  const rows = await sql.query<{
    id: string;
    request_id: string;
    step: RequestStep;
    note: string | null;
    by_user: string | null;
    email: string | null;
    at: Date | string;
  }>(
    `select s.id, s.request_id, s.step, s.note, s.by_user, u.email, s.at
       from subject_request_steps s left join users u on u.id = s.by_user
      where s.request_id = any($1::bigint[]) order by s.id`,
    [ids],
  );
  const out = new Map<number, RequestStepRow[]>();
  for (const r of rows) {
    const list = out.get(Number(r.request_id)) ?? [];
    list.push({
      id: Number(r.id),
      step: r.step,
      note: r.note,
      byUser: r.by_user,
      byEmail: r.email,
      at: iso(r.at),
    });
    out.set(Number(r.request_id), list);
  }
  return out;
}

const REQUEST_COLUMNS = `id, kind, pupil_id, requester, to_char(received_on, 'YYYY-MM-DD') as received_on,
  to_char(due_on, 'YYYY-MM-DD') as due_on, status, outcome, to_char(closed_on, 'YYYY-MM-DD') as closed_on`;

interface RequestDbRow {
  id: string;
  kind: RequestKind;
  pupil_id: string | null;
  requester: Requester;
  received_on: string;
  due_on: string;
  status: RequestStatus;
  outcome: string | null;
  closed_on: string | null;
}

async function withSteps(sql: SqlClient, rows: RequestDbRow[]): Promise<SubjectRequestRow[]> {
  const steps = await stepsOf(
    sql,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    pupilId: r.pupil_id,
    requester: r.requester,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    status: r.status,
    outcome: r.outcome,
    closedOn: r.closed_on,
    steps: steps.get(Number(r.id)) ?? [],
  }));
}

/** Open requests first (the earliest due first), then the closed ones, newest first. */
export async function listSubjectRequests(
  sql: SqlClient,
  filter: { pupilId?: string } = {},
): Promise<SubjectRequestRow[]> {
  const rows = await sql.query<RequestDbRow>(
    `select ${REQUEST_COLUMNS} from subject_requests
      where ($1::text is null or pupil_id = $1)
      order by (status = 'open') desc, case when status = 'open' then due_on end, id desc
      limit 500`,
    [filter.pupilId ?? null],
  );
  return withSteps(sql, rows);
}

export async function getSubjectRequest(
  sql: SqlClient,
  id: number,
): Promise<SubjectRequestRow | null> {
  const rows = await sql.query<RequestDbRow>(
    `select ${REQUEST_COLUMNS} from subject_requests where id = $1`,
    [id],
  );
  const [row] = await withSteps(sql, rows);
  return row ?? null;
}

async function addStepIn(
  tx: TxClient | SqlClient,
  requestId: number,
  step: RequestStep,
  note: string | null,
  userId: string | null,
): Promise<void> {
  await tx.query(
    "insert into subject_request_steps (request_id, step, note, by_user) values ($1, $2, $3, $4)",
    [requestId, step, note, userId],
  );
}

export interface NewSubjectRequest {
  kind: RequestKind;
  pupilId: string;
  requester: Requester;
  receivedOn: IsoDate;
  note: string | null;
}

export async function registerSubjectRequest(
  db: Database,
  input: NewSubjectRequest,
  userId: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into subject_requests (kind, pupil_id, requester, received_on, due_on, status, created_by)
       values ($1, $2, $3, $4, $5, 'open', $6) returning id`,
      [
        input.kind,
        input.pupilId,
        input.requester,
        input.receivedOn,
        answerDueOn(input.receivedOn),
        userId,
      ],
    );
    const id = Number(row?.id);
    await addStepIn(tx, id, "registered", input.note, userId);
    return id;
  });
}

export async function recordRequestStep(
  db: Database,
  requestId: number,
  step: RequestStep,
  note: string | null,
  userId: string | null,
): Promise<void> {
  await addStepIn(db.sql, requestId, step, note, userId);
}

export async function closeSubjectRequest(
  db: Database,
  requestId: number,
  close: { status: "completed" | "refused"; outcome: string; closedOn: IsoDate },
  userId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      "update subject_requests set status = $2, outcome = $3, closed_on = $4 where id = $1",
      [requestId, close.status, close.outcome, close.closedOn],
    );
    await addStepIn(tx, requestId, close.status, close.outcome, userId);
  });
}

/** What could keep the pupil's data against erasure at `asOf`. */
export async function erasureFacts(
  sql: SqlClient,
  pupilId: string,
  asOf: IsoDate,
): Promise<ErasureFacts> {
  const [row] = await sql.query<{ enrolments: string; cases: string; reports: string }>(
    `select
       (select count(*) from enrolments where pupil_id = $1 and (end_date is null or end_date >= $2::date)) as enrolments,
       (select count(*) from cases where pupil_id = $1 and phase <> 'CLOSED') as cases,
       (select count(*) from duo_reports where pupil_id = $1 and end_date > $3::date) as reports`,
    [pupilId, asOf, yearsBefore(asOf, 5)],
  );
  return {
    currentEnrolments: Number(row?.enrolments ?? 0),
    openCases: Number(row?.cases ?? 0),
    reportsWithinTerm: Number(row?.reports ?? 0),
  };
}

/** The tombstone's figures in words, for the request's "erased" step: no personal data. */
export function countsText(counts: readonly RetentionCount[]): string {
  const sum = (operation: RetentionCount["operation"]) =>
    counts.filter((c) => c.operation === operation).reduce((n, c) => n + c.rows, 0);
  const tables = new Set(counts.filter((c) => c.operation === "deleted").map((c) => c.table));
  return `Verwijderd: ${sum("deleted")} rijen uit ${tables.size} tabellen; zonder leerlingnummer bewaard: ${sum("anonymised")} rijen (logboek, verzoeken, frictiebudget).`;
}

export type ErasureOutcome =
  | { ok: true; counts: RetentionCount[]; runId: number }
  | { ok: false; reason: string };

/**
 * Erases the request's pupil (kind erasure, open, the pupil still held) when the law allows;
 * else says why not. The request is closed as completed in the same transaction.
 */
export async function eraseForRequest(
  db: Database,
  request: SubjectRequestRow,
  asOf: IsoDate,
  userId: string | null,
): Promise<ErasureOutcome> {
  if (request.kind !== "erasure") {
    return {
      ok: false,
      reason:
        "Dit verzoek is geen verzoek tot wissen; wissen kan alleen bij een verzoek tot wissen.",
    };
  }
  if (request.status !== "open") {
    return { ok: false, reason: "Dit verzoek is al afgehandeld." };
  }
  if (request.pupilId === null) {
    return { ok: false, reason: "De gegevens van deze leerling zijn al gewist." };
  }
  const refusal = erasureRefusal(await erasureFacts(db.sql, request.pupilId, asOf));
  if (refusal !== null) return { ok: false, reason: refusal };
  const outcome = "De gegevens van de leerling zijn gewist (AVG art. 17).";
  const { runId, counts } = await erasePupil(db, request.pupilId, {
    asOf,
    term: `verzoek tot wissen (AVG art. 17), verzoek ${request.id}`,
    also: async (tx, removed) => {
      await addStepIn(tx, request.id, "erased", countsText(removed), userId);
      await tx.query(
        "update subject_requests set status = 'completed', outcome = $2, closed_on = $3 where id = $1",
        [request.id, outcome, asOf],
      );
      await addStepIn(tx, request.id, "completed", outcome, userId);
    },
  });
  return { ok: true, counts, runId };
}

// domain.md §4 "it stays open until a professional handles it (links it to a case, marks it as
// known/explained with a reason, …) and every state change is kept": reading the stored state of
// the signals shown at a date, and handling one — by hand (known, with a reason) or by the daily
// job for signals a case was opened from. The transition names the person or the job.
import type { Database, SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { handleSignal, type SignalState, type SignalStatus } from "../domain/signals/state.ts";
import { lastHeldOnSql, stateKey } from "./signal-state-store.ts";

export interface StoredSignalState {
  /** `CODE:n`, the id the API and a case's opening signal ids use. */
  id: string;
  pupilId: string;
  schoolId: string;
  code: string;
  status: SignalStatus;
  raisedOn: IsoDate;
  lastHeldOn: IsoDate;
  resolvedOn: IsoDate | null;
  evidence: Record<string, unknown>;
  attributes: Record<string, unknown>;
  handledKind: "case" | "known" | null;
  handledCaseId: string | null;
  handledReason: string | null;
  handledAt: string | null;
}

/** The code in front keeps the id readable and lets a client tell the signal from its id. */
export function signalStateId(code: string, rowId: number | string): string {
  return `${code}:${rowId}`;
}

export function parseSignalStateId(id: string): { code: string; rowId: number } | null {
  const match = /^([A-Z0-9_]{1,40}):([1-9][0-9]{0,15})$/.exec(id);
  if (!match) return null;
  return { code: match[1]!, rowId: Number(match[2]) };
}

const columns = (p = "") => `${p}id, ${p}pupil_id, ${p}school_id, ${p}code, ${p}status,
  ${p}raised_on::text, ${lastHeldOnSql(p)}::text as last_held_on, ${p}resolved_on::text,
  ${p}evidence, ${p}attributes,
  ${p}handled_kind, ${p}handled_case_id, ${p}handled_reason,
  to_char(${p}handled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as handled_at`;
const COLUMNS = columns();

interface Row {
  id: string;
  pupil_id: string;
  school_id: string;
  code: string;
  status: SignalStatus;
  raised_on: string;
  last_held_on: string;
  resolved_on: string | null;
  evidence: Record<string, unknown>;
  attributes: Record<string, unknown>;
  handled_kind: "case" | "known" | null;
  handled_case_id: string | null;
  handled_reason: string | null;
  handled_at: string | null;
}

function fromRow(r: Row): StoredSignalState {
  return {
    id: signalStateId(r.code, r.id),
    pupilId: r.pupil_id,
    schoolId: r.school_id,
    code: r.code,
    status: r.status,
    raisedOn: r.raised_on,
    lastHeldOn: r.last_held_on,
    resolvedOn: r.resolved_on,
    evidence: r.evidence,
    attributes: r.attributes,
    handledKind: r.handled_kind,
    handledCaseId: r.handled_case_id,
    handledReason: r.handled_reason,
    handledAt: r.handled_at,
  };
}

/**
 * The state each (pupil, school, code) was in at D: the latest one raised on or before D that had
 * not been resolved by D. Keys without one (no daily run since it started to hold) are absent.
 */
export async function signalStatesAt(
  sql: SqlClient,
  keys: readonly { pupilId: string; schoolId: string; code: string }[],
  asOf: IsoDate,
): Promise<Map<string, StoredSignalState>> {
  const found = new Map<string, StoredSignalState>();
  if (keys.length === 0) return found;
  const rows = await sql.query<Row>(
    `select distinct on (s.pupil_id, s.school_id, s.code) ${columns("s.")}
     from signal_states s
     join jsonb_to_recordset($1::jsonb) as k(pupil_id text, school_id text, code text)
       on k.pupil_id = s.pupil_id and k.school_id = s.school_id and k.code = s.code
     where s.raised_on <= $2::date and (s.resolved_on is null or s.resolved_on > $2::date)
     order by s.pupil_id, s.school_id, s.code, s.raised_on desc`,
    [
      JSON.stringify(
        keys.map((k) => ({ pupil_id: k.pupilId, school_id: k.schoolId, code: k.code })),
      ),
      asOf,
    ],
  );
  for (const r of rows) found.set(stateKey(r.pupil_id, r.school_id, r.code), fromRow(r));
  return found;
}

export async function loadSignalState(
  sql: SqlClient,
  id: string,
): Promise<StoredSignalState | null> {
  const parsed = parseSignalStateId(id);
  if (!parsed) return null;
  const [row] = await sql.query<Row>(
    `select ${COLUMNS} from signal_states where id = $1 and code = $2`,
    [parsed.rowId, parsed.code],
  );
  return row ? fromRow(row) : null;
}

export type HandleHow = { kind: "case"; caseId: string } | { kind: "known"; reason: string };

export type HandleOutcome =
  | { ok: true; state: StoredSignalState }
  | { ok: false; error: "not_found" | "not_open" | "reason_required" };

/** Handles one open signal (domain/signals/state.ts handleSignal) and keeps the transition. */
export async function handleSignalState(
  db: Database,
  id: string,
  how: HandleHow,
  actor: string,
  onDate: IsoDate,
): Promise<HandleOutcome> {
  const parsed = parseSignalStateId(id);
  if (!parsed) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Row>(
      `select ${COLUMNS} from signal_states where id = $1 and code = $2 for update`,
      [parsed.rowId, parsed.code],
    );
    if (!row) return { ok: false, error: "not_found" };
    const current = fromRow(row);
    const state: SignalState = { ...current };
    const step = handleSignal(state, how, onDate);
    if (!step.ok) return { ok: false, error: step.error };
    await tx.query(
      `update signal_states set status = $2, handled_kind = $3, handled_case_id = $4,
              handled_reason = $5, handled_by = $6, handled_at = now()
       where id = $1`,
      [
        parsed.rowId,
        step.state.status,
        how.kind,
        how.kind === "case" ? how.caseId : null,
        how.kind === "known" ? how.reason.trim() : null,
        actor,
      ],
    );
    await tx.query(
      `insert into signal_transitions (state_id, from_status, to_status, on_date, reason, actor)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        parsed.rowId,
        step.transition.from,
        step.transition.to,
        step.transition.onDate,
        step.transition.reason,
        actor,
      ],
    );
    const [after] = await tx.query<Row>(`select ${COLUMNS} from signal_states where id = $1`, [
      parsed.rowId,
    ]);
    return { ok: true, state: fromRow(after!) };
  });
}

/**
 * Cases opened from signals: every open signal whose id a case of the same pupil names among
 * its opening signals is handled as linked to that case. Opening a case does it at once for
 * that case (`caseId`); the daily job does it for all, so a signal stored later is linked too.
 */
export async function linkSignalsToCases(
  db: Database,
  onDate: IsoDate,
  actor = "system:daily-job",
  caseId?: string,
): Promise<number> {
  const links = await db.sql.query<{ id: string; case_id: string }>(
    `select s.code || ':' || s.id as id, min(c.id) as case_id
     from cases c
     cross join lateral jsonb_array_elements_text(coalesce(c.opening_signal_ids, '[]'::jsonb)) as o(sid)
     join signal_states s on s.code || ':' || s.id = o.sid and s.pupil_id = c.pupil_id
     where s.status = 'open' and ($1::text is null or c.id::text = $1::text)
     group by s.code, s.id`,
    [caseId ?? null],
  );
  let linked = 0;
  for (const link of links) {
    const done = await handleSignalState(
      db,
      link.id,
      { kind: "case", caseId: link.case_id },
      actor,
      onDate,
    );
    if (done.ok) linked++;
  }
  return linked;
}

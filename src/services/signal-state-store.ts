// Reads and writes signal_states / signal_transitions in bulk (one statement per kind of
// write, rows passed as one JSON parameter), so a day's thousands of changes cost a few
// round trips on either engine. A state that keeps holding is not written at all (`held`,
// lastHeldOnSql): the daily run writes what changed, not every held signal.
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { SignalState, SignalStatus, SignalTransition } from "../domain/signals/state.ts";
import type { Signal } from "../domain/signals/types.ts";

export interface StoredState extends SignalState {
  id: number;
  /** It held at the latest finished run (`lastHeldOn` is then that run's date, derived). */
  held: boolean;
  /** `last_held_on` as stored: behind `lastHeldOn` while the state keeps holding. */
  storedLastHeldOn: IsoDate;
  /** Canonical JSON of the attributes, to write only what changed. */
  attributes: string;
}

export function stateKey(pupilId: string, schoolId: string, code: string): string {
  return `${pupilId}\u0000${schoolId}\u0000${code}`;
}

/** JSON with sorted keys: jsonb reorders keys, so both sides are compared in this form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** The date of the latest finished evaluation run (null before the first). */
const LATEST_RUN_AS_OF =
  "(select as_of from evaluation_runs where finished_at is not null order by id desc limit 1)";

/**
 * The last date a state held, for every reader of `signal_states` (issue 19): a state that held
 * at the latest finished run (`held`) is not rewritten while it keeps holding, so its date is
 * that run's — or the stored one when later (a run back-dated before an earlier one). `prefix`
 * is the table's alias with its dot ("s.") or "".
 */
export function lastHeldOnSql(prefix = ""): string {
  return `(case when ${prefix}held then greatest(${prefix}last_held_on, ${LATEST_RUN_AS_OF})
           else ${prefix}last_held_on end)`;
}

export async function loadLiveStates(sql: SqlClient): Promise<Map<string, StoredState>> {
  // Not the evidence: a state that keeps holding keeps it (planWrites), so it is never compared.
  const rows = await sql.query<{
    id: string;
    pupil_id: string;
    school_id: string;
    code: string;
    status: SignalStatus;
    raised_on: string;
    last_held_on: string;
    stored_last_held_on: string;
    held: boolean;
    attributes: unknown;
  }>(
    `select id, pupil_id, school_id, code, status, raised_on::text,
            ${lastHeldOnSql()}::text as last_held_on, last_held_on::text as stored_last_held_on,
            held, attributes
     from signal_states where status <> 'resolved'`,
  );
  const map = new Map<string, StoredState>();
  for (const r of rows) {
    map.set(stateKey(r.pupil_id, r.school_id, r.code), {
      id: Number(r.id),
      pupilId: r.pupil_id,
      schoolId: r.school_id,
      code: r.code,
      status: r.status,
      raisedOn: r.raised_on,
      lastHeldOn: r.last_held_on,
      storedLastHeldOn: r.stored_last_held_on,
      held: r.held,
      resolvedOn: null,
      attributes: canonicalJson(r.attributes),
    });
  }
  return map;
}

export interface NewState {
  state: SignalState;
  evidence: unknown;
  attributes: unknown;
  transition: SignalTransition;
}

export interface StateUpdate {
  id: number;
  status: SignalStatus;
  /** Stored as it is; with `held` the readers take the run's date when later (lastHeldOnSql). */
  lastHeldOn: IsoDate;
  held: boolean;
  resolvedOn: IsoDate | null;
  /** New evidence and attributes, or undefined to keep the stored ones. */
  evidence?: unknown;
  attributes?: unknown;
  transition: SignalTransition | null;
}

export interface StateWrites {
  inserts: NewState[];
  updates: StateUpdate[];
}

/** Applies one run's writes; returns the number of transitions stored. */
export async function writeStates(
  sql: SqlClient,
  writes: StateWrites,
  actor: string,
  runId: number,
): Promise<number> {
  let transitions = 0;
  if (writes.inserts.length > 0) {
    const rows = writes.inserts.map((w) => ({
      pupil_id: w.state.pupilId,
      school_id: w.state.schoolId,
      code: w.state.code,
      status: w.state.status,
      raised_on: w.state.raisedOn,
      last_held_on: w.state.lastHeldOn,
      evidence: w.evidence,
      attributes: w.attributes,
      from_status: w.transition.from,
      to_status: w.transition.to,
      on_date: w.transition.onDate,
      reason: w.transition.reason,
    }));
    const inserted = await sql.query<{ n: string }>(
      `with v as (select * from jsonb_to_recordset($1::jsonb) as v(
          pupil_id text, school_id text, code text, status text, raised_on date,
          last_held_on date, evidence jsonb, attributes jsonb, from_status text, to_status text,
          on_date date, reason text)),
        s as (insert into signal_states (pupil_id, school_id, code, status, raised_on,
                last_held_on, held, evidence, attributes)
              select pupil_id, school_id, code, status, raised_on, last_held_on, true, evidence,
                     attributes from v
              returning id, pupil_id, school_id, code),
        t as (insert into signal_transitions (state_id, from_status, to_status, on_date, reason,
                actor, run_id)
              select s.id, v.from_status, v.to_status, v.on_date, v.reason, $2, $3
              from s join v using (pupil_id, school_id, code)
              returning 1)
       select count(*) as n from t`,
      [JSON.stringify(rows), actor, runId],
    );
    transitions += Number(inserted[0]?.n ?? 0);
  }
  if (writes.updates.length > 0) {
    const rows = writes.updates.map((u) => ({
      id: u.id,
      status: u.status,
      last_held_on: u.lastHeldOn,
      held: u.held,
      resolved_on: u.resolvedOn,
      set_payload: u.evidence !== undefined,
      evidence: u.evidence ?? null,
      attributes: u.attributes ?? null,
    }));
    await sql.query(
      `update signal_states s set status = v.status, last_held_on = v.last_held_on,
              held = v.held, resolved_on = v.resolved_on,
              evidence = case when v.set_payload then v.evidence else s.evidence end,
              attributes = case when v.set_payload then v.attributes else s.attributes end
       from jsonb_to_recordset($1::jsonb) as v(id bigint, status text, last_held_on date,
              held boolean, resolved_on date, set_payload boolean, evidence jsonb,
              attributes jsonb)
       where s.id = v.id`,
      [JSON.stringify(rows)],
    );
    const moves = writes.updates.flatMap((u) =>
      u.transition
        ? [
            {
              state_id: u.id,
              from_status: u.transition.from,
              to_status: u.transition.to,
              on_date: u.transition.onDate,
              reason: u.transition.reason,
            },
          ]
        : [],
    );
    if (moves.length > 0) {
      await sql.query(
        `insert into signal_transitions (state_id, from_status, to_status, on_date, reason,
           actor, run_id)
         select state_id, from_status, to_status, on_date, reason, $2, $3
         from jsonb_to_recordset($1::jsonb) as v(state_id bigint, from_status text,
           to_status text, on_date date, reason text)`,
        [JSON.stringify(moves), actor, runId],
      );
      transitions += moves.length;
    }
  }
  return transitions;
}

/**
 * Records which signals hold at this run (issue 19): a span that held at the previous run with
 * the same `legal` attribute is extended to this run, any other signal starts a new span. Only
 * (pupil, school, code, legal) are kept: what the monitor counts, never the evidence.
 */
export async function writeHeldSpans(
  sql: SqlClient,
  holding: Iterable<Signal>,
  runId: number,
  previousRunId: number | null,
): Promise<void> {
  const rows: { p: string; s: string; c: string; l: boolean; d: IsoDate }[] = [];
  for (const signal of holding) {
    rows.push({
      p: signal.pupilId,
      s: signal.schoolId,
      c: signal.code,
      l: signal.attributes.legal === true,
      d: signal.asOf,
    });
  }
  if (rows.length === 0) return;
  await sql.query(
    `with v as (select * from jsonb_to_recordset($1::jsonb) as v(p text, s text, c text, l boolean, d date)),
       extended as (
         update signal_held_spans h set to_run = $2, to_date = v.d
         from v
         where h.to_run = $3 and h.pupil_id = v.p and h.school_id = v.s and h.code = v.c
           and h.legal = v.l
         returning h.pupil_id, h.school_id, h.code)
     insert into signal_held_spans (pupil_id, school_id, code, legal, from_run, to_run, from_date, to_date)
     select v.p, v.s, v.c, v.l, $2, $2, v.d, v.d from v
     where not exists (select 1 from extended e
                       where e.pupil_id = v.p and e.school_id = v.s and e.code = v.c)`,
    [JSON.stringify(rows), runId, previousRunId ?? -1],
  );
}

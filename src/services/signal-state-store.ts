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

/** The run a new run continues the held spans from: the last one that finished (signal-state.ts). */
export interface PreviousRun {
  id: number;
  asOf: IsoDate;
  /** It recorded its held signals: its open spans go on; otherwise they are closed and begin again. */
  heldRecorded: boolean;
}

/**
 * The last date a held span reached, for readers of `signal_held_spans` (`prefix` its alias with
 * its dot): an open span (`to_run` null) holds through the latest finished run that recorded its
 * held signals, so its date is that run's.
 */
export function spanToDateSql(prefix = ""): string {
  return `coalesce(${prefix}to_date, (select as_of from evaluation_runs
    where finished_at is not null and held_recorded order by id desc limit 1))`;
}

/**
 * Records which signals hold at this run (issue 19). A span is open (`to_run` null) while its
 * signal keeps holding with the same `legal` attribute, through every later finished run; only
 * what changed is written: a span whose signal stopped holding (or changed `legal`) is closed at
 * the previous run, a signal holding without an open span starts one. The daily run no longer
 * rewrites every held signal's span (≈ 480,000 rows a day at 2.5 M pupils). When the previous run
 * did not record its held signals, every open span is closed at the last run that did and all
 * begin again. Only (pupil, school, code, legal) are kept: what the monitor counts, never the
 * evidence.
 */
export async function writeHeldSpans(
  sql: SqlClient,
  /** The signals holding at this run, by `stateKey` (as the run keeps them). */
  holding: ReadonlyMap<string, Signal>,
  runId: number,
  asOf: IsoDate,
  previous: PreviousRun | null,
): Promise<{ opened: number; closed: number }> {
  let closed = 0;
  const keep = new Set<string>();
  if (previous?.heldRecorded) {
    const open = await sql.query<{
      id: string;
      pupil_id: string;
      school_id: string;
      code: string;
      legal: boolean;
    }>(
      "select id::text as id, pupil_id, school_id, code, legal from signal_held_spans where to_run is null",
    );
    const ends: string[] = [];
    for (const span of open) {
      const key = stateKey(span.pupil_id, span.school_id, span.code);
      const signal = holding.get(key);
      if (signal && (signal.attributes.legal === true) === span.legal && !keep.has(key)) {
        keep.add(key);
      } else ends.push(span.id);
    }
    for (let i = 0; i < ends.length; i += SPAN_BATCH) {
      await sql.query(
        "update signal_held_spans set to_run = $2, to_date = $3::date where id = any($1::bigint[])",
        [ends.slice(i, i + SPAN_BATCH), previous.id, previous.asOf],
      );
    }
    closed = ends.length;
  } else {
    // Open spans from before a run that did not record its held signals (or none at all): they
    // end at the last run that did; without any such run, where they began.
    const ended = await sql.query(
      `with last as (select id, as_of from evaluation_runs
                     where finished_at is not null and held_recorded and id < $1
                     order by id desc limit 1)
       update signal_held_spans set to_run = coalesce((select id from last), from_run),
              to_date = coalesce((select as_of from last), from_date)
       where to_run is null returning id`,
      [runId],
    );
    closed = ended.length;
  }
  const rows: { p: string; s: string; c: string; l: boolean }[] = [];
  for (const [key, signal] of holding) {
    if (keep.has(key)) continue;
    rows.push({
      p: signal.pupilId,
      s: signal.schoolId,
      c: signal.code,
      l: signal.attributes.legal === true,
    });
  }
  for (let i = 0; i < rows.length; i += SPAN_BATCH) {
    await sql.query(
      `insert into signal_held_spans (pupil_id, school_id, code, legal, from_run, to_run, from_date, to_date)
       select v.p, v.s, v.c, v.l, $2, null, $3::date, null
       from jsonb_to_recordset($1::jsonb) as v(p text, s text, c text, l boolean)`,
      [JSON.stringify(rows.slice(i, i + SPAN_BATCH)), runId, asOf],
    );
  }
  return { opened: rows.length, closed };
}

/** Rows per statement of the spans' writes: a full run opens every held signal's span. */
const SPAN_BATCH = 20_000;

// Writing the audit trail (domain.md §2: every read of personal data is logged). appendAudit
// takes only AuditEvents, checked against their schema, and a write that fails throws
// AuditUnavailable: the caller's transaction rolls back and the request fails (503), because a
// read that cannot be logged is not served. Aggregate reads (the monitor) may join a short batch
// — one insert for a burst of requests — but each request still waits for its batch to commit.
import type { Orm } from "../db/connect.ts";
import { insertAuditRows } from "../db/repositories/audit.ts";
import { type AuditEvent, AuditEventSchema } from "./audit-event.ts";

/** The audit trail could not be written: nothing that needed the row may be answered. */
export class AuditUnavailable extends Error {
  constructor(cause: unknown) {
    super("the audit trail could not be written", { cause });
    this.name = "AuditUnavailable";
  }
}

/** Writes the events in the caller's transaction (`orm` of a `tx`, or the database). */
export async function appendAudit(
  orm: Orm,
  events: AuditEvent | readonly AuditEvent[],
): Promise<void> {
  const rows = (Array.isArray(events) ? events : [events]).map((e) => AuditEventSchema.parse(e));
  if (rows.length === 0) return;
  try {
    for (let i = 0; i < rows.length; i += 500) await insertAuditRows(orm, rows.slice(i, i + 500));
  } catch (error) {
    throw new AuditUnavailable(error);
  }
}

interface Batch {
  events: AuditEvent[];
  done: Promise<void>;
  flush: () => void;
}

const open = new WeakMap<Orm, Batch>();
const inFlight = new WeakMap<Orm, Set<Promise<void>>>();
/** How long a batch waits for more rows; short, since each request waits for its batch. */
export const AUDIT_BATCH_MS = 20;
const BATCH_MAX = 500;

/**
 * Adds the event to the database's open batch and resolves once that batch is committed; rejects
 * with AuditUnavailable when it is not. For reads without personal data only (the monitor).
 */
export function appendAuditBatched(orm: Orm, event: AuditEvent): Promise<void> {
  const parsed = AuditEventSchema.parse(event);
  let batch = open.get(orm);
  if (!batch) {
    let flush = () => {};
    const events: AuditEvent[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => flush(), AUDIT_BATCH_MS);
      let flushed = false;
      flush = () => {
        if (flushed) return;
        flushed = true;
        clearTimeout(timer);
        if (open.get(orm) === batch) open.delete(orm);
        appendAudit(orm, events).then(resolve, reject);
      };
    });
    batch = { events, done, flush };
    open.set(orm, batch);
    const pending = inFlight.get(orm) ?? new Set();
    inFlight.set(orm, pending);
    const settled = done.catch(() => {});
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
  }
  batch.events.push(parsed);
  if (batch.events.length >= BATCH_MAX) batch.flush();
  return batch.done;
}

/** Writes the open batch now and waits for every batch in flight (shutdown, tests). */
export async function flushAudit(orm: Orm): Promise<void> {
  open.get(orm)?.flush();
  await Promise.all([...(inFlight.get(orm) ?? [])]);
}

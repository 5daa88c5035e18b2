// The monitor's figures at a date take seconds on a large region (every signal is evaluated),
// while boards and staff ask the same (as_of, by) again and again. A snapshot per date is kept
// in memory and served until the data it was made from changed: a cheap fingerprint of the
// import log, the region's data version (raised by a trigger on every change to the region's
// tables, by any path: drizzle/0008) and the case tables is checked on every request, so
// figures are exact right after any change. Rendered rows are kept per (by, suppress). A
// snapshot that must be computed waits its turn in monitor-queue.ts.
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { MonitorGrouping, MonitorRow } from "../domain/monitor/aggregate.ts";
import { type MonitorSnapshot, monitorLookups, monitorRows, monitorSnapshot } from "./monitor.ts";
import { computationQueue } from "./monitor-queue.ts";

const FINGERPRINT_SQL = `select concat_ws('/',
  (select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(finished_at)::text, '') from import_log),
  (select count(*) || ':' || count(closed_at) || ':' || coalesce(max(created_at)::text, '') from cases),
  (select count(*) from case_transitions),
  (select count(*) || ':' || count(resolved_at) from stagnation_flags),
  (select count(*) || ':' || count(left_on) from waiting_list_entries),
  (select count(*) from budget_ledger),
  (select count(*) from case_events),
  (select count(*) from plan_goals),
  (select count(*) from exemption_decisions),
  (select count(*) from sick_notable_observations),
  (select count(*) || ':' || coalesce(max(value), '') from app_settings),
  (select version from data_versions where name = 'region')
) as fingerprint`;

const inFlight = new WeakMap<SqlClient, Promise<string>>();

/**
 * The data's fingerprint now. Requests that arrive while a fingerprint query runs share it (a
 * burst of 200 requests costs a few queries, not 200); a request never reuses a finished one.
 */
export function dataFingerprint(sql: SqlClient): Promise<string> {
  const running = inFlight.get(sql);
  if (running) return running;
  const query = sql
    // Named: PostgreSQL plans these twelve subqueries once per connection (5 ms each time else).
    .query<{ fingerprint: string }>(FINGERPRINT_SQL, [], { prepareAs: "aanwezig_data_fingerprint" })
    .then(([row]) => row?.fingerprint ?? "")
    .finally(() => inFlight.delete(sql));
  inFlight.set(sql, query);
  return query;
}

const values = new WeakMap<
  SqlClient,
  Map<string, { fingerprint: string; value: Promise<unknown> }>
>();

/** Any derived figure (KPIs, lookups, cohorts) kept until the data changes; at most 64 keys. */
export async function cachedValue<T>(
  sql: SqlClient,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const fingerprint = await dataFingerprint(sql);
  let cache = values.get(sql);
  if (!cache) {
    cache = new Map();
    values.set(sql, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.value as Promise<T>;
  const value = compute();
  const entry = { fingerprint, value };
  cache.delete(key);
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  while (cache.size > 64) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}

interface Entry {
  fingerprint: string;
  snapshot: Promise<MonitorSnapshot>;
  rendered: Map<string, { rows: MonitorRow[]; json: string }>;
}

const MAX_SNAPSHOTS = 48;
const caches = new WeakMap<SqlClient, Map<string, Entry>>();

function cacheOf(sql: SqlClient): Map<string, Entry> {
  let cache = caches.get(sql);
  if (!cache) {
    cache = new Map();
    caches.set(sql, cache);
  }
  return cache;
}

async function entryFor(sql: SqlClient, asOf: IsoDate): Promise<Entry> {
  const fingerprint = await dataFingerprint(sql);
  const cache = cacheOf(sql);
  const key = asOf;
  const cached = cache.get(key);
  if (cached && cached.fingerprint === fingerprint) {
    // most recently used last
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const entry: Entry = {
    fingerprint,
    // One computation per key: concurrent requests share the promise. It waits its turn in the
    // database's queue (monitor-queue.ts), which may refuse it (ComputationRefused) before
    // anything is kept here.
    snapshot: computationQueue(sql).submit(() =>
      monitorSnapshot(sql, asOf, {
        lookups: () => cachedValue(sql, "monitor-lookups", () => monitorLookups(sql)),
      }),
    ),
    rendered: new Map(),
  };
  cache.delete(key);
  cache.set(key, entry);
  entry.snapshot.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  while (cache.size > MAX_SNAPSHOTS) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

/** The snapshot at a date, recomputed only when the data changed. */
export async function cachedSnapshot(sql: SqlClient, asOf: IsoDate): Promise<MonitorSnapshot> {
  return (await entryFor(sql, asOf)).snapshot;
}

/** Monitor rows with their JSON text, so a repeated request costs one fingerprint query. */
export async function cachedMonitorRows(
  sql: SqlClient,
  query: { asOf: IsoDate; by: MonitorGrouping; suppress: boolean; periodFrom?: IsoDate },
): Promise<{ rows: MonitorRow[]; json: string }> {
  const entry = await entryFor(sql, query.asOf);
  const key = `${query.by}|${query.suppress}|${query.periodFrom ?? ""}`;
  let rendered = entry.rendered.get(key);
  if (!rendered) {
    const rows = monitorRows(await entry.snapshot, query.by, query.suppress, query.periodFrom);
    rendered = { rows, json: JSON.stringify(rows) };
    entry.rendered.set(key, rendered);
  }
  return rendered;
}

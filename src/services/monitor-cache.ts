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
import { evaluateSignalsAt } from "./signals.ts";

// An import counts when it inserted or updated rows: a re-import of an unchanged file (or a
// rejected one) changes no figure, and its deletes, if any, raise the region's data version
// (drizzle/0026: only a statement that changed a row raises it).
// What signal evaluation reads (src/db/queries/signal-inputs.ts, region-settings.ts): the region's
// tables (data_versions, drizzle/0008), the sick observations, the decided leave requests and the
// region's signal profile. No case table: a case event does not change a signal.
const SIGNAL_INPUTS_TERMS = `
  (select count(*) || ':' || coalesce(max(id), 0) from import_log where inserted > 0 or updated > 0),
  (select count(*) from sick_notable_observations),
  (select count(*) || ':' || count(decided_on) from leave_requests),
  (select coalesce(max(updated_at)::text, '') from region_settings),
  (select count(*) || ':' || coalesce(max(value), '') from app_settings),
  (select version from data_versions where name = 'region')`;

const SIGNAL_INPUTS_SQL = `select concat_ws('/',${SIGNAL_INPUTS_TERMS}
) as fingerprint`;

const FINGERPRINT_SQL = `select concat_ws('/',
  (select count(*) || ':' || coalesce(max(id), 0) from import_log where inserted > 0 or updated > 0),
  (select count(*) || ':' || count(closed_at) || ':' || coalesce(max(created_at)::text, '') from cases),
  (select count(*) from case_transitions),
  (select count(*) || ':' || count(resolved_at) from stagnation_flags),
  (select count(*) || ':' || count(left_on) from waiting_list_entries),
  (select count(*) from budget_ledger),
  (select count(*) from case_events),
  (select count(*) from plan_goals),
  (select count(*) from exemption_decisions),
  (select count(*) || ':' || count(decided_on) from leave_requests),
  (select coalesce(max(updated_at)::text, '') from region_settings),
  (select count(*) from sick_notable_observations),
  (select count(*) || ':' || coalesce(max(value), '') from app_settings),
  (select version from data_versions where name = 'region')
) as fingerprint`;

/** Which data a cached figure depends on: all of it, or only what signals are evaluated from. */
export type FingerprintOf = "data" | "signal_inputs";

const FINGERPRINTS: Record<FingerprintOf, { text: string; name: string }> = {
  data: { text: FINGERPRINT_SQL, name: "aanwezig_data_fingerprint" },
  signal_inputs: { text: SIGNAL_INPUTS_SQL, name: "aanwezig_signal_inputs_fingerprint" },
};

const inFlight: Record<FingerprintOf, WeakMap<SqlClient, Promise<string>>> = {
  data: new WeakMap(),
  signal_inputs: new WeakMap(),
};

/**
 * The data's fingerprint now. Requests that arrive while a fingerprint query runs share it (a
 * burst of 200 requests costs a few queries, not 200); a request never reuses a finished one.
 */
export function dataFingerprint(sql: SqlClient, of: FingerprintOf = "data"): Promise<string> {
  const running = inFlight[of].get(sql);
  if (running) return running;
  const { text, name } = FINGERPRINTS[of];
  const query = sql
    // Named: PostgreSQL plans these subqueries once per connection (5 ms each time else).
    .query<{ fingerprint: string }>(text, [], { prepareAs: name })
    .then(([row]) => row?.fingerprint ?? "")
    .finally(() => inFlight[of].delete(sql));
  inFlight[of].set(sql, query);
  return query;
}

/**
 * Drops the entries made from an older version of the data. They can never be served again
 * (every request compares with the fingerprint now), but without this they stayed until their
 * own key was asked again or 64 (48) newer keys pushed them out: under a steady write load the
 * caches held the dead figures of every key ever asked — signal evaluations of whole reaches,
 * monitor snapshots of 100,000 pupils per quarter end — beside the live ones (the soak run's
 * memory growth, docs/reliability.md). A request reads the fingerprint just before (no await
 * in between), and fingerprint queries do not overlap, so it never holds an older one than the
 * entries it drops.
 */
function dropStale(cache: Map<string, { fingerprint: string }>, fingerprint: string): void {
  for (const [key, entry] of cache) if (entry.fingerprint !== fingerprint) cache.delete(key);
}

/** The keys kept (tests: what the caches hold). */
export function cachedKeys(sql: SqlClient, of: FingerprintOf = "data"): string[] {
  return [...(values[of].get(sql)?.keys() ?? [])];
}

type ValueCache = WeakMap<SqlClient, Map<string, { fingerprint: string; value: Promise<unknown> }>>;
const values: Record<FingerprintOf, ValueCache> = {
  data: new WeakMap(),
  signal_inputs: new WeakMap(),
};

/**
 * Any derived figure (KPIs, lookups, cohorts) kept until the data it depends on changes (`of`:
 * all data, or only the signals' inputs); at most 64 keys per kind.
 */
export async function cachedValue<T>(
  sql: SqlClient,
  key: string,
  compute: () => Promise<T>,
  of: FingerprintOf = "data",
): Promise<T> {
  const fingerprint = await dataFingerprint(sql, of);
  let cache = values[of].get(sql);
  if (!cache) {
    cache = new Map();
    values[of].set(sql, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.value as Promise<T>;
  dropStale(cache, fingerprint);
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
  dropStale(cache, fingerprint);
  const entry: Entry = {
    fingerprint,
    // One computation per key: concurrent requests share the promise. It waits its turn in the
    // database's queue (monitor-queue.ts), which may refuse it (ComputationRefused) before
    // anything is kept here.
    // The region's signals at the date are kept apart, until the signals' inputs change: a case
    // event recomputes the snapshot's case figures, not the signals of 100,000 pupils.
    snapshot: computationQueue(sql).submit(() =>
      monitorSnapshot(sql, asOf, {
        // Residences and partnerships are region tables (the region's data version): kept
        // until the signals' inputs change, so a case event does not re-read every person.
        lookups: () =>
          cachedValue(sql, "monitor-lookups", () => monitorLookups(sql), "signal_inputs"),
        signals: () =>
          cachedValue(
            sql,
            `region-signals|${asOf}`,
            () => evaluateSignalsAt(sql, { asOf }),
            "signal_inputs",
          ),
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

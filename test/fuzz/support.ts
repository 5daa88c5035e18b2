// Shared by the fuzz suites (issue 13 item 3): how many runs, and a fingerprint of every table so
// a property can say "nothing changed" or "only these tables changed".
import type { Database } from "../../src/db/connect.ts";

/**
 * Runs per property: FUZZ_RUNS (set by `npm run fuzz -- --runs N`), else the short default that
 * keeps `npm test` quick. FUZZ_SEED replays a run fast-check reported.
 */
export function fuzzRuns(short: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : short;
}

export function fuzzSeed(): { seed?: number } {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(seed) ? { seed } : {};
}

/** Long runs get the time they need; a short one keeps vitest's own timeout in view. */
export function fuzzTimeout(shortMs: number): number {
  return process.env.FUZZ_RUNS ? 24 * 3600_000 : shortMs;
}

export type TableFingerprints = Record<string, { rows: number; md5: string }>;

/**
 * Row count and an order-independent checksum of every table of the public schema: all tables in
 * one statement (a UNION ALL of one aggregate per table), not one round trip per table (the
 * import fuzz takes two or three fingerprints per generated file, of 70 tables each).
 */
export async function fingerprint(db: Database): Promise<TableFingerprints> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: TableFingerprints = {};
  if (tables.length === 0) return out;
  const rows = await db.sql.query<{ name: string; rows: number; md5: string }>(
    tables
      .map(
        ({ name }) =>
          `SELECT '${name.replaceAll("'", "''")}'::text AS name, count(*)::int AS rows,
                  md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS md5
             FROM "${name.replaceAll('"', '""')}" t`,
      )
      .join("\nUNION ALL\n"),
  );
  for (const { name, rows: count, md5 } of rows) out[name] = { rows: count, md5 };
  if (Object.keys(out).length !== tables.length) throw new Error("a table is missing");
  return out;
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: TableFingerprints, after: TableFingerprints): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .sort();
}

// Benchmark of the canonical attendance import (docs/performance.md, "Import").
//   npm run bench:import -- --rows 1000000 [--pg postgres://…] [--skip-pglite] [--no-docs]
// Generates a synthetic region into a temp dir, imports it on PGlite (a directory, as a user
// would) and on a fresh PostgreSQL database, re-imports the same file (idempotent run), and
// as peers on the same server: COPYs the same rows into a bare table, and does what a database
// administrator would write by hand (issue 19) — COPY into a staging table, then one
// INSERT … ON CONFLICT with the history insert, into a copy of the same table with the same
// indexes (and history table), empty like the product's first import.
import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { importFile } from "../src/import/run-import.ts";
import { type FixtureFiles, writeFixture } from "./import-fixture.ts";
import { type Measurement, writeImportSection } from "./import-report.ts";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    pg: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    "skip-pglite": { type: "boolean", default: false },
    "no-docs": { type: "boolean", default: false },
  },
});
const rows = Number(args.rows);

/** Highest resident set size seen while fn runs (sampled every 100 ms). */
async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; rssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const start = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      result,
      seconds: (performance.now() - start) / 1000,
      rssMb: Math.round(peak / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function importAll(
  db: Database,
  files: FixtureFiles,
  engine: string,
): Promise<Measurement[]> {
  for (const kind of ["schools", "closures", "pupils", "enrolments"] as const) {
    const result = await importFile(db, { kind, path: files[kind], actor: "bench" });
    if (result.outcome !== "imported") throw new Error(`${kind}: ${JSON.stringify(result.errors)}`);
  }
  const out: Measurement[] = [];
  for (const run of ["first import", "re-import (unchanged)"]) {
    const { result, seconds, rssMb } = await timed(() =>
      importFile(db, { kind: "attendance", path: files.attendance, actor: "bench" }),
    );
    if (result.outcome !== "imported") {
      throw new Error(`attendance rejected: ${JSON.stringify(result.errors.slice(0, 5))}`);
    }
    const { inserted, updated, unchanged, timings } = result;
    const phases = [timings.stage, timings.check, timings.write]
      .map((ms) => (ms / 1000).toFixed(1))
      .join(" / ");
    out.push({
      engine,
      run,
      rows: result.rows,
      seconds,
      rssMb,
      inserted,
      updated,
      unchanged,
      phases,
    });
    console.error(
      `${engine} ${run}: ${(result.rows / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s)`,
    );
  }
  return out;
}

async function benchPglite(files: FixtureFiles, dir: string): Promise<Measurement[]> {
  const db = await openDatabase(join(dir, "pglite"));
  try {
    await migrateDatabase(db);
    return await importAll(db, files, "PGlite (directory)");
  } finally {
    await db.close();
  }
}

async function withScratchDatabase<T>(
  serverUrl: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const name = `aanwezig_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function benchPostgres(files: FixtureFiles): Promise<Measurement[]> {
  return withScratchDatabase(args.pg, async (url) => {
    const db = await openDatabase(url);
    let measured: Measurement[];
    try {
      await migrateDatabase(db);
      measured = await importAll(db, files, "PostgreSQL");
    } finally {
      await db.close();
    }
    measured.push(await plainCopy(url, files));
    measured.push(await handWrittenMerge(url, files));
    return measured;
  });
}

/** The peer: COPY of the same file into a bare table (no checks, keys, indexes or history). */
async function plainCopy(url: string, files: FixtureFiles): Promise<Measurement> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE bare_attendance (pupil_id text, school_id text, date date, period text,
         minutes integer, reason text, note text)`,
    );
    const { seconds, rssMb } = await timed(() =>
      pipeline(
        createReadStream(files.attendance),
        client.query(
          copyFrom("COPY bare_attendance FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')"),
        ),
      ),
    );
    const [count] = (await client.query("SELECT count(*)::int AS n FROM bare_attendance")).rows;
    console.error(`plain COPY: ${(count.n / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s)`);
    return { engine: "PostgreSQL", run: "plain COPY (peer)", rows: count.n, seconds, rssMb };
  } finally {
    await client.end();
  }
}

/**
 * The hand-written peer (issue 19): COPY into a staging table, then one statement that logs
 * every new or changed key in the history and merges the rows with INSERT … ON CONFLICT, into
 * `peer.attendance` / `peer.attendance_history` — `LIKE … INCLUDING ALL` of the product's
 * tables, so the same keys and indexes (no validation, no triggers).
 */
async function handWrittenMerge(url: string, files: FixtureFiles): Promise<Measurement> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA peer;
      CREATE TABLE peer.attendance (LIKE public.attendance INCLUDING ALL);
      CREATE TABLE peer.attendance_history (LIKE public.attendance_history INCLUDING ALL)`);
    const { seconds, rssMb } = await timed(async () => {
      await client.query("BEGIN");
      await client.query(
        `CREATE TEMP TABLE stage (pupil_id text, school_id text, date date, period text,
           minutes integer, reason text, note text) ON COMMIT DROP`,
      );
      await pipeline(
        createReadStream(files.attendance),
        client.query(
          copyFrom("COPY stage FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')"),
        ),
      );
      await client.query(
        `WITH changed AS (
           INSERT INTO peer.attendance_history (pupil_id, date, period, old_school_id, old_minutes,
             old_reason, old_note, new_school_id, new_minutes, new_reason, new_note, import_id,
             changed_by)
           SELECT s.pupil_id, s.date, s.period, a.school_id, a.minutes, a.reason, a.note,
                  s.school_id, s.minutes, s.reason, s.note, 1, 'peer'
           FROM stage s
           LEFT JOIN peer.attendance a
             ON a.pupil_id = s.pupil_id AND a.date = s.date AND a.period = s.period
           WHERE a.pupil_id IS NULL
              OR ROW(a.school_id, a.minutes, a.reason, a.note)
                 IS DISTINCT FROM ROW(s.school_id, s.minutes, s.reason, s.note)
           RETURNING pupil_id, date, period, new_school_id, new_minutes, new_reason, new_note)
         INSERT INTO peer.attendance (pupil_id, date, period, school_id, minutes, reason, note,
                                      import_id, updated_at)
         SELECT pupil_id, date, period, new_school_id, new_minutes, new_reason, new_note, 1, now()
         FROM changed
         ON CONFLICT (pupil_id, date, period) DO UPDATE
           SET school_id = excluded.school_id, minutes = excluded.minutes,
               reason = excluded.reason, note = excluded.note, import_id = excluded.import_id,
               updated_at = excluded.updated_at`,
      );
      await client.query("COMMIT");
    });
    const [count] = (await client.query("SELECT count(*)::int AS n FROM peer.attendance")).rows;
    console.error(
      `hand-written merge: ${(count.n / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s)`,
    );
    return {
      engine: "PostgreSQL",
      run: "COPY + merge with history (hand-written peer)",
      rows: count.n,
      seconds,
      rssMb,
    };
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), "aanwezig-bench-"));
const loadAtStart = loadavg()[0] ?? 0;
try {
  console.error(`generating ${rows} attendance rows in ${dir} …`);
  const files = await writeFixture(dir, rows);
  const measured: Measurement[] = [];
  // PostgreSQL first: PGlite's WASM heap is not returned to the OS, it would inflate the RSS.
  measured.push(...(await benchPostgres(files)));
  if (!args["skip-pglite"]) measured.push(...(await benchPglite(files, dir)));
  const command = `npm run bench:import -- --rows ${rows}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.versions.node}`;
  const load: [number, number] = [loadAtStart, loadavg()[0] ?? 0];
  const report = { command, machine, pupils: files.pupils_count, load, measured };
  console.log(JSON.stringify(report, null, 2));
  if (!args["no-docs"]) writeImportSection(report);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

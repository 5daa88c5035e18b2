// Profiling aid for the attendance import (docs/performance.md "Import"): one first import of
// the benchmark's synthetic file (kept in --dir between runs) on a scratch PostgreSQL database,
// with the phases printed.
//   npx node --cpu-prof --cpu-prof-dir=/tmp/prof bench/import-profile.ts --rows 300000 [--workers]
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../src/db/connect.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { importFile } from "../src/import/run-import.ts";
import { writeFixture } from "./import-fixture.ts";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "300000" },
    workers: { type: "boolean", default: false },
    dir: { type: "string", default: "/tmp/aanwezig-import-profile" },
    pg: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const rows = Number(args.rows);
const dir = `${args.dir}/${rows}`;
mkdirSync(dir, { recursive: true });
const files = await writeFixture(dir, rows);
const name = `aanwezig_prof_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: args.pg });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(args.pg);
url.pathname = `/${name}`;
try {
  const db = await openDatabase(url.toString());
  await migrateDatabase(db);
  for (const kind of ["schools", "closures", "pupils", "enrolments"] as const) {
    await importFile(db, { kind, path: files[kind], actor: "bench" });
  }
  const start = performance.now();
  const result = await importFile(db, {
    kind: "attendance",
    path: files.attendance,
    actor: "bench",
    // --workers: read and validate in worker threads (parallel-read.ts), off by default.
    ...(args.workers ? { parallelMinBytes: 0 } : {}),
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(result.outcome, result.rows, seconds.toFixed(1), JSON.stringify(result.timings));
  await db.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

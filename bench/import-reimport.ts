// Three imports of one large attendance file with changed minutes (issue 20): the per-day
// minutes check must stay linear however wrong the planner's estimates are.
//   npx node bench/import-reimport.ts --rows 200000 [--pg postgres://…] [--pglite]
// --rows is the first import's size (pupils × 10 days × 4 lessons); the re-imports have 3/4.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../src/db/connect.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { importFile } from "../src/import/run-import.ts";
import { SCHOOLS, writeFixture } from "./import-fixture.ts";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "200000" },
    pg: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    pglite: { type: "boolean", default: false },
  },
});

const dir = mkdtempSync(join(tmpdir(), "aanwezig-reimport-"));
// Schools, closures and pupils of the import benchmark's region (400 scheduled minutes a day).
// (writeFixture makes one pupil per 50 rows; here a pupil has 40: 10 days × 4 lessons.)
const files = await writeFixture(dir, Math.ceil(Number(args.rows) / 40) * 50);
const pupils = files.pupils_count;
const DAYS = ["01", "02", "03", "04", "05", "08", "09", "10", "11", "12"].map(
  (d) => `2025-09-${d}`,
);

/** Absent in the given lessons of ten school days of September: one row per lesson. */
function attendance(name: string, lessons: number, minutes: number): string {
  const lines = ["pupil_id;school_id;date;period;minutes;reason;note"];
  for (let p = 0; p < pupils; p++) {
    const school = `S${String(p % SCHOOLS).padStart(3, "0")}`;
    const id = `P${String(p).padStart(7, "0")}`;
    for (const date of DAYS) {
      for (let l = 1; l <= lessons; l++)
        lines.push(`${id};${school};${date};${l};${minutes};sick;`);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}
// Lessons 1–4 first; then lessons 1–3 corrected twice: every pupil-day keeps one stored row.
const variants = [
  attendance("a1.csv", 4, 50),
  attendance("a2.csv", 3, 40),
  attendance("a3.csv", 3, 45),
];

let spec: string;
let admin: pg.Client | undefined;
const name = `aanwezig_reimport_${randomBytes(4).toString("hex")}`;
if (args.pglite) spec = join(dir, "pglite");
else {
  admin = new pg.Client({ connectionString: args.pg });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(args.pg);
  url.pathname = `/${name}`;
  spec = url.toString();
}
const db = await openDatabase(spec);
try {
  await migrateDatabase(db);
  for (const kind of ["schools", "closures", "pupils", "enrolments"] as const) {
    await importFile(db, { kind, path: files[kind], actor: "bench" });
  }
  for (const [i, path] of variants.entries()) {
    const start = performance.now();
    const r = await importFile(db, { kind: "attendance", path, actor: "bench" });
    const s = ((performance.now() - start) / 1000).toFixed(1);
    const t = r.timings;
    console.log(
      `${db.kind} import ${i + 1}: ${r.outcome} ${r.rows} rows, ${r.inserted} new, ${r.updated} changed in ${s} s (stage ${t.stage} ms, check ${t.check} ms, write ${t.write} ms)`,
    );
  }
} finally {
  await db.close();
  if (admin) {
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the pool's sockets close
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
}

// Issue 20: the server's shutdown (SIGTERM) waited for a running import, minutes on PGlite.
// Stopping the import jobs (what app.close() does) rolls a running import back at once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  importManyPupils,
  manyAttendanceRows,
  tempDir,
} from "../../../test/support/import-files.ts";
import type { Database } from "../../db/connect.ts";
import { ImportJobs } from "./admin-import-jobs.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PUPILS = 3000;

describe.each(engines())("stopping import jobs on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ db, dispose } = await engine.fresh());
    await importManyPupils(db, dir, PUPILS);
  });
  afterEach(async () => {
    await dispose();
  });

  it("rolls a running import back within seconds and writes nothing", async () => {
    const upload = mkdtempSync(join(tmpdir(), "aanwezig-upload-"));
    const path = join(upload, "attendance.csv");
    const csv = manyAttendanceRows(PUPILS, 4, 50); // 120,000 rows
    writeFileSync(path, csv);
    const jobs = new ImportJobs();
    const failures: unknown[] = [];
    const job = jobs.start(
      db,
      { kind: "attendance", path, dir: upload, fileName: "attendance.csv", bytes: csv.length },
      "test",
      (error) => failures.push(error),
    );
    while (job.rows === 0 && job.finishedAt === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const start = performance.now();
    await jobs.stopAll();
    // "Within seconds" against the minutes a whole import takes; 10 s leaves room for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(job).toMatchObject({ failed: true, result: null, phase: "done" });
    expect(String(failures[0])).toContain("import afgebroken (de server stopt)");
    expect(await db.sql.query("SELECT count(*)::int AS n FROM attendance")).toEqual([{ n: 0 }]);
  }, 120_000);
});

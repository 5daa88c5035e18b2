// Issue 20: a killed or interrupted `aanwezig import` must not leave its query running on the
// PostgreSQL server, holding the import lock. The child is made to wait on the import lock
// (held here), so it has a running statement for as long as the test wants.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { importRegion, REGION, tempDir, writeCsv } from "../../../test/support/import-files.ts";
import type { Database } from "../../db/connect.ts";

const BIN = new URL("../../../bin/aanwezig", import.meta.url).pathname;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const postgres = engines().filter((e) => e.name === "postgres");

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Only a PostgreSQL server could keep running a killed client's query.
describe("an interrupted import on postgres", () => {
  const engine = postgres[0];
  if (engine === undefined) {
    it.skip("needs TEST_DATABASE_URL", () => {});
    return;
  }
  let db: Database;
  let spec: string;
  let dispose: () => Promise<void>;
  let holder: pg.Client;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    ({ db, spec, dispose } = await engine.fresh());
    await importRegion(db, dir);
    writeCsv(dir, "pupils.csv", REGION.pupils.replace("Bakker", "Bakker-Smit"));
    holder = new pg.Client({ connectionString: spec });
    await holder.connect();
    // Another import of pupils is "running": the child waits on the import lock.
    await holder.query("SELECT pg_advisory_lock(hashtext('aanwezig:import:pupils'))");
  });
  afterEach(async () => {
    child?.kill("SIGKILL");
    await holder.end().catch(() => {});
    await dispose();
  });

  /** The child's backend, once it is waiting on the lock. */
  async function waitingBackend(): Promise<number | undefined> {
    const { rows } = await holder.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND state = 'active' AND query LIKE '%pg_advisory_xact_lock%'`,
    );
    return rows[0]?.pid;
  }

  async function backendGone(pid: number): Promise<true | undefined> {
    const { rows } = await holder.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
    return rows.length === 0 ? true : undefined;
  }

  function startImport(): ChildProcess {
    child = spawn(BIN, ["--db", spec, "import", "pupils", join(dir, "pupils.csv")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    return child;
  }

  it("the server cancels the query of a CLI killed with SIGKILL; the lock is free again", async () => {
    const run = startImport();
    const pid = await until(waitingBackend, 20_000);
    expect(pid, "the import never reached the lock").toBeDefined();
    run.kill("SIGKILL");
    await once(run, "exit");
    // client_connection_check_interval is 2 s: the backend notices the closed socket.
    expect(await until(() => backendGone(pid!), 8_000)).toBe(true);
    await holder.query("SELECT pg_advisory_unlock_all()");
    const again = startImport();
    const [code] = await once(again, "exit");
    expect(code).toBe(0);
    expect(await db.sql.query("SELECT family_name FROM pupils WHERE pupil_id = 'P003'")).toEqual([
      { family_name: "Bakker-Smit" },
    ]);
  }, 60_000);

  it("SIGTERM cancels the running query and exits 1 with a message; nothing is imported", async () => {
    const run = startImport();
    let stderr = "";
    run.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const pid = await until(waitingBackend, 20_000);
    expect(pid, "the import never reached the lock").toBeDefined();
    run.kill("SIGTERM");
    const [code] = await once(run, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("import afgebroken (SIGTERM)");
    // Cancelled from another connection at once, not after the lock is granted.
    expect(await until(() => waitingBackend().then((p) => (p ? undefined : true)), 3_000)).toBe(
      true,
    );
    expect(await db.sql.query("SELECT family_name FROM pupils WHERE pupil_id = 'P003'")).toEqual([
      { family_name: "Bakker" },
    ]);
  }, 60_000);
});

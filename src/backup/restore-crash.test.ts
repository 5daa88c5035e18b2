// Crash safety of `aanwezig restore` (issue 13 item 4): the CLI killed with SIGKILL at several
// moments while it restores a backup into an empty database, on an embedded PGlite directory and
// on PostgreSQL. After every kill the database opens and holds either nothing (as before) or the
// whole backup, never a part; the next `aanwezig restore` then completes (or, when the killed
// run had already committed, is refused because the database is no longer empty) and the
// database holds exactly the backup's rows.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliInProcess } from "../../test/support/cli-process.ts";
import { emptyPgliteDirectory, engines } from "../../test/support/databases.ts";
import { ident, listTables } from "../db/catalogue.ts";
import { type Database, openDatabase } from "../db/connect.ts";
import { writeFullDemo } from "../demo/fill.ts";
import { writeBackup } from "./backup.ts";
import { SEEDED_BY_MIGRATIONS } from "./format.ts";

const pgliteEngine = () => engines().find((e) => e.name === "pglite")!;

const BIN = new URL("../../bin/aanwezig", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "aanwezig-restore-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, "demo.backup.gz");
let source: Record<string, number>;
/** A PGlite directory without tables (as the PostgreSQL targets are): each target a copy of it. */
const emptyDir = join(dir, "empty");

beforeAll(async () => {
  // A copy of the migrated template (no initdb, no migrations). 120 pupils give a backup whose
  // rows' transaction is still most of a restore (so the kills land in it as well as in start-up
  // and migrating); 300 cost 55 s per restore on PGlite without proving more.
  const { db, dispose } = await pgliteEngine().fresh();
  try {
    await writeFullDemo(db, { pupils: 120, seed: 7 });
    await writeBackup(db, file);
    source = await countsPerTable(db);
  } finally {
    await dispose();
  }
  // A directory as PGlite's initdb leaves it (no tables, like the PostgreSQL targets), from the
  // cached initdb dump: copied per target, so no child run pays initdb; what the kills aim at is
  // the restore's own work (start-up, migrating, the rows' transaction).
  await emptyPgliteDirectory(emptyDir);
}, 600_000);

/** Row count per table; an empty object when the database has no tables yet. */
async function countsPerTable(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db.sql)) {
    const [row] = await db.sql.query<{ n: string }>(
      `select count(*)::text as n from ${ident(table.name)}`,
    );
    counts[table.name] = Number(row?.n);
  }
  return counts;
}

async function countsAt(spec: string): Promise<Record<string, number>> {
  const db = await openDatabase(spec);
  try {
    return await countsPerTable(db);
  } finally {
    await db.close();
  }
}

/** "empty" (no tables, or no rows but the ones migrations seed), "whole", or "PARTIAL …". */
function stateOf(counts: Record<string, number>): string {
  if (JSON.stringify(counts) === JSON.stringify(source)) return "whole";
  const filled = Object.entries(counts).filter(
    ([table, rows]) => rows > 0 && !SEEDED_BY_MIGRATIONS.has(table),
  );
  return filled.length === 0 ? "empty" : `PARTIAL ${JSON.stringify(filled)}`;
}

async function runKilled(spec: string, killAfterMs: number): Promise<boolean> {
  const child: ChildProcess = spawn(BIN, ["--db", spec, "restore", file], {
    cwd: dir,
    stdio: ["ignore", "ignore", "ignore"],
  });
  const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  const [, signal] = await exit;
  clearTimeout(timer);
  return signal === "SIGKILL";
}

interface Target {
  name: string;
  /** A new, empty database (no tables), as a restore wants it. */
  fresh(): Promise<{ spec: string; dispose(): Promise<void> }>;
}

let n = 0;
const targets: Target[] = [
  {
    name: "pglite directory",
    async fresh() {
      const spec = join(dir, `db-${n++}`);
      cpSync(emptyDir, spec, { recursive: true });
      return { spec, dispose: async () => rmSync(spec, { recursive: true, force: true }) };
    },
  },
  ...engines()
    .filter((e) => e.name === "postgres")
    .map((engine) => ({
      name: "postgres",
      async fresh() {
        const created = await engine.fresh();
        await created.db.sql.exec("drop schema public cascade; create schema public;");
        await created.db.sql.exec("drop schema if exists drizzle cascade;");
        // The pool stays open (idle) until dispose closes it and drops the database.
        return { spec: created.spec, dispose: created.dispose };
      },
    })),
];

describe.each(targets)("aanwezig restore killed with SIGKILL on $name", (target) => {
  it("leaves nothing or the whole backup after each kill, and the next restore completes", async () => {
    // An uninterrupted restore first: how long one takes here, and what it leaves.
    const reference = await target.fresh();
    // A child process, as the killed runs are: their kill times are shares of this duration.
    const started = Date.now();
    const whole = runCli(dir, reference.spec, ["--format", "json", "restore", file]);
    const duration = Date.now() - started;
    expect(whole.stderr).toBe("");
    expect(whole.code).toBe(0);
    expect(await countsAt(reference.spec)).toEqual(source);
    await reference.dispose();

    // Kill at shares of that duration (start-up, migrating, the rows' transaction); the
    // machine's speed decides which phase each lands in. A restore that finishes before its first
    // kill (the machine got quicker than during the timing run) leaves nothing to kill on that
    // database: the next attempt takes a new one and aims at that quicker restore's duration.
    let killed = await target.fresh();
    let states: string[] = [];
    let aimMs = duration;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) {
        await killed.dispose();
        killed = await target.fresh();
        states = [];
      }
      for (const share of [0.4, 0.6, 0.75, 0.9]) {
        const startedRun = Date.now();
        const wasKilled = await runKilled(killed.spec, Math.round(aimMs * share));
        const state = stateOf(await countsAt(killed.spec));
        states.push(`${share}: ${wasKilled ? "killed" : "finished"}, ${state}`);
        expect(state, states.join("; ")).not.toMatch(/^PARTIAL/);
        if (!wasKilled) aimMs = Math.min(aimMs, Date.now() - startedRun);
        if (state === "whole") break;
      }
      if (states.some((s) => s.includes("killed"))) break;
    }
    expect(
      states.some((s) => s.includes("killed")),
      states.join("; "),
    ).toBe(true);

    console.log(`${target.name}: one restore ${duration} ms; ${states.join("; ")}`);
    // The next restore completes, or is refused (exit 1) because a killed run had committed.
    // The CLI's entry function in this process: a child process adds nothing here.
    const next = await runCliInProcess(dir, killed.spec, ["--format", "json", "restore", file]);
    if (states.at(-1)?.endsWith("whole")) {
      expect(next.code, next.stderr).toBe(1);
      expect(next.stderr).toContain("niet leeg");
    } else {
      expect(next.stderr).toBe("");
      expect(next.code).toBe(0);
    }
    expect(await countsAt(killed.spec)).toEqual(source);
    await killed.dispose();
  }, 900_000);
});

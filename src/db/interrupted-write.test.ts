// Issue 20, item 8: a PGlite directory whose import was killed was about a third larger until
// vacuumed. The child process below writes like an import (marked, one transaction) and is
// killed with SIGKILL before it commits; the next open must give the dead pages back.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migratedPgliteDirectory } from "../../test/support/databases.ts";
import { openDatabase } from "./connect.ts";
import { migrateDatabase } from "./migrate.ts";

const NODE = new URL("../../node_modules/node/bin/node", import.meta.url).pathname;
/** What bin/aanwezig loads first: a cheaper start (src/cli/start-up.ts). */
const START_UP = new URL("../cli/start-up.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "aanwezig-interrupted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KILLED_WRITE = `
import { openDatabase } from ${JSON.stringify(new URL("./connect.ts", import.meta.url).pathname)};
import { markWriteRunning } from ${JSON.stringify(new URL("./interrupted-write.ts", import.meta.url).pathname)};
const dir = process.argv[2];
const db = await openDatabase(dir);
markWriteRunning(dir, "import attendance");
await db.transaction(async (tx) => {
  await tx.exec(\`INSERT INTO attendance_history (pupil_id, date, period, new_school_id,
                   new_minutes, new_reason, changed_by)
                 SELECT 'P' || g, date '2026-03-02', '1', '34CD00', 50, 'sick', 'import:x.csv'
                 FROM generate_series(1, 200000) g\`);

  process.kill(process.pid, "SIGKILL");
});
`;

async function historySize(path: string): Promise<number> {
  const db = await openDatabase(path);
  try {
    const [row] = await db.sql.query<{ bytes: number }>(
      "SELECT pg_relation_size('attendance_history')::int AS bytes",
    );
    return row?.bytes ?? -1;
  } finally {
    await db.close();
  }
}

describe("a PGlite directory after a killed import", () => {
  it("is vacuumed on the next open: the dead rows' pages are given back", async () => {
    const path = join(dir, "db");
    await migratedPgliteDirectory(path);
    const db = await openDatabase(path);
    await migrateDatabase(db);
    await db.close();
    const before = await historySize(path);
    const script = join(dir, "killed-write.ts");
    writeFileSync(script, KILLED_WRITE);
    const child = spawnSync(
      NODE,
      ["--disable-warning=ExperimentalWarning", "--import", START_UP, script, path],
      {
        encoding: "utf8",
      },
    );
    expect(child.signal, child.stderr).toBe("SIGKILL");
    expect(existsSync(join(path, "aanwezig-write-running"))).toBe(true);
    const after = await historySize(path);
    expect(after).toBe(before);
    expect(existsSync(join(path, "aanwezig-write-running"))).toBe(false);
  }, 120_000);
});

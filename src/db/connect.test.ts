import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { type Database, openDatabase } from "./connect.ts";
import { DatabaseLockedError } from "./lock.ts";
import { migrateDatabase } from "./migrate.ts";

describe.each(engines())("schema on $name", (engine) => {
  // One copy of the migrated database for the tests that leave it as it was.
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => dispose());

  it("migrates to the import tables and migrating again changes nothing", async () => {
    await migrateDatabase(db);
    const tables = await db.sql.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["attendance", "attendance_history", "import_log", "schools"]),
    );
  });

  it.runIf(engine.name === "postgres")(
    "survives the server ending an idle connection and answers the next query",
    async () => {
      const { db, spec, dispose } = await engine.fresh();
      try {
        const [own] = await db.sql.query<{ pid: number }>("select pg_backend_pid() as pid");
        const name = new URL(spec).pathname.slice(1);
        const admin = await openDatabase(spec.replace(`/${name}`, "/postgres"));
        try {
          await admin.sql.query("select pg_terminate_backend($1)", [own?.pid]);
        } finally {
          await admin.close();
        }
        // The idle client's 'error' arrives on its own; without a handler the process ends here.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const rows = await db.sql.query<{ one: number }>("select 1 as one");
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await dispose();
      }
    },
  );

  it("rolls a failed transaction back completely", async () => {
    expect(await db.sql.query("select * from population")).toHaveLength(0);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          "insert into population values ('X1','A','B','2015-01-01','Stad','2015-01-01')",
        );
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await db.sql.query("select * from population");
    expect(rows).toHaveLength(0);
  });
});

describe("embedded database directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("admits one process at a time and names the holder", async () => {
    const first = await openDatabase(dir);
    try {
      // Same process may not open it twice either: PGlite is single-user.
      const lockFile = join(dir, "aanwezig.lock");
      const { writeFileSync } = await import("node:fs");
      // Simulate another live process (pid 1 always exists) holding the lock.
      writeFileSync(lockFile, "1");
      await expect(openDatabase(dir)).rejects.toBeInstanceOf(DatabaseLockedError);
      writeFileSync(lockFile, String(process.pid));
    } finally {
      await first.close();
    }
    const again = await openDatabase(dir);
    await again.close();
  });

  it("leaves no exit listener behind once closed", async () => {
    // A server or a reused test worker opens and closes many directories; each lock it held
    // must not keep a listener on `process` (Node warns from the 11th, on stderr).
    const before = process.listenerCount("exit");
    for (let i = 0; i < 3; i++) {
      const db = await openDatabase(dir);
      expect(process.listenerCount("exit")).toBe(before + 1);
      await db.close();
    }
    expect(process.listenerCount("exit")).toBe(before);
  });
});

// The caches of signals and monitor figures (monitor-cache.ts) are kept until their fingerprint
// changes. A re-import of an unchanged file changes no row, so it must not change a fingerprint:
// the soak run re-imports one small file every few seconds, and each import threw every cached
// signal evaluation away (docs/reliability.md "Soak run"). A file that changes a row, and any
// statement that changes a row of a region table, still must.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { dataFingerprint } from "./monitor-cache.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "scope;start_date;end_date;name";

describe.each(engines())("cache fingerprints on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => {
    await dispose();
  });

  const both = async () => ({
    data: await dataFingerprint(db.sql, "data"),
    signals: await dataFingerprint(db.sql, "signal_inputs"),
  });
  const version = async () =>
    (
      await db.sql.query<{ version: string }>(
        "select version::text from data_versions where name = 'region'",
      )
    )[0]?.version;

  it("an unchanged re-import keeps both fingerprints; a changed row changes both", async () => {
    const file = `${HEADER}\nall;2030-06-03;2030-06-03;studiedag\n`;
    expect(await importText(db, dir, "closures", file, "first")).toMatchObject({
      outcome: "imported",
      inserted: 1,
    });
    const before = await both();
    for (const name of ["again", "again2"]) {
      expect(await importText(db, dir, "closures", file, name)).toMatchObject({
        outcome: "imported",
        inserted: 0,
        updated: 0,
      });
      expect(await both()).toEqual(before);
    }
    // A rejected file changes nothing either (an unknown school).
    const rejected = await importText(
      db,
      dir,
      "closures",
      `${HEADER}\n99ZZ00;2030-06-04;2030-06-04;x\n`,
      "rejected",
    );
    expect(rejected.outcome).not.toBe("imported");
    expect(await both()).toEqual(before);

    const changed = await importText(
      db,
      dir,
      "closures",
      `${HEADER}\nall;2030-06-03;2030-06-03;studiedag (verzet)\n`,
      "changed",
    );
    expect(changed).toMatchObject({ outcome: "imported", updated: 1 });
    const after = await both();
    expect(after.data).not.toBe(before.data);
    expect(after.signals).not.toBe(before.signals);
  });

  it("the region's data version rises with a statement that changed a row, not with one that changed none", async () => {
    const start = await version();
    await db.sql.exec("delete from closures where name = 'no such closure'");
    await db.sql.exec("update closures set name = name || '' where false");
    expect(await version()).toBe(start);
    const signals = await dataFingerprint(db.sql, "signal_inputs");

    // By any path (psql too): a row deleted outside an import.
    await db.sql.exec("delete from closures where start_date = '2030-06-03'");
    const deleted = await version();
    expect(BigInt(deleted ?? 0)).toBe(BigInt(start ?? 0) + 1n);
    expect(await dataFingerprint(db.sql, "signal_inputs")).not.toBe(signals);
    await db.sql.exec(
      "insert into closures (scope, start_date, end_date, name) values ('all', '2030-06-05', '2030-06-05', 'x')",
    );
    await db.sql.exec("update closures set name = 'y' where start_date = '2030-06-05'");
    expect(BigInt((await version()) ?? 0)).toBe(BigInt(deleted ?? 0) + 2n);
  });
});

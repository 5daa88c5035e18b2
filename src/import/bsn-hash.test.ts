// Issue 18 (minimisation) on both engines: a pupils file may carry a `bsn` column for matching,
// but the BSN is never stored — only its HMAC under the region key lands in pupils.bsn_hash, and
// no column of any table holds the number; an invalid BSN is refused with line and column.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { bsnHash, regionKey } from "../services/region-key.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BSN = "111222333";

describe.each(engines())("BSN in a pupils import on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => dispose());

  it("stores only the keyed hash of a BSN, nowhere the number", async () => {
    const result = await importText(
      db,
      dir,
      "pupils",
      `pupil_id;given_name;family_name;birth_date;municipality;bsn\nP001;Anna;Jansen;2015-04-01;Utrecht;${BSN}\nP002;Bram;de Vries;2016-01-15;Utrecht;\n`,
    );
    expect(result).toMatchObject({ outcome: "imported", inserted: 2 });
    const key = await regionKey(db.sql);
    expect(await db.sql.query("select pupil_id, bsn_hash from pupils order by 1")).toEqual([
      { pupil_id: "P001", bsn_hash: bsnHash(key, BSN) },
      { pupil_id: "P002", bsn_hash: null },
    ]);
    const tables = await db.sql.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
    );
    for (const { name } of tables) {
      const [row] = await db.sql.query<{ n: string }>(
        `select count(*) as n from "${name}" x where x::text like '%' || $1 || '%'`,
        [BSN],
      );
      expect(Number(row?.n), name).toBe(0);
    }
  });

  it("refuses a number that fails the elfproef, naming line and column", async () => {
    const result = await importText(
      db,
      dir,
      "pupils",
      "pupil_id;given_name;family_name;birth_date;municipality;bsn\nP003;Cas;Bakker;2011-09-30;Utrecht;123456780\n",
    );
    expect(result.outcome).toBe("rejected");
    expect(JSON.stringify(result)).toMatch(/bsn/);
    expect(JSON.stringify(result)).toMatch(/elfproef/);
  });
});

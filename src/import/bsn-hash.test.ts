// Issue 18 (minimisation) on both engines: a pupils or population file may carry a `bsn` column
// for matching, but the BSN is never stored — only its HMAC under the region key lands in
// pupils.bsn_hash / population.bsn_hash, and no column of any table holds the number (nor any
// other BSN-shaped value); an invalid BSN is refused with line and column.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { bsnHash, regionKey } from "../services/region-key.ts";
import { isProbablyBsn } from "./row-reader.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BSN = "111222333";
const REGISTER_BSN = "123456782";
const SECOND_BSN = "244444444";

/** Every public table with a row whose text holds a 9-digit number passing the elfproef. */
async function tablesWithBsnShapedValues(db: Database): Promise<string[]> {
  const tables = await db.sql.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await db.sql.query<{ text: string }>(
      `select x::text as text from "${name}" x where x::text ~ '(^|[^0-9a-f])[0-9]{9}([^0-9a-f]|$)'`,
    );
    const numbers = rows.flatMap((r) => r.text.match(/(?<![0-9a-f])\d{9}(?![0-9a-f])/g) ?? []);
    if (numbers.some(isProbablyBsn)) found.push(name);
  }
  return found;
}

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

  it("stores only the keyed hash of a population file's BSN, also on the pupil it names", async () => {
    const result = await importText(
      db,
      dir,
      "population",
      `person_id,given_name,family_name,birth_date,municipality,registered_from,bsn\nX900,Dirk,Smit,2012-05-05,Utrecht,2012-05-05,${REGISTER_BSN}\nP002,Bram,de Vries,2016-01-15,Utrecht,2016-01-15,\nP003,Cas,Bakker,2011-09-30,Utrecht,2011-09-30,\n`,
    );
    expect(result).toMatchObject({ outcome: "imported", inserted: 3 });
    const key = await regionKey(db.sql);
    expect(await db.sql.query("select person_id, bsn_hash from population order by 1")).toEqual([
      { person_id: "P002", bsn_hash: null },
      { person_id: "P003", bsn_hash: null },
      { person_id: "X900", bsn_hash: bsnHash(key, REGISTER_BSN) },
    ]);
    expect(await tablesWithBsnShapedValues(db)).toEqual([]);
  });

  it("gives a pupil without a hash the register's, keeping the pupils file's own", async () => {
    const other = "100000009";
    const result = await importText(
      db,
      dir,
      "population",
      `person_id,given_name,family_name,birth_date,municipality,registered_from,bsn\nP001,Anna,Jansen,2015-04-01,Utrecht,2015-04-01,${other}\nP002,Bram,de Vries,2016-01-15,Utrecht,2016-01-15,${SECOND_BSN}\n`,
    );
    expect(result).toMatchObject({ outcome: "imported" });
    const key = await regionKey(db.sql);
    expect(await db.sql.query("select pupil_id, bsn_hash from pupils order by 1")).toEqual([
      { pupil_id: "P001", bsn_hash: bsnHash(key, BSN) },
      { pupil_id: "P002", bsn_hash: bsnHash(key, SECOND_BSN) },
    ]);
    expect(await tablesWithBsnShapedValues(db)).toEqual([]);
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

// CSV hygiene (issue 13, docs/security.md "Input hygiene"): characters no input may hold, ids by
// kind, text lengths and NFC — each a row error naming line and column; the file imports nothing.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import { importRegion, importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PUPILS = "pupil_id;given_name;family_name;birth_date;municipality";
const ATTENDANCE = "pupil_id;school_id;date;period;minutes;reason;note";

describe.each(engines())("CSV hygiene on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => {
    await emptyDatabase(db);
  });
  afterAll(async () => {
    await dispose();
  });

  it("refuses invisible, bidi and control characters and bad ids, naming line and column", async () => {
    const rows = [
      PUPILS,
      "P100;Anna;Jansen;2015-04-01;Utrecht",
      "P001\u200B;Anna;Jansen;2015-04-01;Utrecht", // zero-width space: a second "same" pupil
      "P102;\u202Eokleb;Visser;2015-04-01;Utrecht", // right-to-left override in a name
      "P103;Sem\tTim;Smit;2015-04-01;Utrecht", // tab in a one-line field
      "P 104;Ties;Smit;2015-04-01;Utrecht", // not an id
      `P105;${"a".repeat(201)};Smit;2015-04-01;Utrecht`,
      "P106;Lot;Smit;2015-04-01;Utr\u0000echt",
      "P107;E\uFFFDlco;Smit;2015-04-01;Utrecht", // a name another program could not read
    ];
    const result = await importText(db, dir, "pupils", `${rows.join("\n")}\n`);
    expect(result.outcome).toBe("rejected");
    expect(result.errors).toEqual([
      { line: 3, column: "pupil_id", reason: expect.stringContaining("U+200B") },
      { line: 4, column: "given_name", reason: expect.stringContaining("U+202E") },
      { line: 5, column: "given_name", reason: expect.stringContaining("tab of regeleinde") },
      { line: 6, column: "pupil_id", reason: expect.stringContaining("geen geldig id") },
      { line: 7, column: "given_name", reason: expect.stringContaining("hoogstens 200") },
      { line: 8, column: "municipality", reason: expect.stringContaining("U+0000") },
      { line: 9, column: "given_name", reason: expect.stringContaining("U+FFFD") },
    ]);
    expect(await db.sql.query("SELECT pupil_id FROM pupils")).toEqual([]);
  });

  it("refuses a NUL in a note and a bad school id; a note keeps its tab and line break", async () => {
    await importRegion(db, dir);
    const bad = [
      ATTENDANCE,
      "P001;12AB00;2026-03-02;am;180;sick;koorts",
      "P001;12AB00;2026-03-02;pm;150;sick;met\u0000nul",
      "P003;34cd00;2026-03-03;1;50;truant;",
    ];
    const refused = await importText(db, dir, "attendance", `${bad.join("\n")}\n`);
    expect(refused.errors).toEqual([
      { line: 3, column: "note", reason: expect.stringContaining("U+0000") },
      { line: 4, column: "school_id", reason: expect.stringContaining("geen schoolcode") },
    ]);
    expect(await db.sql.query("SELECT count(*)::int AS n FROM attendance")).toEqual([{ n: 0 }]);
    const good = `${ATTENDANCE}\nP001;12AB00;2026-03-02;am;180;sick;"koorts\tthuis\r\nbelt terug"\n`;
    expect(await importText(db, dir, "attendance", good)).toMatchObject({ inserted: 1 });
    expect(await db.sql.query("SELECT note FROM attendance")).toEqual([
      { note: "koorts\tthuis\r\nbelt terug" },
    ]);
  });

  it("stores names in NFC, so a decomposed name is the same name", async () => {
    const decomposed = "Ee\u0308lco"; // e + combining diaeresis
    const text = `${PUPILS}\nP200;${decomposed};C\u0327elik;2015-04-01;Utrecht\n`;
    expect(await importText(db, dir, "pupils", text)).toMatchObject({ inserted: 1 });
    expect(await db.sql.query("SELECT given_name, family_name FROM pupils")).toEqual([
      { given_name: "E\u00EBlco", family_name: "\u00C7elik" },
    ]);
    const again = await importText(db, dir, "pupils", text.normalize("NFC"));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it("checks a closure's scope: a school id or a region", async () => {
    const text = "scope,start_date,end_date,name\n12ab00,2026-03-25,2026-03-25,studiedag\n";
    const result = await importText(db, dir, "closures", text);
    expect(result.errors).toEqual([
      { line: 2, column: "scope", reason: expect.stringContaining("geen schoolcode") },
    ]);
  });
});

import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import {
  ATTENDANCE,
  BASE_KINDS,
  importRegion,
  importText,
  REGION,
  tempDir,
  writeCsv,
} from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { ImportFileNotFound, importFile } from "./run-import.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(engines())("import on $name", (engine) => {
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

  it("imports every kind into its tables and logs each run", async () => {
    for (const kind of BASE_KINDS) {
      const result = await importText(db, dir, kind, REGION[kind]);
      expect(result, kind).toMatchObject({ outcome: "imported", updated: 0, unchanged: 0 });
      expect(result.inserted).toBe(REGION[kind].trim().split("\n").length - 1);
    }
    const attendance = await importText(db, dir, "attendance", ATTENDANCE);
    expect(attendance).toMatchObject({ rows: 5, inserted: 5, updated: 0, unchanged: 0 });

    expect(await db.sql.query("SELECT school_id, minutes_wed FROM schools ORDER BY 1")).toEqual([
      { school_id: "12AB00", minutes_wed: 210 },
      { school_id: "34CD00", minutes_wed: 400 },
    ]);
    expect(await db.sql.query("SELECT pupil_id, name, email FROM pupil_contacts")).toEqual([
      { pupil_id: "P001", name: "Ouder Jansen", email: "ouder@example.org" },
    ]);
    expect(
      await db.sql.query(
        "SELECT pupil_id, grade, end_date FROM enrolments WHERE pupil_id = 'P001'",
      ),
    ).toEqual([{ pupil_id: "P001", grade: "5", end_date: null }]);
    expect(
      await db.sql.query("SELECT pupil_id, advice_partnership, advice_doctor FROM exemptions"),
    ).toEqual([{ pupil_id: "X900", advice_partnership: true, advice_doctor: false }]);
    const log = await db.sql.query<{ kind: string; outcome: string; checksum: string }>(
      "SELECT kind, outcome, checksum, actor FROM import_log ORDER BY id",
    );
    expect(log.map((l) => l.kind)).toEqual([...BASE_KINDS, "attendance"]);
    expect(log.every((l) => l.outcome === "imported" && /^[0-9a-f]{64}$/.test(l.checksum))).toBe(
      true,
    );
  });

  it("changes nothing when the same files are imported again", async () => {
    await importRegion(db, dir);
    await importText(db, dir, "attendance", ATTENDANCE);
    for (const kind of BASE_KINDS) {
      const again = await importText(db, dir, kind, REGION[kind]);
      expect(again, kind).toMatchObject({ inserted: 0, updated: 0 });
      expect(again.unchanged).toBe(again.rows);
    }
    const again = await importText(db, dir, "attendance", ATTENDANCE);
    expect(again).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 5 });
    const [history] = await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM attendance_history",
    );
    expect(history?.n).toBe(5);
  });

  it("updates a changed row by its natural key and counts it as updated", async () => {
    await importRegion(db, dir);
    const changed = REGION.pupils.replace("P003;Cas;Bakker", "P003;Cas;Bakker-Smit");
    const result = await importText(db, dir, "pupils", changed);
    expect(result).toMatchObject({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
    const contactGone = REGION.pupils.replace("Ouder Jansen;ouder@example.org;0612345678", ";;");
    expect(await importText(db, dir, "pupils", contactGone)).toMatchObject({ updated: 2 });
    expect(await db.sql.query("SELECT * FROM pupil_contacts")).toEqual([]);
  });

  it("imports nothing from a file with one bad row and reports every bad line", async () => {
    await importRegion(db, dir);
    const file = [
      "pupil_id;school_id;date;period;minutes;reason;note",
      "P001;12AB00;2026-03-02;am;180;sick;",
      "P001;12AB00;2026-02-30;pm;60;sick;", // line 3: no such date
      "",
      'P003;34CD00;2026-03-03;1;50;truant;"meerdere',
      'regels"', // the record of line 5 spans two lines
      "P003;34CD00;2026-03-03;2;-5;sick;", // line 7: negative minutes
      "P003;34CD00;2026-03-03;11;50;ziek;", // line 8: period and reason
      "P009;34CD00;2026-03-05;1;50;sick;", // line 9: unknown pupil
    ].join("\n");
    const result = await importText(db, dir, "attendance", file);
    expect(result.outcome).toBe("rejected");
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "date"],
      [7, "minutes"],
      [8, "period"],
      [8, "reason"],
      [9, "pupil_id"],
    ]);
    expect(result.errorsTotal).toBe(5);
    expect(await db.sql.query("SELECT * FROM attendance")).toEqual([]);
    expect(await db.sql.query("SELECT * FROM attendance_history")).toEqual([]);
    const [log] = await db.sql.query<{ outcome: string; errors: unknown[] }>(
      "SELECT outcome, errors FROM import_log WHERE kind = 'attendance'",
    );
    expect(log?.outcome).toBe("rejected");
    expect(log?.errors).toHaveLength(5);
  });

  it("rejects a row with a value beyond the header's columns; empty trailing fields are fine", async () => {
    await importRegion(db, dir);
    const file = [
      "pupil_id;school_id;date;period;minutes;reason;note",
      "P001;12AB00;2026-03-02;am;180;sick;;", // a spreadsheet's closing separator
      "P001;12AB00;2026-03-02;pm;60;sick;gebeld; moeder ziek", // line 3: unquoted separator
    ].join("\n");
    const result = await importText(db, dir, "attendance", file);
    expect(result.outcome).toBe("rejected");
    expect(result.errors).toEqual([
      {
        line: 3,
        column: "note",
        reason: expect.stringContaining("regel heeft 8 velden, de kopregel 7"),
      },
    ]);
    expect(await db.sql.query("SELECT * FROM attendance")).toEqual([]);
    const quoted = file.replace("gebeld; moeder ziek", '"gebeld; moeder ziek"');
    expect(await importText(db, dir, "attendance", quoted)).toMatchObject({ inserted: 2 });
  });

  it("rejects a row with fewer fields than the header, naming the first missing column", async () => {
    await importRegion(db, dir);
    // Cut off mid-row, without a final newline: the last value would be stored as "Utr".
    const cut = REGION.pupils.replace(
      /P003;Cas;Bakker;2011-09-30;Utrecht;;;\n$/,
      "P003;Cas;Bakker;2011-09-30;Utr",
    );
    const result = await importText(db, dir, "pupils", cut);
    expect(result.outcome).toBe("rejected");
    expect(result.errors).toEqual([
      {
        line: 4,
        column: "parent_name",
        reason: expect.stringContaining("te weinig velden (5 van 8): kolom parent_name ontbreekt"),
      },
    ]);
    expect(await db.sql.query("SELECT municipality FROM pupils WHERE pupil_id = 'P003'")).toEqual([
      { municipality: "Utrecht" },
    ]);
    // A complete last line without a final newline stays valid.
    const whole = REGION.pupils
      .replace(/\n$/, "")
      .replace("P003;Cas;Bakker", "P003;Cas;Bakker-Smit");
    expect(await importText(db, dir, "pupils", whole)).toMatchObject({ updated: 1 });
    // A file ending inside a quoted value is an error on the row where the value starts.
    const open = `${REGION.pupils}P004;Dewi;"Ko`;
    expect((await importText(db, dir, "pupils", open)).errors).toMatchObject([
      { line: 5, reason: expect.stringContaining("afgekapt") },
    ]);
  });

  it("reads `,` and `;`, a BOM, quoted fields and free column order", async () => {
    const schools =
      "\uFEFFholiday_region,minutes_mon,minutes_tue,minutes_wed,minutes_thu,minutes_fri,school_id," +
      'name,sector,municipality,partnership,extra\nnoord,300,300,300,300,300,56EF00,"School, de ""Ster""",' +
      "po,Groningen,PO2001,genegeerd\n";
    expect(await importText(db, dir, "schools", schools)).toMatchObject({ inserted: 1 });
    expect(await db.sql.query("SELECT name FROM schools")).toEqual([{ name: 'School, de "Ster"' }]);
    const semicolons = `\uFEFF${REGION.schools}`;
    expect(await importText(db, dir, "schools", semicolons)).toMatchObject({ inserted: 2 });
  });

  it("names a missing column, accepts a header-only file and rejects an empty one", async () => {
    const missing = await importText(db, dir, "population", "person_id,given_name\nX1,Eva\n");
    expect(missing.outcome).toBe("rejected");
    expect(missing.errors.map((e) => [e.line, e.column])).toEqual([
      [1, "birth_date"],
      [1, "family_name"],
      [1, "municipality"],
      [1, "registered_from"],
    ]);
    const headerOnly = REGION.population.split("\n")[0]!;
    expect(await importText(db, dir, "population", headerOnly)).toMatchObject({
      outcome: "imported",
      rows: 0,
      inserted: 0,
    });
    const empty = await importText(db, dir, "population", "");
    expect(empty).toMatchObject({ outcome: "rejected", errors: [{ line: 1 }] });
  });

  it("rejects a duplicate natural key on the later line and unknown references", async () => {
    const dup = `${REGION.population}X901,Eva,Smit,2013-01-01,Utrecht,2013-01-01\nX900,Dirk,Smit,2012-05-05,Utrecht,2012-05-05\n`;
    const result = await importText(db, dir, "population", dup);
    expect(result.errors).toEqual([
      { line: 4, column: "person_id", reason: expect.stringContaining("regel 2") },
    ]);
    const enrolments = await importText(db, dir, "enrolments", REGION.enrolments);
    expect(enrolments.errorsTotal).toBe(6); // 3 unknown pupils, 3 unknown schools
    const exemption = await importText(db, dir, "exemptions", REGION.exemptions);
    expect(exemption.errors).toMatchObject([{ line: 2, column: "pupil_id" }]);
  });

  it("checks codes, dates and end ≥ start", async () => {
    const closures = "scope;start_date;end_date;name\nmidden;2026-05-01;2026-04-30;mei\n";
    expect((await importText(db, dir, "closures", closures)).errors).toMatchObject([
      { line: 2, column: "end_date" },
    ]);
    const schools = REGION.schools.replace(";po;", ";basis;").replace(";midden;400", ";west;400");
    expect((await importText(db, dir, "schools", schools)).errors).toMatchObject([
      { line: 2, column: "sector" },
      { line: 3, column: "holiday_region" },
    ]);
    const bsn = REGION.population.replace("X900", "111222333");
    expect((await importText(db, dir, "population", bsn)).errors).toMatchObject([
      { line: 2, column: "person_id", reason: expect.stringContaining("BSN") },
    ]);
  });

  it("refuses a file that does not exist", async () => {
    await expect(
      importFile(db, { kind: "schools", path: `${writeCsv(dir, "x.csv", "")}.nope` }),
    ).rejects.toBeInstanceOf(ImportFileNotFound);
  });
});

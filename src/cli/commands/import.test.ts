// The import command as a user runs it: exit codes 0/1/2 and FILE:LINE:COLUMN lines on stderr.
// Most runs go through the CLI's entry function in this process (runCliInProcess: the same
// parsing, commands, exit code and output, without starting Node each time); the runs that
// check the binary's contract (exit 0 with its summary, exit 1 with FILE:LINE:COLUMN, exit 2)
// start bin/aanwezig as a child process (`spawned`).
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliInProcess } from "../../../test/support/cli-process.ts";
import { engines, migratedPgliteDirectory } from "../../../test/support/databases.ts";
import { REGION, tempDir, writeCsv } from "../../../test/support/import-files.ts";
import { openDatabase } from "../../db/connect.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { insertMapping } from "../../db/repositories/import-mappings.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aanwezig(db: string, ...args: string[]) {
  return runCliInProcess(dir, db, args);
}

/** bin/aanwezig as a child process, for the runs that check the binary itself. */
function spawned(db: string, ...args: string[]) {
  return runCli(dir, db, args);
}

interface Target {
  name: string;
  spec: string;
  dispose(): Promise<void>;
}

async function targets(): Promise<Target[]> {
  // The migrated template, as an installation has after `migrate` (no initdb here).
  await migratedPgliteDirectory(join(dir, "db"));
  const list: Target[] = [
    { name: "pglite directory", spec: join(dir, "db"), dispose: async () => {} },
  ];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await fresh.db.close(); // the child process opens its own connection
    list.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  return list;
}

describe("aanwezig import (command line)", async () => {
  const all = await targets();
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    beforeAll(() => {
      writeCsv(dir, "schools.csv", REGION.schools);
      writeCsv(dir, "pupils.csv", REGION.pupils);
    });

    it("imports, then reports the same file as unchanged in JSON (exit 0)", async () => {
      const first = spawned(target.spec, "import", "schools", "schools.csv");
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("2 nieuw");
      // A finished import leaves no "interrupted write" mark in a PGlite directory.
      expect(existsSync(join(dir, "db", "aanwezig-write-running"))).toBe(false);
      const again = await aanwezig(
        target.spec,
        "--format",
        "json",
        "import",
        "schools",
        "schools.csv",
      );
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        kind: "schools",
        file: "schools.csv",
        outcome: "imported",
        rows: 2,
        inserted: 0,
        updated: 0,
        unchanged: 2,
        errors: [],
      });
    });

    it("rejects a file with bad rows: exit 1, FILE:LINE:COLUMN on stderr, JSON on stdout", async () => {
      expect((await aanwezig(target.spec, "import", "pupils", "pupils.csv")).code).toBe(0);
      writeCsv(
        dir,
        "bad.csv",
        [
          "pupil_id,school_id,date,period,minutes,reason",
          "P001,12AB00,2026-03-02,am,180,sick",
          "P001,12AB00,2026-03-08,am,180,sick", // Sunday
          "P003,34CD00,2026-03-03,1,50,spijbelen",
        ].join("\n"),
      );
      const run = spawned(target.spec, "import", "attendance", "bad.csv", "--format", "json");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^bad\.csv:3:date: .*geen schooldag/m);
      expect(run.stderr).toMatch(/^bad\.csv:4:reason: /m);
      const json = JSON.parse(run.stdout);
      expect(json).toMatchObject({ outcome: "rejected", inserted: 0 });
      expect(json.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    });

    it("counts errors, not rows, in the rejection line (one row can have several)", async () => {
      writeCsv(
        dir,
        "twice.csv",
        [
          "pupil_id,given_name,family_name,birth_date,municipality",
          "P9,,X,2015-13-01,Utrecht",
        ].join("\n"),
      );
      const run = await aanwezig(target.spec, "import", "pupils", "twice.csv");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^twice\.csv:2:given_name: /m);
      expect(run.stderr).toMatch(/^twice\.csv:2:birth_date: /m);
      expect(run.stderr).toContain("afgewezen, 2 fouten");
    });

    it("rejects a pupils file cut off mid-row (exit 1) and leaves the pupil as it was", async () => {
      const header =
        "pupil_id;given_name;family_name;birth_date;municipality;parent_name;parent_email;parent_phone";
      const whole = `${header}\nP777;Fenna;Visser;2014-06-01;Voorbeeldstad;Ouder Visser;;\n`;
      writeCsv(dir, "whole.csv", whole);
      expect((await aanwezig(target.spec, "import", "pupils", "whole.csv")).code).toBe(0);
      writeCsv(dir, "cut.csv", whole.slice(0, whole.indexOf("Voorbeeldstad") + 3));
      const cut = await aanwezig(target.spec, "import", "pupils", "cut.csv");
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(
        /^cut\.csv:2:parent_name: te weinig velden \(5 van 8\): kolom parent_name ontbreekt/m,
      );
      // Importing the whole file again changes nothing: P777 still lives in Voorbeeldstad.
      const again = await aanwezig(
        target.spec,
        "--format",
        "json",
        "import",
        "pupils",
        "whole.csv",
      );
      expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
      writeCsv(dir, "quote.csv", `${header}\nP777;Fenna;Visser;2014-06-01;"Voo`);
      const quote = await aanwezig(target.spec, "import", "pupils", "quote.csv");
      expect(quote.code).toBe(1);
      expect(quote.stderr).toMatch(/^quote\.csv:2:: .*afgekapt/m);
    });

    it("refuses a Windows-1252 file naming the line (exit 1); --encoding windows-1252 imports it", async () => {
      const text = `pupil_id;given_name;family_name;birth_date;municipality\nP600;Anna;Smit;2015-01-01;Ede\nP601;Eëlco;Çelik;2015-04-01;Utrecht\n`;
      writeFileSync(join(dir, "excel.csv"), Buffer.from(text, "latin1"));
      const list = async () =>
        JSON.parse(
          (
            await aanwezig(
              target.spec,
              "--format",
              "json",
              "import",
              "pupils",
              "excel.csv",
              "--encoding",
              "latin1",
            )
          ).stdout,
        );
      const refused = await aanwezig(
        target.spec,
        "--format",
        "json",
        "import",
        "pupils",
        "excel.csv",
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^excel\.csv:3:: .*geen geldige UTF-8.*--encoding windows-1252/m,
      );
      expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: "rejected", inserted: 0 });
      // Nothing was imported: the first run with the encoding inserts both pupils.
      expect(await list()).toMatchObject({ outcome: "imported", inserted: 2 });
      const again = await aanwezig(
        target.spec,
        "import",
        "pupils",
        "excel.csv",
        "--encoding",
        "windows-1252",
      );
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain("2 ongewijzigd");
      expect(
        (await aanwezig(target.spec, "import", "pupils", "excel.csv", "--encoding", "ebcdic")).code,
      ).toBe(2);
    });

    it("reads a school system's own export through a saved mapping with --mapping (its encoding too)", async () => {
      const db = await openDatabase(target.spec);
      try {
        await migrateDatabase(db);
        await insertMapping(
          db.sql,
          {
            name: "ParnasSys leerlingen",
            kind: "pupils",
            schoolId: null,
            encoding: "windows-1252",
            columns: {
              pupil_id: "Leerlingnummer",
              given_name: "Roepnaam",
              family_name: "Achternaam",
              birth_date: "Geboortedatum",
              municipality: "Woonplaats",
            },
            fixed: {},
            values: {},
            dates: {},
          },
          "test",
        );
      } finally {
        await db.close();
      }
      const text =
        "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Woonplaats\nP620;Eëlco;Ünal;2015-02-01;Ede\n";
      writeFileSync(join(dir, "parnassys.csv"), Buffer.from(text, "latin1"));
      const run = await aanwezig(
        target.spec,
        "--format",
        "json",
        "import",
        "pupils",
        "parnassys.csv",
        "--mapping",
        "parnassys leerlingen",
      );
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ outcome: "imported", inserted: 1 });
      const unknown = await aanwezig(
        target.spec,
        "import",
        "pupils",
        "parnassys.csv",
        "--mapping",
        "Magister",
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("kolomindeling 'Magister' bestaat niet");
      const otherKind = await aanwezig(
        target.spec,
        "import",
        "attendance",
        "parnassys.csv",
        "--mapping",
        "ParnasSys leerlingen",
      );
      expect(otherKind.code).toBe(1);
      expect(otherKind.stderr).toContain("is voor pupils-bestanden, niet voor attendance");
      const check = await openDatabase(target.spec);
      try {
        const [row] = await check.sql.query<{ given_name: string }>(
          "select given_name from pupils where pupil_id = 'P620'",
        );
        expect(row?.given_name).toBe("Eëlco");
      } finally {
        await check.close();
      }
    });

    it("names line and column of an invisible or control character (exit 1, nothing imported)", async () => {
      const header = "pupil_id;given_name;family_name;birth_date;municipality";
      const rows = ["P610;Anna;Smit;2015-01-01;Ede", "P611\u200B;Bo;Smit;2015-01-01;Ede"];
      rows.push("P612;\u202EoB;Smit;2015-01-01;Ede");
      writeCsv(dir, "hidden.csv", `${[header, ...rows].join("\n")}\n`);
      const run = await aanwezig(target.spec, "--format", "json", "import", "pupils", "hidden.csv");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^hidden\.csv:3:pupil_id: .*U\+200B/m);
      expect(run.stderr).toMatch(/^hidden\.csv:4:given_name: .*U\+202E/m);
      expect(JSON.parse(run.stdout)).toMatchObject({ outcome: "rejected", inserted: 0 });
    });

    it("imports UTF-8 with a BOM", async () => {
      const text =
        "\uFEFFpupil_id;given_name;family_name;birth_date;municipality\nP602;Zoë;Ünal;2015-01-01;Ede\n";
      writeCsv(dir, "bom.csv", text);
      const run = await aanwezig(target.spec, "--format", "json", "import", "pupils", "bom.csv");
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ outcome: "imported", inserted: 1 });
    });

    it("exits 2 on usage errors and 1 on a missing file", async () => {
      // A usage error ends before any database is opened: the binary's exit status for it is
      // checked once (on the PGlite directory); on PostgreSQL the same parse in this process.
      const usage = ["import", "leerlingen", "pupils.csv"];
      const unknownKind =
        target.name === "pglite directory"
          ? spawned(target.spec, ...usage)
          : await aanwezig(target.spec, ...usage);
      expect(unknownKind.code).toBe(2);
      expect((await aanwezig(target.spec, "import", "pupils")).code).toBe(2);
      const missing = await aanwezig(target.spec, "import", "pupils", "nergens.csv");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("nergens.csv");
    });
  });
});

// `aanwezig mappings` (issue 14 item 3) as a script runs it: a mapping saved from a JSON file
// (the API's body, the same validation and messages), listed, shown, replaced by name and
// removed; an import through it converts the source's dates and names line and source column of
// one it cannot read; every change is in the audit trail with the role "cli". Both engines.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, seededTargets } from "../../../test/support/cli-process.ts";
import { openDatabase } from "../../db/connect.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-mappings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aanwezig = (db: string, ...args: string[]) => runCliInProcess(dir, db, args);

const MAPPING = {
  name: "ParnasSys leerlingen",
  kind: "pupils",
  columns: {
    pupil_id: "Leerlingnummer",
    given_name: "Roepnaam",
    family_name: "Achternaam",
    birth_date: "Geboortedatum",
    municipality: "Woonplaats",
  },
  dates: { birth_date: "dd-mm-jjjj" },
};
const HEADER = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Woonplaats\n";

describe("aanwezig mappings (command line)", async () => {
  const all = await seededTargets(dir, async () => {});
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    it("saves, lists, shows, replaces and deletes a mapping; an import uses its date notation", {
      timeout: 300_000,
    }, async () => {
      expect((await aanwezig(target.spec, "mappings", "list")).stdout).toBe(
        "geen kolomindelingen\n",
      );

      writeFileSync(
        join(dir, "fout.json"),
        JSON.stringify({ ...MAPPING, dates: { given_name: "dd-mm-jjjj" }, columns: { x: "Y" } }),
      );
      const bad = await aanwezig(target.spec, "mappings", "save", "fout.json");
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("fout.json: de kolomindeling is niet opgeslagen");
      expect(bad.stderr).toContain("fout.json: columns.x: 'x' is geen kolom van pupils");
      expect(bad.stderr).toContain(
        "fout.json: dates.given_name: 'given_name' is geen datumkolom van pupils; kies uit birth_date",
      );
      writeFileSync(join(dir, "kapot.json"), "{ name: ");
      expect((await aanwezig(target.spec, "mappings", "save", "kapot.json")).stderr).toContain(
        "kapot.json: geen leesbaar JSON-bestand",
      );

      writeFileSync(join(dir, "parnassys.json"), JSON.stringify(MAPPING));
      const saved = await aanwezig(target.spec, "mappings", "save", "parnassys.json");
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stdout).toBe("kolomindeling 'ParnasSys leerlingen' opgeslagen\n");
      expect((await aanwezig(target.spec, "mappings", "list")).stdout).toBe(
        "ParnasSys leerlingen\tpupils\thele regio\tutf-8\n",
      );
      const shown = JSON.parse(
        (
          await aanwezig(
            target.spec,
            "--format",
            "json",
            "mappings",
            "show",
            "parnassys leerlingen",
          )
        ).stdout,
      );
      expect(shown).toMatchObject({
        name: "ParnasSys leerlingen",
        kind: "pupils",
        school_id: null,
        dates: { birth_date: "dd-mm-jjjj" },
        updated_by: "cli",
      });
      expect(
        (await aanwezig(target.spec, "mappings", "show", "ParnasSys leerlingen")).stdout,
      ).toContain("birth_date : dd-mm-jjjj");

      writeFileSync(join(dir, "leerlingen.csv"), `${HEADER}P620;Eva;Ünal;01-02-2015;Ede\n`);
      const imported = await aanwezig(
        target.spec,
        "--format",
        "json",
        "import",
        "pupils",
        "leerlingen.csv",
        "--mapping",
        "ParnasSys leerlingen",
      );
      expect(imported.code, imported.stderr).toBe(0);
      writeFileSync(
        join(dir, "fout.csv"),
        `${HEADER}P621;Bo;Ünal;03-02-2015;Ede\nP622;Co;Ünal;2015-02-04;Ede\n`,
      );
      const rejected = await aanwezig(
        target.spec,
        "import",
        "pupils",
        "fout.csv",
        "--mapping",
        "ParnasSys leerlingen",
      );
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain("fout.csv:3:Geboortedatum (birth_date)");
      expect(rejected.stderr).toContain(
        "'2015-02-04' is geen datum in de notatie dd-mm-jjjj van kolomindeling 'ParnasSys leerlingen'",
      );

      writeFileSync(
        join(dir, "parnassys.json"),
        JSON.stringify({ ...MAPPING, dates: { birth_date: "jjjj-mm-dd" } }),
      );
      expect((await aanwezig(target.spec, "mappings", "save", "parnassys.json")).stdout).toBe(
        "kolomindeling 'ParnasSys leerlingen' bijgewerkt\n",
      );
      expect(
        (
          await aanwezig(
            target.spec,
            "import",
            "pupils",
            "fout.csv",
            "--mapping",
            "ParnasSys leerlingen",
          )
        ).code,
      ).toBe(1); // the first row's 03-02-2015 is no jjjj-mm-dd date now
      const gone = await aanwezig(target.spec, "mappings", "delete", "ParnasSys leerlingen");
      expect(gone.stdout).toBe("kolomindeling 'ParnasSys leerlingen' verwijderd\n");
      const missing = await aanwezig(target.spec, "mappings", "show", "ParnasSys leerlingen");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("kolomindeling 'ParnasSys leerlingen' bestaat niet");

      const db = await openDatabase(target.spec);
      try {
        const [pupil] = await db.sql.query<{ birth_date: string }>(
          "select birth_date::text as birth_date from pupils where pupil_id = 'P620'",
        );
        expect(pupil?.birth_date).toBe("2015-02-01");
        const audit = await db.sql.query<{ action: string; role: string; route: string }>(
          `select action, role, context->>'route' as route from audit_log
            where resource_type = 'import_mapping' order by id`,
        );
        expect(audit).toEqual([
          { action: "create_import_mapping", role: "cli", route: "cli:mappings save" },
          { action: "update_import_mapping", role: "cli", route: "cli:mappings save" },
          { action: "delete_import_mapping", role: "cli", route: "cli:mappings delete" },
        ]);
      } finally {
        await db.close();
      }
    });
  });
});

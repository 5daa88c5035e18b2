// `aanwezig retention` as an operator runs it (interfaces.md; through the CLI's entry function): a dry run lists per data class what
// would go and changes nothing; the run removes it and says so in Dutch; --format json for
// machines; a bad date is a Dutch error with exit status 2.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, seededTargets } from "../../../test/support/cli-process.ts";
import { writeFullDemo } from "../../demo/fill.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-retention-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("aanwezig retention (command line)", async () => {
  const targets = await seededTargets(dir, async (db) => {
    await writeFullDemo(db, { pupils: 50, seed: 3 });
    await db.sql.query("update enrolments set end_date = '2040-07-31' where end_date is null");
  });
  afterAll(async () => {
    for (const t of targets) await t.dispose().catch(() => {});
  });

  describe.each(targets)("on $name", (target) => {
    it("lists in a dry run, removes in a run, and finds nothing the second time", async () => {
      const dry = await runCliInProcess(dir, target.spec, [
        "retention",
        "--as-of",
        "2060-01-01",
        "--dry-run",
      ]);
      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/proef: er is niets verwijderd/);
      expect(dry.stdout).toMatch(/leerlinggegevens: pupils \d+ rijen zou worden verwijderd/);

      const json = await runCliInProcess(dir, target.spec, [
        "--format",
        "json",
        "retention",
        "--as-of",
        "2060-01-01",
      ]);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as {
        dryRun: boolean;
        counts: { dataClass: string; table: string; rows: number }[];
      };
      expect(report.dryRun).toBe(false);
      const pupilsInDry = Number(/pupils (\d+) rijen/.exec(dry.stdout)?.[1]);
      expect(report.counts.find((c) => c.table === "pupils")?.rows).toBe(pupilsInDry);

      const again = await runCliInProcess(dir, target.spec, ["retention", "--as-of", "2060-01-01"]);
      expect(again.stdout).toMatch(/niets over de termijn/);
    }, 300_000);

    it("refuses a date that is not one", async () => {
      const bad = await runCliInProcess(dir, target.spec, ["retention", "--as-of", "2060-02-30"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--as-of/);
    });
  });
});

// `aanwezig backup FILE` / `aanwezig restore FILE` as an operator runs them (interfaces.md),
// through the CLI's entry function in this process (runCliInProcess); a restore into a new embedded directory gives the same
// signals, and a second restore into the now filled database ends with exit 1 and a Dutch reason.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, seededTargets } from "../../../test/support/cli-process.ts";
import { DEMO_CASES_AS_OF } from "../../demo/cases.ts";
import { writeFullDemo } from "../../demo/fill.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-backup-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("aanwezig backup and restore (command line)", async () => {
  const sources = await seededTargets(dir, (db) =>
    writeFullDemo(db, { pupils: 50, seed: 9 }).then(() => {}),
  );
  afterAll(async () => {
    for (const s of sources) await s.dispose().catch(() => {});
  });

  describe.each(sources)("from $name", (source) => {
    it("restores into a new directory with the same signals; exit 1 on a filled database", async () => {
      const file = join(dir, `${source.name.replace(/\W/g, "-")}.gz`);
      const backup = await runCliInProcess(dir, source.spec, ["backup", file]);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const target = join(dir, `restored-${source.name.replace(/\W/g, "-")}`);
      const restore = await runCliInProcess(dir, target, ["--format", "json", "restore", file]);
      expect(restore.code).toBe(0);
      expect(JSON.parse(restore.stdout).rows).toBeGreaterThan(0);
      const signals = async (spec: string) =>
        (
          await runCliInProcess(dir, spec, [
            "--format",
            "json",
            "signals",
            "--as-of",
            DEMO_CASES_AS_OF,
          ])
        ).stdout;
      expect(await signals(target)).toBe(await signals(source.spec));
      const again = await runCliInProcess(dir, target, ["restore", file]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/de database is niet leeg/);
    }, 900_000); // five runs, each opening (or creating) a database: minutes on a loaded machine
  });
});

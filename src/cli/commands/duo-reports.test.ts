// `aanwezig duo-reports` as a user runs it (through the CLI's entry function) on an embedded
// directory and on PostgreSQL: it prepares the reports at D, prints them with the legally
// required fields as JSON/CSV/text, marks overdue ones, and never rewinds to an earlier date.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../../test/support/absent-days.ts";
import { seedCaseRegion } from "../../../test/support/case-region.ts";
import { runCliInProcess } from "../../../test/support/cli-process.ts";
import { engines, migratedPgliteDirectory } from "../../../test/support/databases.ts";
import { openDatabase } from "../../db/connect.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { EXPORT_COLUMNS } from "../../domain/signals/duo-report-export.ts";

/** The CLI's entry function in this process (runCliInProcess; the binary itself: import.test.ts). */
function aanwezig(db: string, ...args: string[]) {
  return runCliInProcess(process.cwd(), db, args);
}

describe("aanwezig duo-reports (command line)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-duo-"));
  const targets: { name: string; spec: string; dispose(): Promise<void> }[] = [
    { name: "pglite directory", spec: join(dir, "db"), dispose: async () => {} },
  ];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await fresh.db.close(); // the command opens its own connection
    targets.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  afterAll(async () => {
    for (const t of targets) await t.dispose().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(targets)("on $name", (target) => {
    beforeAll(async () => {
      await migratedPgliteDirectory(target.spec);
      const db = await openDatabase(target.spec);
      try {
        await migrateDatabase(db);
        await seedCaseRegion(db);
        // 20 hours Monday–Thursday: a report ending Thursday 2026-03-05, due 2026-03-12.
        await absentDays(db, "P000002", "99ZZ00", weekdays("2026-03-02", "2026-03-05"));
      } finally {
        await db.close();
      }
    }, 60_000);

    it("prepares and prints the report with the required fields as JSON and CSV", async () => {
      const json = await aanwezig(
        target.spec,
        "--format",
        "json",
        "duo-reports",
        "--as-of",
        "2026-03-05",
      );
      expect(json.code, json.stderr).toBe(0);
      const records = JSON.parse(json.stdout) as Record<string, unknown>[];
      expect(records).toHaveLength(1);
      expect(Object.keys(records[0]!)).toEqual([...EXPORT_COLUMNS]);
      expect(records[0]).toMatchObject({
        pupil_id: "P000002",
        school_id: "99ZZ00",
        report_type: "16_uur",
        start_date: "2026-03-02",
        end_date: "2026-03-05",
        days_absent: 4,
        hours_absent: 20,
        all_lessons_missed: true,
        status: "concept",
        due_date: "2026-03-12",
        overdue: false,
      });
      const csv = await aanwezig(
        target.spec,
        "--format",
        "csv",
        "duo-reports",
        "--as-of",
        "2026-03-05",
      );
      expect(csv.code, csv.stderr).toBe(0);
      const lines = csv.stdout.trimEnd().split("\n");
      expect(lines[0]).toBe(EXPORT_COLUMNS.join(";"));
      expect(lines).toHaveLength(2);
    }, 120_000);

    it("marks it overdue after 5 working days, and does not rewind to an earlier date", async () => {
      const late = await aanwezig(target.spec, "duo-reports", "--as-of", "2026-03-13");
      expect(late.code, late.stderr).toBe(0);
      expect(late.stdout).toContain("TE LAAT");
      expect(late.stdout).toContain("1 verzuimmeldingen, 1 te laat");
      const earlier = await aanwezig(
        target.spec,
        "--format",
        "json",
        "duo-reports",
        "--as-of",
        "2026-03-04",
      );
      expect(earlier.code).toBe(0);
      expect(earlier.stderr).toContain("ligt voor de laatste evaluatie (2026-03-13)");
      expect(JSON.parse(earlier.stdout)).toEqual([]);
    }, 120_000);

    it("answers usage errors with exit status 2", async () => {
      expect((await aanwezig(target.spec, "duo-reports", "--as-of", "2026-02-30")).code).toBe(2);
      expect(
        (await aanwezig(target.spec, "duo-reports", "--as-of", "2026-03-05", "--status", "x")).code,
      ).toBe(2);
      expect((await aanwezig(target.spec, "duo-reports")).code).toBe(2);
    }, 120_000);
  });
});

// `aanwezig monitor` as a user runs it, through the CLI's entry function, on a database seeded
// with cases in several phases and persons without an enrolment (absolute absence).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, seededTargets } from "../../../test/support/cli-process.ts";
import { seedMonitorRegion } from "../../../test/support/monitor-region.ts";
import type { Database } from "../../db/connect.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-monitor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's entry function in this process (runCliInProcess; the binary itself: import.test.ts). */
const aanwezig = (db: string, ...args: string[]) => runCliInProcess(dir, db, args);

async function seed(db: Database): Promise<void> {
  await db.sql.exec(`
    insert into schools values
      ('12AB00', 'Basisschool De Linde', 'po', 'Zandstad', 'PO2605', 'midden', 300, 300, 180, 300, 300);
  `);
  await seedMonitorRegion(db, "owner-1");
}

describe("aanwezig monitor (command line)", async () => {
  const all = await seededTargets(dir, seed);
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    it("prints open cases by phase and duration, unsuppressed with --no-suppress", async () => {
      const run = await aanwezig(
        target.spec,
        "monitor",
        "--as-of",
        "2026-03-02",
        "--format",
        "json",
        "--no-suppress",
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout) as { group: string; measure: string; count: number }[];
      const count = (group: string, measure: string) =>
        rows.find((r) => r.group === group && r.measure === measure)?.count;
      expect(count("12AB00", "cases_open:SCHOOL")).toBe(5);
      expect(count("12AB00", "cases_open:CASE_DIRECTOR")).toBe(2);
      expect(count("12AB00", "cases_open_weeks:lt4w")).toBe(5);
      expect(count("12AB00", "cases_open_weeks:3m_6m")).toBe(2);
      expect(count("12AB00", "cases_closed:special_education")).toBe(1);
      expect(count("", "signal:ABSOLUTE")).toBe(6);
      const suppressed = await aanwezig(
        target.spec,
        "monitor",
        "--as-of",
        "2026-03-02",
        "--format",
        "csv",
      );
      expect(suppressed.stdout.split("\n")[0]).toBe("group;measure;count");
      expect(suppressed.stdout).toContain("12AB00;cases_open:CASE_DIRECTOR;\n");
      expect(suppressed.stdout).toContain("12AB00;cases_open:SCHOOL;5\n");
    });

    it("prints the leerplichttelling of a school year, and refuses a missing date (exit 2)", async () => {
      const run = await aanwezig(
        target.spec,
        "monitor",
        "--report",
        "leerplichttelling",
        "--school-year",
        "2025",
        "--as-of",
        "2026-03-02",
        "--format",
        "json",
      );
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.school_year).toBe("2025-2026");
      expect(report.rows).toContainEqual({
        municipality: "Zandstad",
        category: "absoluut_verzuim",
        count: 6,
      });
      expect(report.rows).toContainEqual({
        municipality: "Zandstad",
        category: "casussen_geopend",
        count: 8,
      });
      expect((await aanwezig(target.spec, "monitor")).code).toBe(2);
      expect((await aanwezig(target.spec, "monitor", "--report", "jaarverslag")).code).toBe(2);
    });
  });
});

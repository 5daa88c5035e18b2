// `aanwezig daily` as an operator runs it, through the CLI's entry function, on a small region with
// a pupil absent four whole days (LEGAL_16H, a DUO report) and a case whose clock has run past
// weeks 4, 8 and 12. A second run for the same date must change nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../../test/support/absent-days.ts";
import { seedCaseRegion, storedCase, userWith } from "../../../test/support/case-region.ts";
import { runCliInProcess, seededTargets } from "../../../test/support/cli-process.ts";
import { type Database, openDatabase } from "../../db/connect.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-daily-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's entry function in this process (runCliInProcess; the binary itself: import.test.ts). */
const aanwezig = (db: string, ...args: string[]) => runCliInProcess(dir, db, args);

async function seed(db: Database): Promise<void> {
  await seedCaseRegion(db);
  await absentDays(db, "P000002", "99ZZ00", weekdays("2026-03-02", "2026-03-05"));
  const coordinator = await userWith(db, "zc@test.example", [
    { role: "care_coordinator", schoolId: "99ZZ00" },
  ]);
  await userWith(db, "cr@test.example", [{ role: "case_director", municipality: "Voorbeeld" }]);
  await storedCase(db, coordinator);
}

/** Everything the daily job writes that a second run could change, as comparable rows. */
async function snapshot(spec: string) {
  const db = await openDatabase(spec);
  try {
    const rows = (sql: string) => db.sql.query(sql);
    return {
      signalStates: await rows(
        "select pupil_id, school_id, code, status, raised_on::text, last_held_on::text from signal_states order by 1, 2, 3",
      ),
      signalTransitions: await rows("select count(*)::int as n from signal_transitions"),
      duoReports: await rows(
        "select pupil_id, start_date::text, end_date::text, status from duo_reports order by 1, 2",
      ),
      caseTransitions: await rows(
        "select case_id, seq, command, to_phase from case_transitions order by 1, 2",
      ),
      cases: await rows("select id, phase from cases order by 1"),
      audit: await rows("select count(*)::int as n from audit_log"),
    };
  } finally {
    await db.close();
  }
}

describe("aanwezig daily (command line)", async () => {
  const all = await seededTargets(dir, seed);
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    it("runs the day's signals, DUO reports and case clocks, and a second run changes nothing", async () => {
      const first = await aanwezig(
        target.spec,
        "--format",
        "json",
        "daily",
        "--as-of",
        "2026-03-05",
      );
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      const report = JSON.parse(first.stdout);
      expect(report.asOf).toBe("2026-03-05");
      expect(report.evaluation.transitions).toBeGreaterThan(0);
      expect(report.duoReports.prepared).toBe(1);
      expect(report.cases.casesChecked).toBe(1);
      expect(report.cases.applied).toBeGreaterThan(0);
      const after = await snapshot(target.spec);
      expect(after.signalStates).toContainEqual(
        expect.objectContaining({ pupil_id: "P000002", code: "LEGAL_16H" }),
      );
      expect(after.duoReports).toHaveLength(1);
      expect(after.cases).toEqual([
        expect.objectContaining({ phase: expect.not.stringMatching(/^SCHOOL$/) }),
      ]);

      const second = await aanwezig(target.spec, "daily", "--as-of", "2026-03-05");
      expect(second.stderr).toBe("");
      expect(second.code).toBe(0);
      expect(second.stdout).toContain("dagelijkse taak uitgevoerd voor 2026-03-05");
      expect(second.stdout).toContain("0 wijzigingen in de signaalstatus");
      expect(second.stdout).toContain("DUO-verzuimmeldingen: 0 klaargezet");
      expect(second.stdout).toContain("0 automatische stappen gezet");
      expect(await snapshot(target.spec)).toEqual(after);
    });

    it("refuses a malformed date and an unknown option with the usage exit status 2", async () => {
      const malformed = await aanwezig(target.spec, "daily", "--as-of", "2026-02-30");
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain("--as-of");
      expect((await aanwezig(target.spec, "daily", "--wanneer", "morgen")).code).toBe(2);
    });
  });
});

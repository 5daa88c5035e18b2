// Issue 20: re-importing a large attendance file with changed minutes hung in the per-day
// minutes check (a nested loop over an unindexed aggregate for every stored row it kept). The
// check must stay set-based: correct on a realistic re-import, linear, and quick.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import {
  importManyPupils,
  importText,
  manyAttendanceRows,
  tempDir,
} from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { minutesPerDaySql } from "./attendance.ts";
import { withoutNestedLoops } from "./stage-sql.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PUPILS = 1500;

/** Every pupil absent in lessons 1..lessons of ten school days, then the extra lines. */
function attendanceFile(lessons: number, minutes: number, extra: string[] = []): string {
  return [manyAttendanceRows(PUPILS, lessons, minutes), ...extra].join("\n");
}

describe.each(engines())("attendance re-import on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  // The tests build on one another (docs/adr/0003-test-layout.md): the plan is checked on the
  // attendance the re-imports leave, so the 1,500 pupils and 60,000 rows are imported once.
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await importManyPupils(db, dir, PUPILS);
  });
  afterAll(async () => {
    await dispose();
  });

  it("checks three imports of the same rows with changed minutes in seconds, and correctly", async () => {
    // Lessons 1–4 stored (60,000 rows); then lessons 1–3 corrected twice (45,000 rows each), so
    // every pupil-day of the file keeps one stored row the file does not replace.
    const first = await importText(db, dir, "attendance", attendanceFile(4, 50));
    expect(first).toMatchObject({ outcome: "imported", inserted: 60_000 });
    for (const [i, minutes] of [40, 45].entries()) {
      const result = await importText(db, dir, "attendance", attendanceFile(3, minutes), `fix${i}`);
      expect(result).toMatchObject({ outcome: "imported", updated: 45_000, inserted: 0 });
      // Before the fix the check took minutes here (a nested loop of 15,000 × 15,000).
      expect(result.timings.check).toBeLessThan(5_000);
    }
    // 3 × 45 + the stored 50 of lesson 4 = 185 ≤ 400; lesson 5 of 216 makes 401 on line 45,002.
    const over = attendanceFile(3, 45, ["P00007;34CD00;2026-03-04;5;216;truant;"]);
    const rejected = await importText(db, dir, "attendance", over, "over");
    expect(rejected.errors).toEqual([
      {
        line: 45_002,
        column: "minutes",
        reason: expect.stringContaining("telt op tot 401 minuten (waarvan 50 al in de database)"),
      },
    ]);
    // A correction of the stored lesson 4 is not counted twice: 3 × 45 + 265 = 400 is fine.
    const fix = attendanceFile(3, 45, ["P00007;34CD00;2026-03-04;4;265;truant;"]);
    expect(await importText(db, dir, "attendance", fix, "fix-4")).toMatchObject({
      outcome: "imported",
      updated: 1,
    });
  }, 120_000);

  it("plans the check with hash or merge joins only, whatever the estimates", async () => {
    // The rows the test above left: lessons 1–4 of ten days for every pupil.
    const [stored] = await db.sql.query<{ n: number; pupils: number }>(
      "select count(*)::int as n, count(distinct pupil_id)::int as pupils from attendance",
    );
    expect(stored).toEqual({ n: 60_000, pupils: PUPILS });
    const plan = await db.transaction(async (tx) => {
      await tx.exec(
        `CREATE TEMP TABLE stage_probe ON COMMIT DROP AS
         SELECT row_number() OVER ()::int AS line, pupil_id, school_id, date, period, minutes,
                reason, note, 400 AS scheduled
         FROM attendance WHERE period <> '4'`,
      );
      await tx.exec("ANALYZE stage_probe");
      return withoutNestedLoops(tx, () =>
        tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${minutesPerDaySql("stage_probe")}`),
      );
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).not.toContain("Nested Loop");
    expect(text).toMatch(/Hash (Semi|Right Semi|Anti|Right Anti) Join|Merge (Semi|Anti) Join/);
  });
});

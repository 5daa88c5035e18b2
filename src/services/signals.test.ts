import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { importRegion, importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { evaluateSignalsAt, presentSignal } from "./signals.ts";

// P003 (VO, 50-minute lessons) plays truant 4 lessons a day on four school days: 16 lessons
// count as 16 hours (domain.md §3, the hours rule) inside the 4 most recent lesweken.
const TRUANCY = [
  "pupil_id;school_id;date;period;minutes;reason;note",
  ...["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"].flatMap((date) =>
    [1, 2, 3, 4].map((lesson) => `P003;34CD00;${date};${lesson};50;truant;`),
  ),
].join("\n");

describe.each(engines())("signals over the database on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    const dir = tempDir();
    await importRegion(db, dir);
    const result = await importText(db, dir, "attendance", TRUANCY);
    expect(result.outcome).toBe("imported");
  });
  afterAll(() => dispose());

  it("raises LEGAL_16H at 16 lesson hours and the population signals, sorted", async () => {
    const signals = (await evaluateSignalsAt(db.sql, { asOf: "2026-03-12" })).map(presentSignal);
    expect(signals.map((s) => [s.pupil_id, s.school_id, s.code])).toEqual([
      ["P003", "34CD00", "LEGAL_16H"],
      // X900 is not enrolled but has an active art. 5a exemption: no ABSOLUTE, but the
      // exemption lacks the doctor's advice.
      ["X900", "", "EXEMPTION_5A_NO_ADVICE"],
    ]);
    expect(signals[0]?.evidence).toMatchObject({
      unauthorized_hours: 16,
      unauthorized_minutes: 800,
      window_end: "2026-03-12",
    });
  });

  it("counts only records dated on or before D", async () => {
    const signals = await evaluateSignalsAt(db.sql, { asOf: "2026-03-04" });
    expect(signals.find((s) => s.pupilId === "P003")?.code).toBe("PREVENTIVE_10H");
  });

  it("filters by school and by code", async () => {
    const bySchool = await evaluateSignalsAt(db.sql, { asOf: "2026-03-12", schoolId: "12AB00" });
    expect(bySchool).toEqual([]);
    const byCode = await evaluateSignalsAt(db.sql, {
      asOf: "2026-03-12",
      code: "EXEMPTION_5A_NO_ADVICE",
    });
    expect(byCode.map((s) => s.pupilId)).toEqual(["X900"]);
    // Before the exemption started, the unenrolled child of compulsory school age is absolute absence.
    const before = await evaluateSignalsAt(db.sql, { asOf: "2025-08-20", code: "ABSOLUTE" });
    expect(before.map((s) => s.pupilId)).toEqual(["X900"]);
  });

  it("includes SICK_NOTABLE recorded by hand, as the daily job does (issue 15 item 4)", async () => {
    await db.sql.query(
      `insert into sick_notable_observations (pupil_id, school_id, recorded_on, note, recorded_by)
       values ('P003', '34CD00', '2026-03-05', 'wordt regelmatig ziek naar huis gestuurd', 'test')`,
    );
    try {
      const signals = await evaluateSignalsAt(db.sql, { asOf: "2026-03-12", code: "SICK_NOTABLE" });
      expect(signals.map((s) => [s.pupilId, s.schoolId, s.code])).toEqual([
        ["P003", "34CD00", "SICK_NOTABLE"],
      ]);
      // Not before it was recorded.
      expect(await evaluateSignalsAt(db.sql, { asOf: "2026-03-04", code: "SICK_NOTABLE" })).toEqual(
        [],
      );
    } finally {
      await db.sql.query("delete from sick_notable_observations");
    }
  });
});

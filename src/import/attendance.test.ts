import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import { ATTENDANCE, importRegion, importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "pupil_id;school_id;date;period;minutes;reason;note";
const file = (...rows: string[]) => [HEADER, ...rows].join("\n");

describe.each(engines())("attendance import on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => {
    await emptyDatabase(db);
    await importRegion(db, dir);
  });
  afterAll(async () => {
    await dispose();
  });

  it("replaces a corrected row and keeps old and new values in the history", async () => {
    const first = await importText(db, dir, "attendance", ATTENDANCE, "week10");
    const correction = file(
      "P001;12AB00;2026-03-02;am;180;medical;tandarts", // was sick, koorts
      "P001;12AB00;2026-03-02;pm;150;sick;", // unchanged
      "P001;12AB00;2026-03-03;am;180;truant;", // new
    );
    const second = await importText(db, dir, "attendance", correction, "correctie");
    expect(second).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect(
      await db.sql.query(
        "SELECT reason, note, import_id FROM attendance WHERE pupil_id = 'P001' AND period = 'am' AND date = '2026-03-02'",
      ),
    ).toEqual([{ reason: "medical", note: "tandarts", import_id: second.importId }]);
    const history = await db.sql.query(
      `SELECT old_reason, old_note, old_minutes, new_reason, new_note, import_id, changed_by
       FROM attendance_history WHERE pupil_id = 'P001' AND date = '2026-03-02' AND period = 'am'
       ORDER BY id`,
    );
    expect(history).toEqual([
      {
        old_reason: null,
        old_note: null,
        old_minutes: null,
        new_reason: "sick",
        new_note: "koorts",
        import_id: first.importId,
        changed_by: "import:week10.csv",
      },
      {
        old_reason: "sick",
        old_note: "koorts",
        old_minutes: 180,
        new_reason: "medical",
        new_note: "tandarts",
        import_id: second.importId,
        changed_by: "import:correctie.csv",
      },
    ]);
  });

  it("accepts only school days of the row's school", async () => {
    const result = await importText(
      db,
      dir,
      "attendance",
      file(
        "P001;12AB00;2026-02-16;am;180;sick;", // line 2: voorjaarsvakantie midden
        "P001;12AB00;2026-03-25;am;180;sick;", // line 3: studiedag of 12AB00
        "P003;34CD00;2026-03-25;1;50;sick;", // line 4: a normal day for 34CD00
        "P003;34CD00;2026-03-07;1;50;sick;", // line 5: Saturday
        "P003;99ZZ00;2026-03-09;1;50;sick;", // line 6: unknown school
      ),
    );
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "date"],
      [3, "date"],
      [5, "date"],
      [6, "school_id"],
    ]);
  });

  it("limits absence per pupil and day to the scheduled minutes, without late minutes", async () => {
    // Wednesday 2026-03-04: 12AB00 has 210 scheduled minutes.
    const ok = await importText(
      db,
      dir,
      "attendance",
      file("P001;12AB00;2026-03-04;am;150;sick;", "P001;12AB00;2026-03-04;1;30;late;"),
    );
    expect(ok.outcome).toBe("imported");
    const tooMuch = await importText(
      db,
      dir,
      "attendance",
      file(
        "P001;12AB00;2026-03-04;pm;61;truant;", // line 2: 150 stored + 61 > 210
        "P001;12AB00;2026-03-05;1;200;sick;", // line 3
        "P001;12AB00;2026-03-05;2;200;sick;", // line 4: 400 > 330 in this file
        "P001;12AB00;2026-03-06;1;331;late;", // line 5: one late row beyond the day
      ),
    );
    expect(tooMuch.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "minutes"],
      [4, "minutes"],
      [5, "minutes"],
    ]);
    expect(tooMuch.errors[0]?.reason).toContain("211");
    // A row this file replaces does not count twice: am 150 → 200, plus pm 10.
    const replaced = await importText(
      db,
      dir,
      "attendance",
      file("P001;12AB00;2026-03-04;am;200;sick;", "P001;12AB00;2026-03-04;pm;10;sick;"),
    );
    expect(replaced).toMatchObject({ outcome: "imported", updated: 1, inserted: 1 });
  });

  it("accepts exempt_11a only for a pupil under 6 on the date", async () => {
    const result = await importText(
      db,
      dir,
      "attendance",
      file(
        "P002;12AB00;2026-03-02;day;330;exempt_11a;",
        "P001;12AB00;2026-03-03;day;330;exempt_11a;",
      ),
    );
    expect(result.errors).toEqual([
      { line: 3, column: "reason", reason: expect.stringContaining("jonger dan 6") },
    ]);
  });

  it("rejects the same pupil, date and period twice in one file on the later line", async () => {
    const result = await importText(
      db,
      dir,
      "attendance",
      file("P003;34CD00;2026-03-03;1;50;truant;", "P003;34CD00;2026-03-03;1;40;sick;"),
    );
    expect(result.errors).toMatchObject([{ line: 3, column: "pupil_id" }]);
  });
});

// The reporting duty through the service, as the daily job runs it (evaluation, then reports),
// on both engines: restart of counting after a report, repeats of continuous absence (once per
// 7 days, at most 4), overdue after 5 working days, and withdrawal when an exemption overlaps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../test/support/absent-days.ts";
import { seedCaseRegion } from "../../test/support/case-region.ts";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { changeDuoReportStatus, listDuoReports, prepareDuoReports } from "./duo-reports.ts";
import { runDailyEvaluation } from "./signal-state.ts";

// 99ZZ00 (zuid, 300 minutes every weekday: 5 hours a day); no closures in March–April 2026.
const PUPIL = "P000002";
const SCHOOL = "99ZZ00";

describe.each(engines())("DUO reports through the service on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => {
    await emptyDatabase(db);
    await seedCaseRegion(db);
  }, 60_000);
  afterAll(async () => {
    await dispose();
  });

  /** The daily job's first steps on every weekday from..to; the last day's result. */
  async function runDays(from: string, to: string) {
    let last: Awaited<ReturnType<typeof prepareDuoReports>> | undefined;
    for (const day of weekdays(from, to)) {
      await runDailyEvaluation(db, day, { mode: "incremental" });
      last = await prepareDuoReports(db, day);
    }
    return last!;
  }
  const reports = async () =>
    (await listDuoReports(db.sql)).map((r) => ({
      start: r.start_date,
      end: r.end_date,
      repeat: r.repeat_number,
      type: r.report_type,
      status: r.status,
    }));

  it("reports on the day 16 hours are reached and restarts counting the day after", async () => {
    // Monday–Thursday absent (20 h), Friday present, then Monday–Thursday absent again.
    await absentDays(db, PUPIL, SCHOOL, [
      ...weekdays("2026-03-02", "2026-03-05"),
      ...weekdays("2026-03-09", "2026-03-12"),
    ]);
    await runDays("2026-03-02", "2026-03-04");
    expect(await reports()).toEqual([]); // 15 hours
    await runDays("2026-03-05", "2026-03-05");
    expect(await reports()).toEqual([
      { start: "2026-03-02", end: "2026-03-05", repeat: 0, type: "16_uur", status: "concept" },
    ]);
    // On Monday the window holds 25 hours, but only the 5 after the report count.
    await runDays("2026-03-06", "2026-03-11");
    expect(await reports()).toHaveLength(1);
    await runDays("2026-03-12", "2026-03-12");
    // The absence broke on Friday: a new first report, not a repeat.
    expect((await reports())[1]).toEqual({
      start: "2026-03-09",
      end: "2026-03-12",
      repeat: 0,
      type: "16_uur",
      status: "concept",
    });
    const [first] = await listDuoReports(db.sql);
    expect(first).toMatchObject({ days_absent: 4, hours_absent: 20, all_lessons_missed: true });
  }, 120_000);

  it("repeats continuous absence once per 7 days, at most 4 times", async () => {
    await absentDays(db, PUPIL, SCHOOL, weekdays("2026-03-02", "2026-04-24"));
    await runDays("2026-03-02", "2026-04-24");
    expect((await reports()).map((r) => [r.start, r.end, r.repeat, r.type])).toEqual([
      ["2026-03-02", "2026-03-05", 0, "16_uur"],
      // 16 hours again on the 11th, but a repeat waits 7 days after the 5th.
      ["2026-03-06", "2026-03-12", 1, "16_uur"],
      ["2026-03-13", "2026-03-19", 2, "16_uur"],
      ["2026-03-20", "2026-03-26", 3, "16_uur"],
      // More than 4 weeks of continuous absence since the 2nd.
      ["2026-03-27", "2026-04-02", 4, "langdurig_relatief"],
    ]);
  }, 300_000);

  it("is overdue after 5 working days as a concept, not once submitted", async () => {
    await absentDays(db, PUPIL, SCHOOL, weekdays("2026-03-02", "2026-03-05"));
    await runDays("2026-03-02", "2026-03-05");
    const [report] = await listDuoReports(db.sql);
    expect(report?.due_date).toBe("2026-03-12"); // Thursday + 5 working days
    expect((await runDays("2026-03-12", "2026-03-12")).overdue).toEqual([]);
    const late = await runDays("2026-03-13", "2026-03-13");
    expect(late.overdue.map((r) => r.id)).toEqual([report!.id]);

    const submitted = await changeDuoReportStatus(
      db,
      report!.id,
      "geregistreerd",
      { note: "ingediend bij het verzuimloket" },
      "u-1",
      "2026-03-13",
    );
    expect(submitted).toMatchObject({ ok: true, status: "geregistreerd" });
    expect((await runDays("2026-03-16", "2026-03-16")).overdue).toEqual([]);
    // Closing needs the municipality's reason.
    expect(
      await changeDuoReportStatus(db, report!.id, "afgesloten", {}, "u-2", "2026-03-16"),
    ).toEqual({ ok: false, error: "closing_reason_required" });
  }, 120_000);

  it("withdraws an open report when an exemption overlaps it", async () => {
    await absentDays(db, PUPIL, SCHOOL, weekdays("2026-03-02", "2026-03-05"));
    await runDays("2026-03-02", "2026-03-05");
    await db.sql.query(
      `insert into exemptions (pupil_id, kind, start_date, end_date, advice_partnership, advice_doctor)
       values ($1, '5a', '2026-03-04', null, true, true)`,
      [PUPIL],
    );
    const result = await runDays("2026-03-06", "2026-03-06");
    expect(result.withdrawn).toBe(1);
    expect((await reports())[0]?.status).toBe("ingetrokken");
    expect((await runDays("2026-03-09", "2026-03-09")).withdrawn).toBe(0);
  }, 120_000);
});

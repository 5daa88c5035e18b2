// The daily job through pg-boss on both engines: a job with { asOf } runs the evaluation, the DUO
// reports and the cases; a job without a date runs at the domain's today (a demo database's
// frozen date); the same day twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../test/support/absent-days.ts";
import { seedCaseRegion } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { DEMO_AS_OF_KEY, writeSetting } from "../db/repositories/settings.ts";
import { DAILY_JOB } from "./daily.ts";
import { RETENTION_CRON, RETENTION_JOB } from "./retention.ts";
import { type Jobs, startJobs } from "./scheduler.ts";

describe.each(engines())("the daily job via pg-boss on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let jobs: Jobs;
  const logged: string[] = [];
  let startedAt = 0;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await seedCaseRegion(db);
    // Four whole days unreported: 20 hours, LEGAL_16H from Thursday 2026-03-05 (15 h on Wednesday).
    await absentDays(db, "P000002", "99ZZ00", weekdays("2026-03-02", "2026-03-05"));
    await writeSetting(db.orm, DEMO_AS_OF_KEY, "2026-03-04");
    startedAt = Date.now();
    jobs = await startJobs(db, {
      pollingIntervalSeconds: 0.5,
      catchUp: true,
      log: (message, detail) =>
        logged.push(`${message}${detail instanceof Error ? `: ${detail.message}` : ""}`),
      // pg-boss's own passes soon, not after a minute (the BAM pass at its minimum of 10 s).
      bossIntervals: {
        superviseIntervalSeconds: 1,
        maintenanceIntervalSeconds: 1,
        bamIntervalSeconds: 10,
      },
    });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop();
    await dispose();
  });

  const counts = async () => {
    const [row] = await db.sql.query<{ states: string; transitions: string; reports: string }>(
      `select (select count(*) from signal_states) as states,
              (select count(*) from signal_transitions) as transitions,
              (select count(*) from duo_reports) as reports`,
    );
    return {
      states: Number(row!.states),
      transitions: Number(row!.transitions),
      reports: Number(row!.reports),
    };
  };

  it("catches up at start at the domain's today, not the wall clock's", async () => {
    const [queued] = await jobs.boss.findJobs<{ asOf?: string }>(DAILY_JOB);
    expect(queued?.data.asOf).toBe("2026-03-04");
    const report = await jobs.waitFor(queued!.id);
    expect(report.asOf).toBe("2026-03-04");
    const runs = await db.sql.query<{ as_of: string }>("select as_of::text from evaluation_runs");
    expect(runs).toEqual([{ as_of: "2026-03-04" }]);
    // 15 hours by Wednesday: PREVENTIVE_10H, no report yet.
    expect(report.duoReports.prepared).toBe(0);
    const codes = await db.sql.query<{ code: string }>("select code from signal_states");
    expect(codes).toEqual([{ code: "PREVENTIVE_10H" }]);
    expect(logged).toContain(`jobs: ${DAILY_JOB} 2026-03-04 queued (no run for today yet)`);
  }, 120_000);

  it("runs a job sent with a date, and a job without one at the frozen demo date", async () => {
    const id = await jobs.sendDaily("2026-03-05");
    const report = await jobs.waitFor(id);
    expect(report.asOf).toBe("2026-03-05");
    expect(report.evaluation.transitions).toBeGreaterThan(0);
    expect(report.duoReports.prepared).toBe(1);
    const reports = await db.sql.query(
      "select pupil_id, start_date::text, end_date::text, status from duo_reports",
    );
    expect(reports).toEqual([
      { pupil_id: "P000002", start_date: "2026-03-02", end_date: "2026-03-05", status: "concept" },
    ]);

    const undated = await jobs.boss.send(DAILY_JOB, {});
    const again = await jobs.waitFor(undated!);
    expect(again.asOf).toBe("2026-03-04");
  }, 120_000);

  it("is idempotent: the same day twice adds no transition and no report", async () => {
    const first = await jobs.waitFor(await jobs.sendDaily("2026-03-06"));
    const before = await counts();
    expect(before.reports).toBe(1);
    const second = await jobs.waitFor(await jobs.sendDaily("2026-03-06"));
    expect(second.evaluation.transitions).toBe(0);
    expect(second.duoReports.prepared).toBe(0);
    expect(await counts()).toEqual(before);
    expect(first.asOf).toBe(second.asOf);
  }, 120_000);

  it("schedules the retention job at night and runs it through the queue, recorded as the job's", async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((x) => [x.name, x.cron, x.timezone])).toEqual(
      expect.arrayContaining([[RETENTION_JOB, RETENTION_CRON, "Europe/Amsterdam"]]),
    );
    const id = await jobs.boss.send(RETENTION_JOB, { asOf: "2026-03-06" });
    const deadline = Date.now() + 60_000;
    let state = "";
    while (Date.now() < deadline) {
      const [job] = await jobs.boss.findJobs(RETENTION_JOB, { id: id! });
      state = job?.state ?? "";
      if (state === "completed" || state === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe("completed");
    const runs = await db.sql.query<{ started_by: string; status: string; as_of: string }>(
      "select started_by, status, as_of::text as as_of from retention_runs",
    );
    // A young region in 2026: nothing past its term, and the run is on record.
    expect(runs).toEqual([{ started_by: "job", status: "completed", as_of: "2026-03-06" }]);
  }, 90_000);

  it("lets pg-boss supervise, maintain its queues and claim BAM commands without an error", async () => {
    // pg-boss reads rows of earlier statements of a multi-statement query (its advisory lock
    // row, a maintenance batch's cursor); an adapter that gave only the last statement's rows
    // made every pass fail with an assertion, once a minute, on both engines.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, startedAt + 12_000 - Date.now())),
    );
    expect(logged.filter((m) => m.startsWith("jobs: pg-boss error"))).toEqual([]);
  }, 30_000);
});

// Starts pg-boss for `aanwezig serve`: one queue with the daily job, scheduled by cron in the
// Netherlands' time zone. A job may name its date (`{ asOf }`), e.g. to catch up by hand.
import type { PgBoss } from "pg-boss";
import type { Database } from "../db/connect.ts";
import { createBoss } from "./boss.ts";
import { DAILY_CRON, DAILY_JOB, DAILY_TIME_ZONE, runDailyJob, todayInAmsterdam } from "./daily.ts";

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /** Log sink for job outcomes and pg-boss errors. */
  log?: (message: string, detail?: unknown) => void;
  /** Seconds between polls for new jobs (default 2; tests poll faster). */
  pollingIntervalSeconds?: number;
}

export async function startJobs(db: Database, options: StartJobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? ((message, detail) => console.error(message, detail ?? ""));
  const boss = createBoss(db);
  boss.on("error", (error) => log("jobs: pg-boss error", error));
  await boss.start();
  await boss.createQueue(DAILY_JOB);
  await boss.schedule(DAILY_JOB, DAILY_CRON, {}, { tz: DAILY_TIME_ZONE });
  await boss.work<{ asOf?: string }>(
    DAILY_JOB,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      const asOf = job?.data?.asOf ?? todayInAmsterdam();
      const report = await runDailyJob(db, asOf);
      log(`jobs: ${DAILY_JOB} ${asOf} done`, report);
      return report;
    },
  );
  return {
    boss,
    async stop() {
      // graceful: let a running evaluation finish; then no timer or poll is left behind.
      await boss.stop({ graceful: true, close: true, timeout: 30_000 });
    },
  };
}

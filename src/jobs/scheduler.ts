// Starts pg-boss for `aanwezig serve`: one queue with the daily job, scheduled by cron in the
// Netherlands' time zone. A job may name its date (`{ asOf }`), e.g. to catch up by hand;
// without one it runs for the domain's "today" (src/db/repositories/settings.ts), so a demo
// database frozen at its date is evaluated at that date and not at the wall clock's.
import type { PgBoss } from "pg-boss";
import type { Database } from "../db/connect.ts";
import { domainToday } from "../db/repositories/settings.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { MailDelivery } from "../services/notifications.ts";
import { type BossIntervals, createBoss } from "./boss.ts";
import {
  DAILY_CRON,
  DAILY_JOB,
  DAILY_TIME_ZONE,
  type DailyJobReport,
  runDailyJob,
} from "./daily.ts";
import { startMailQueue } from "./mail.ts";
import { RETENTION_CRON, RETENTION_JOB, runRetentionJob } from "./retention.ts";

export interface Jobs {
  boss: PgBoss;
  /** Queues every mail still to send (src/jobs/mail.ts); the administrator's "again" uses it. */
  sweepMail(): Promise<number>;
  /** Queues the mail of the notifications a command raised (HttpContext.mail). */
  mail: MailDelivery;
  /** Queues the daily job for a date (default: the domain's today); returns the job id. */
  sendDaily(asOf?: IsoDate): Promise<string>;
  /** Waits until the job completed and returns its report; rejects when it failed. */
  waitFor(jobId: string, timeoutMs?: number): Promise<DailyJobReport>;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /** Log sink for job outcomes and pg-boss errors. */
  log?: (message: string, detail?: unknown) => void;
  /** Seconds between polls for new jobs (default 2; tests poll faster, pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * Queue today's run at once when no evaluation has finished for today yet (a server started
   * after 06:00, or a fresh demo database): the day's signals and reports do not wait a day.
   */
  catchUp?: boolean;
  /** The wall clock, for the domain's today; tests pin it. */
  now?: () => Date;
  /** pg-boss's own supervision, maintenance and BAM passes (default every 60 s); tests hasten them. */
  bossIntervals?: BossIntervals;
  /** Seconds before a failed mail is tried again (doubling each time); tests hasten it. */
  mailRetryDelaySeconds?: number;
  /** Caps that doubling (seconds); tests reach the last try in seconds, not half a minute. */
  mailRetryDelayMaxSeconds?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startJobs(db: Database, options: StartJobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? ((message, detail) => console.error(message, detail ?? ""));
  const now = options.now ?? (() => new Date());
  const today = () => domainToday(db.orm, now());
  const boss = createBoss(db, options.bossIntervals);
  boss.on("error", (error) => log("jobs: pg-boss error", error));
  await boss.start();
  // Issue 16: every mail a job of its own, retried by pg-boss (src/jobs/mail.ts).
  const mailQueue = await startMailQueue(boss, db, {
    log,
    ...(options.pollingIntervalSeconds === undefined
      ? {}
      : { pollingIntervalSeconds: options.pollingIntervalSeconds }),
    ...(options.mailRetryDelaySeconds === undefined
      ? {}
      : { retryDelaySeconds: options.mailRetryDelaySeconds }),
    ...(options.mailRetryDelayMaxSeconds === undefined
      ? {}
      : { retryDelayMaxSeconds: options.mailRetryDelayMaxSeconds }),
  });
  await boss.createQueue(DAILY_JOB);
  await boss.schedule(DAILY_JOB, DAILY_CRON, {}, { tz: DAILY_TIME_ZONE });
  await boss.work<{ asOf?: string }>(
    DAILY_JOB,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      const asOf = job?.data?.asOf ?? (await today());
      const report = await runDailyJob(db, asOf, { mailQueue });
      log(`jobs: ${DAILY_JOB} ${asOf} done`, report);
      return report;
    },
  );

  // Retention (domain.md §7) runs at night, apart from the day's work: a long run never delays it.
  await boss.createQueue(RETENTION_JOB);
  await boss.schedule(RETENTION_JOB, RETENTION_CRON, {}, { tz: DAILY_TIME_ZONE });
  await boss.work<{ asOf?: string }>(
    RETENTION_JOB,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      const asOf = job?.data?.asOf ?? (await today());
      const report = await runRetentionJob(db, asOf);
      log(`jobs: ${RETENTION_JOB} ${asOf} done`, report);
      return report;
    },
  );

  const jobs: Jobs = {
    boss,
    sweepMail: () => mailQueue.sweep(),
    mail: { queue: (ids) => mailQueue.queue(ids) },
    async sendDaily(asOf?: IsoDate) {
      const id = await boss.send(DAILY_JOB, { asOf: asOf ?? (await today()) });
      if (id === null) throw new Error(`jobs: ${DAILY_JOB} was not queued`);
      return id;
    },
    async waitFor(jobId: string, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [job] = await boss.findJobs<{ asOf?: string }>(DAILY_JOB, { id: jobId });
        if (job?.state === "completed") return job.output as unknown as DailyJobReport;
        if (job?.state === "failed" || job?.state === "cancelled") {
          throw new Error(
            `jobs: ${DAILY_JOB} ${jobId} ${job.state}: ${JSON.stringify(job.output)}`,
          );
        }
        if (Date.now() > deadline) throw new Error(`jobs: ${DAILY_JOB} ${jobId} timed out`);
        await sleep(100);
      }
    },
    async stop() {
      // graceful: let a running evaluation finish; then no timer or poll is left behind.
      await boss.stop({ graceful: true, close: true, timeout: 30_000 });
    },
  };

  if (options.catchUp === true) {
    const asOf = await today();
    const [done] = await db.sql.query<{ n: string }>(
      "select count(*) as n from evaluation_runs where as_of = $1::date and finished_at is not null",
      [asOf],
    );
    if (Number(done?.n ?? 0) === 0) {
      await jobs.sendDaily(asOf);
      log(`jobs: ${DAILY_JOB} ${asOf} queued (no run for today yet)`);
    }
  }
  return jobs;
}

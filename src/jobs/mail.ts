// Issue 16 item 2: "a failed send is retried by the job queue and visible to the administrator,
// never lost". In `serve` every mail is a pg-boss job of its own (queue `notification-mail`, key:
// the notification's id, policy `exclusive`: at most one waiting or running job per mail). A
// failed send records its error on the notification and throws, so pg-boss tries it again with
// exponential back-off, up to MAX_MAIL_ATTEMPTS in all; after that the notification stays
// `failed` on the administrator's list until they offer it again. The outbox is the
// notifications table, so a mail whose job was lost (a crash, a cleared queue) is queued again by
// the next sweep (after the daily job, and every quarter of an hour).
import type { PgBoss } from "pg-boss";
import type { Database } from "../db/connect.ts";
import { currentMailConfig } from "../services/mail-settings.ts";
import {
  createMailTransport,
  MAX_MAIL_ATTEMPTS,
  type MailDelivery,
  mailToSend,
  publicUrl,
  sendNotificationMail,
} from "../services/notifications.ts";

export const MAIL_JOB = "notification-mail";
export const MAIL_SWEEP_JOB = "notification-mail-sweep";
export const MAIL_SWEEP_CRON = "*/15 * * * *";

/** Seconds before the first retry; pg-boss doubles it each time (back-off). */
export const MAIL_RETRY_DELAY_SECONDS = 60;

export interface MailQueue extends MailDelivery {
  /** Queues the mail of every notification still to send; answers how many jobs were new. */
  sweep(): Promise<number>;
}

export interface MailWorkerOptions {
  pollingIntervalSeconds?: number;
  retryDelaySeconds?: number;
  /** At most this many seconds between tries (default: no cap); tests hasten the give-up. */
  retryDelayMaxSeconds?: number;
  log?: (message: string, detail?: unknown) => void;
}

export async function startMailQueue(
  boss: PgBoss,
  db: Database,
  options: MailWorkerOptions = {},
): Promise<MailQueue> {
  const log = options.log ?? (() => {});
  await boss.createQueue(MAIL_JOB, {
    policy: "exclusive",
    retryLimit: MAX_MAIL_ATTEMPTS - 1,
    retryDelay: options.retryDelaySeconds ?? MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    ...(options.retryDelayMaxSeconds === undefined
      ? {}
      : { retryDelayMax: options.retryDelayMaxSeconds }),
  });
  await boss.work<{ id: string }>(
    MAIL_JOB,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      const id = job?.data?.id;
      if (!id) return { outcome: "done" };
      const config = await currentMailConfig(db);
      // No server (any more): the mail stays pending; the sweep queues it once there is one.
      if (!config) return { outcome: "no_server" };
      const transport = createMailTransport(config);
      try {
        const result = await sendNotificationMail(db, id, config, publicUrl(), transport);
        if (result.outcome === "failed") {
          log(`jobs: ${MAIL_JOB} ${id} failed`, result.error);
          throw new Error(`mail not sent: ${result.error}`);
        }
        return result;
      } finally {
        transport.close();
      }
    },
  );
  const queue: MailQueue = {
    // A command's notifications, at once: the same job (singleton per notification) as a sweep.
    async queue(ids) {
      for (const id of ids) await boss.send(MAIL_JOB, { id }, { singletonKey: id });
    },
    async sweep() {
      if (!(await currentMailConfig(db))) return 0;
      let queued = 0;
      for (const id of await mailToSend(db.orm)) {
        const jobId = await boss.send(MAIL_JOB, { id }, { singletonKey: id });
        if (jobId !== null) queued++;
      }
      return queued;
    },
  };
  await boss.createQueue(MAIL_SWEEP_JOB);
  await boss.schedule(MAIL_SWEEP_JOB, MAIL_SWEEP_CRON, {});
  await boss.work(
    MAIL_SWEEP_JOB,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async () => ({ queued: await queue.sweep() }),
  );
  return queue;
}

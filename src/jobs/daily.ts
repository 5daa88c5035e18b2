// The daily job (domain.md §4 "evaluated daily by a job", §5 the closed chain's clock): at 06:00
// Europe/Amsterdam, evaluate the signals for the domain's today (incrementally), link the signals
// cases were opened from, prepare the DUO absence reports that LEGAL_16H opened, then advance
// the cases. scheduler.ts picks the date.
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { prepareDuoReports } from "../services/duo-reports.ts";
import { currentMailConfig } from "../services/mail-settings.ts";
import {
  type EventNotificationReport,
  raiseEventNotifications,
} from "../services/notification-events.ts";
import {
  publicUrl,
  raiseDeadlineNotifications,
  sendPendingMail,
} from "../services/notifications.ts";
import { runDailyEvaluation } from "../services/signal-state.ts";
import { linkSignalsToCases } from "../services/signal-state-handling.ts";
import { advanceCases } from "./cases-daily.ts";
import type { MailQueue } from "./mail.ts";

export const DAILY_JOB = "daily-evaluation";
export const DAILY_CRON = "0 6 * * *";
export const DAILY_TIME_ZONE = "Europe/Amsterdam";

export interface DailyJobReport {
  asOf: IsoDate;
  evaluation: { modeRun: string; unitsEvaluated: number; transitions: number };
  /** Open signals handled as linked to the case that was opened from them. */
  signalsLinked: number;
  duoReports: { prepared: number; withdrawn: number; overdue: number };
  cases: { casesChecked: number; applied: number } | null;
  /**
   * Issue 16: notifications raised (deadlines and, per group, the events), and the mail outbox:
   * sent here (`aanwezig daily`), or `queued` for the mail queue (`serve`); null: no SMTP server.
   */
  notifications: {
    raised: number;
    events: EventNotificationReport;
    mail: { sent: number; failed: number; skipped: number } | null;
    queued: number | null;
  };
}

export interface DailyJobOptions {
  /** `serve`'s mail queue: mail is sent (and retried) by its jobs instead of in this run. */
  mailQueue?: MailQueue;
}

/** Runs the day's work in order; each step is idempotent, so a retried job is harmless. */
export async function runDailyJob(
  db: Database,
  asOf: IsoDate,
  options: DailyJobOptions = {},
): Promise<DailyJobReport> {
  const evaluation = await runDailyEvaluation(db, asOf, { mode: "incremental" });
  const signalsLinked = await linkSignalsToCases(db, asOf);
  const duo = await prepareDuoReports(db, asOf);
  // The closed chain's daily step (src/jobs/cases-daily.ts) runs after the signals it may read.
  const cases = await advanceCases(db, asOf, "system");
  // Then who must act hears it: in the app, and by e-mail when SMTP is configured.
  const raised = await raiseDeadlineNotifications(db.orm, cases.deadlines, asOf);
  const events = await raiseEventNotifications(db, asOf);
  const mail = await currentMailConfig(db);
  const queued = mail && options.mailQueue ? await options.mailQueue.sweep() : null;
  const mailRun = mail && !options.mailQueue ? await sendPendingMail(db, mail, publicUrl()) : null;
  return {
    asOf,
    evaluation: {
      modeRun: evaluation.modeRun,
      unitsEvaluated: evaluation.unitsEvaluated,
      transitions: evaluation.transitions,
    },
    signalsLinked,
    duoReports: { prepared: duo.prepared, withdrawn: duo.withdrawn, overdue: duo.overdue.length },
    cases: { casesChecked: cases.casesChecked, applied: cases.applied.length },
    notifications: {
      raised: raised + Object.values(events).reduce((a, b) => a + b, 0),
      events,
      mail: mailRun,
      queued,
    },
  };
}

// Issue 16 item 2: notifications per user, in the app and by e-mail. The daily job raises one
// notification per deadline that is due tomorrow, due today or overdue, for the person
// responsible (dedupe key per case, deadline and day, so a second run raises nothing), and the
// other kinds (notification-events.ts), then sends the outbox over SMTP with nodemailer — at once
// (`aanwezig daily`) or through the pg-boss queue of src/jobs/mail.ts (`serve`), which retries a
// failed send. A failed send stays `failed` with its error until MAX_MAIL_ATTEMPTS; the
// administrator lists it and may offer it again. Mails carry no personal data: the case's
// reference and a date at most (src/domain/notifications/kinds.ts), and a link.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database, Orm } from "../db/connect.ts";
import { users } from "../db/schema/access.ts";
import { notificationPreferences, notifications } from "../db/schema/notifications.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import type { Deadline } from "../domain/cases/deadlines.ts";
import { dutchDate } from "../domain/letters/fields.ts";
import { caseReference } from "../domain/letters/values.ts";
import {
  DEFAULT_PREFERENCES,
  type NotificationText,
  wantsEmail,
} from "../domain/notifications/kinds.ts";
import type { MailConfig } from "../domain/notifications/mail-settings.ts";

export const MAX_MAIL_ATTEMPTS = 5;

export type { MailConfig };

/** Where the app is reached, for the links in a mail. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.AANWEZIG_PUBLIC_URL?.trim() || "http://127.0.0.1:8080").replace(/\/+$/, "");
}

export interface DueDeadline extends Deadline {
  caseId: string;
}

/** The deadlines a notification is due for: overdue, due today, or due tomorrow. */
export function deadlinesToNotify(deadlines: readonly DueDeadline[], asOf: IsoDate): DueDeadline[] {
  const tomorrow = addDays(asOf, 1);
  return deadlines.filter(
    (d) =>
      d.responsible.personId !== null &&
      (d.status === "overdue" ||
        (d.status === "open" && (d.dueDate === asOf || d.dueDate === tomorrow))),
  );
}

export async function raiseDeadlineNotifications(
  orm: Orm,
  deadlines: readonly DueDeadline[],
  asOf: IsoDate,
): Promise<number> {
  return raiseNotifications(
    orm,
    deadlinesToNotify(deadlines, asOf).map((d) => {
      const reference = caseReference(d.caseId);
      const overdue = d.status === "overdue" || d.dueDate < asOf;
      const when = overdue
        ? `is verlopen (uiterste datum ${dutchDate(d.dueDate)})`
        : d.dueDate === asOf
          ? "verloopt vandaag"
          : "verloopt morgen";
      return {
        userId: d.responsible.personId as string,
        kind: overdue ? "deadline_overdue" : "deadline_due",
        dedupeKey: `deadline:${d.caseId}:${d.code}:${asOf}`,
        text: {
          subject: `Termijn in casus ${reference} ${when}`,
          body: `Een termijn in casus ${reference} ${when}. U bent hiervoor verantwoordelijk. Open de casus in Aanwezig om te zien wat er moet gebeuren.`,
          link: `/casussen/${d.caseId}`,
        },
      };
    }),
  );
}

/**
 * Queues the mail of notifications a command raised, once its transaction is committed: in
 * `serve` a pg-boss job per mail (src/jobs/mail.ts). Where none is given (a server with
 * `--no-jobs`, a tool) the mail is pending and the next sweep of the jobs' server sends it.
 */
export interface MailDelivery {
  queue(notificationIds: readonly string[]): Promise<void>;
}

/** One notification to raise: idempotent by `dedupeKey`. */
export interface NewNotification {
  userId: string;
  kind: string;
  dedupeKey: string;
  text: NotificationText;
}

/** Stores the notifications not raised before; answers how many are new. */
export async function raiseNotifications(
  orm: Orm,
  items: readonly NewNotification[],
): Promise<number> {
  return (await raiseNotificationIds(orm, items)).length;
}

/** Stores the notifications not raised before; answers the ids of the new ones. */
export async function raiseNotificationIds(
  orm: Orm,
  items: readonly NewNotification[],
): Promise<string[]> {
  const raised: string[] = [];
  for (const n of items) {
    const rows = await orm
      .insert(notifications)
      .values({
        id: randomUUID(),
        userId: n.userId,
        kind: n.kind,
        dedupeKey: n.dedupeKey,
        subject: n.text.subject,
        body: n.text.body,
        link: n.text.link,
      })
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    raised.push(...rows.map((r) => r.id));
  }
  return raised;
}

/** An SMTP connection for the configuration: the environment's URL or the region's server. */
export function createMailTransport(config: MailConfig): Transporter {
  if (config.url) return nodemailer.createTransport(config.url);
  const server = config.server;
  if (!server) throw new Error("mail: no SMTP server configured");
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === "tls",
    requireTLS: server.security === "starttls",
    ignoreTLS: server.security === "none",
    ...(server.username ? { auth: { user: server.username, pass: server.password ?? "" } } : {}),
  });
}

export interface MailRun {
  sent: number;
  failed: number;
  skipped: number;
}

/** The notifications whose mail is still to be sent (pending, or failed with attempts left). */
export async function mailToSend(orm: Orm): Promise<string[]> {
  const rows = await orm
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        inArray(notifications.emailStatus, ["pending", "failed"]),
        lt(notifications.emailAttempts, MAX_MAIL_ATTEMPTS),
      ),
    )
    .orderBy(asc(notifications.createdAt));
  return rows.map((r) => r.id);
}

export type MailOutcome = "sent" | "skipped" | "failed" | "done";

/**
 * Sends one notification's mail; records the attempt. `done`: nothing to do (sent already, or
 * no attempts left); `skipped`: the user chose the app only, or the account is disabled.
 */
export async function sendNotificationMail(
  db: Database,
  id: string,
  config: MailConfig,
  appUrl: string,
  transport: Transporter,
  now: Date = new Date(),
): Promise<{ outcome: MailOutcome; error?: string }> {
  const [n] = await db.orm
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      status: notifications.emailStatus,
      attempts: notifications.emailAttempts,
      email: users.email,
      disabledAt: users.disabledAt,
      wantsMail: notificationPreferences.email,
      emailKinds: notificationPreferences.emailKinds,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(eq(notifications.id, id));
  if (!n || n.status === "sent" || n.status === "off" || n.attempts >= MAX_MAIL_ATTEMPTS) {
    return { outcome: "done" };
  }
  const preferences =
    n.wantsMail === null
      ? DEFAULT_PREFERENCES
      : { email: n.wantsMail, emailKinds: n.emailKinds ?? {} };
  if (!wantsEmail(preferences, n.kind) || n.disabledAt !== null) {
    await db.orm
      .update(notifications)
      .set({ emailStatus: "off" })
      .where(eq(notifications.id, n.id));
    return { outcome: "skipped" };
  }
  try {
    await transport.sendMail({
      from: config.from,
      to: n.email,
      subject: n.subject,
      text: `${n.body}\n\n${appUrl}${n.link}\n`,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await db.orm
      .update(notifications)
      .set({ emailStatus: "failed", emailAttempts: n.attempts + 1, emailError: message })
      .where(eq(notifications.id, n.id));
    return { outcome: "failed", error: message };
  }
  await db.orm
    .update(notifications)
    .set({ emailStatus: "sent", emailAttempts: n.attempts + 1, emailedAt: now, emailError: null })
    .where(eq(notifications.id, n.id));
  return { outcome: "sent" };
}

/** Sends every notification whose mail is pending or failed (fewer than MAX attempts), once. */
export async function sendPendingMail(
  db: Database,
  config: MailConfig,
  appUrl: string,
  now: Date = new Date(),
): Promise<MailRun> {
  const run: MailRun = { sent: 0, failed: 0, skipped: 0 };
  const due = await mailToSend(db.orm);
  if (due.length === 0) return run;
  const transport = createMailTransport(config);
  try {
    for (const id of due) {
      const { outcome } = await sendNotificationMail(db, id, config, appUrl, transport, now);
      if (outcome === "sent") run.sent++;
      else if (outcome === "failed") run.failed++;
      else if (outcome === "skipped") run.skipped++;
    }
  } finally {
    transport.close();
  }
  return run;
}

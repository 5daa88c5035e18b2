// Issue 16 item 2 (a first slice): notifications per user, in the app and by e-mail. The daily
// job raises one notification per deadline that is due tomorrow, due today or overdue, for the
// person responsible (dedupe key per case, deadline and day, so a second run raises nothing),
// then sends the outbox over SMTP with nodemailer. A failed send stays `failed` with its error and
// is tried again by the next run, up to MAX_MAIL_ATTEMPTS; the administrator lists them.
// Mails carry no personal data: the case's reference and the deadline's date, and a link.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Database, Orm } from "../db/connect.ts";
import { users } from "../db/schema/access.ts";
import { notificationPreferences, notifications } from "../db/schema/notifications.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import type { Deadline } from "../domain/cases/deadlines.ts";
import { dutchDate } from "../domain/letters/fields.ts";
import { caseReference } from "../domain/letters/values.ts";

export const MAX_MAIL_ATTEMPTS = 5;

export interface MailConfig {
  /** smtp://host:port (interfaces.md "Outgoing mail"). */
  url: string;
  from: string;
}

/**
 * Where mail goes: AANWEZIG_SMTP_URL (overrides the region's settings, which hold no SMTP
 * server yet) and AANWEZIG_MAIL_FROM. No URL: no mail is sent; notifications stay in the app.
 */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env.AANWEZIG_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.AANWEZIG_MAIL_FROM?.trim() || "Aanwezig <noreply@aanwezig.invalid>" };
}

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
  let raised = 0;
  for (const d of deadlinesToNotify(deadlines, asOf)) {
    const reference = caseReference(d.caseId);
    const overdue = d.status === "overdue" || d.dueDate < asOf;
    const when = overdue
      ? `is verlopen (uiterste datum ${dutchDate(d.dueDate)})`
      : d.dueDate === asOf
        ? "verloopt vandaag"
        : "verloopt morgen";
    const rows = await orm
      .insert(notifications)
      .values({
        id: randomUUID(),
        userId: d.responsible.personId as string,
        kind: overdue ? "deadline_overdue" : "deadline_due",
        dedupeKey: `deadline:${d.caseId}:${d.code}:${asOf}`,
        subject: `Termijn in casus ${reference} ${when}`,
        body: `Een termijn in casus ${reference} ${when}. U bent hiervoor verantwoordelijk. Open de casus in Aanwezig om te zien wat er moet gebeuren.`,
        link: `/casussen/${d.caseId}`,
      })
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    raised += rows.length;
  }
  return raised;
}

export interface MailRun {
  sent: number;
  failed: number;
  skipped: number;
}

/** Sends every notification whose mail is pending or failed (fewer than MAX attempts). */
export async function sendPendingMail(
  db: Database,
  config: MailConfig,
  appUrl: string,
  now: Date = new Date(),
): Promise<MailRun> {
  const run: MailRun = { sent: 0, failed: 0, skipped: 0 };
  const due = await db.orm
    .select({
      id: notifications.id,
      userId: notifications.userId,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      attempts: notifications.emailAttempts,
      email: users.email,
      disabledAt: users.disabledAt,
      wantsMail: notificationPreferences.email,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(
      and(
        inArray(notifications.emailStatus, ["pending", "failed"]),
        lt(notifications.emailAttempts, MAX_MAIL_ATTEMPTS),
      ),
    )
    .orderBy(asc(notifications.createdAt));
  if (due.length === 0) return run;
  const transport = nodemailer.createTransport(config.url);
  try {
    for (const n of due) {
      if (n.wantsMail === false || n.disabledAt !== null) {
        await db.orm
          .update(notifications)
          .set({ emailStatus: "off" })
          .where(eq(notifications.id, n.id));
        run.skipped++;
        continue;
      }
      try {
        await transport.sendMail({
          from: config.from,
          to: n.email,
          subject: n.subject,
          text: `${n.body}\n\n${appUrl}${n.link}\n`,
        });
        await db.orm
          .update(notifications)
          .set({
            emailStatus: "sent",
            emailAttempts: n.attempts + 1,
            emailedAt: now,
            emailError: null,
          })
          .where(eq(notifications.id, n.id));
        run.sent++;
      } catch (error) {
        await db.orm
          .update(notifications)
          .set({
            emailStatus: "failed",
            emailAttempts: n.attempts + 1,
            emailError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          })
          .where(eq(notifications.id, n.id));
        run.failed++;
      }
    }
  } finally {
    transport.close();
  }
  return run;
}

// Issue 16 item 2 (first slice): the daily job's deadline notifications, in the app and by
// e-mail through a real SMTP server started in this process (smtp-server). A case whose first
// professional contact is overdue raises one notification for its owner, mailed with the case's
// reference and a link and no personal data; a second run raises and sends nothing; a user who
// chose no e-mail gets none; a send to a server that is down is kept as failed with its error
// and sent by the next run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCaseRegion, storedCase, userWith } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import { type ReceivedMail, startSmtp, type TestSmtp } from "../../test/support/smtp.ts";
import type { Database } from "../db/connect.ts";
import { notificationPreferences } from "../db/schema/notifications.ts";
import { caseReference } from "../domain/letters/values.ts";
import { advanceCases } from "../jobs/cases-daily.ts";
import { raiseDeadlineNotifications, sendPendingMail } from "./notifications.ts";

type Received = ReceivedMail;

describe.each(engines())("deadline notifications by e-mail on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let smtp: TestSmtp;
  let coordinatorId: string;
  let otherId: string;
  let caseId: string;
  const FROM = "Aanwezig test <noreply@test.example>";

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    smtp = await startSmtp();
    await seedCaseRegion(db);
    coordinatorId = await userWith(db, "zc@test.example", [
      { role: "care_coordinator", schoolId: "99ZZ00" },
    ]);
    otherId = await userWith(db, "zc2@test.example", [
      { role: "care_coordinator", schoolId: "99ZZ00" },
    ]);
    caseId = (
      await storedCase(db, coordinatorId, {
        pupilId: "P000001",
        openedAt: "2026-03-02",
        absenceStartDate: "2026-02-25",
      })
    ).id;
  });
  afterAll(async () => {
    await smtp.close();
    await dispose();
  });

  it("raises a notification for the owner's overdue deadline and mails it once", async () => {
    const report = await advanceCases(db, "2026-03-10");
    const raised = await raiseDeadlineNotifications(db.orm, report.deadlines, "2026-03-10");
    expect(raised).toBeGreaterThan(0);
    const rows = await db.sql.query<{ user_id: string; kind: string; subject: string }>(
      "select user_id, kind, subject from notifications order by subject",
    );
    expect(rows.every((r) => r.user_id === coordinatorId)).toBe(true);
    expect(rows.map((r) => r.kind)).toContain("deadline_overdue");

    const run = await sendPendingMail(db, { url: smtp.url, from: FROM }, "https://app.example");
    expect(run).toEqual({ sent: rows.length, failed: 0, skipped: 0 });
    expect(smtp.received).toHaveLength(rows.length);
    const mail = smtp.received[0] as Received;
    expect(mail.to).toEqual(["zc@test.example"]);
    expect(mail.data).toContain(`casus ${caseReference(caseId)}`);
    expect(mail.data).toContain(`https://app.example/casussen/${caseId}`);
    // No personal data: not the pupil's name, id or birth date.
    for (const secret of ["Noor", "Testkind", "P000001", "1 juni 2015"]) {
      expect(mail.data).not.toContain(secret);
    }

    // The same day again: nothing new, nothing sent twice.
    expect(await raiseDeadlineNotifications(db.orm, report.deadlines, "2026-03-10")).toBe(0);
    expect(await sendPendingMail(db, { url: smtp.url, from: FROM }, "https://app.example")).toEqual(
      { sent: 0, failed: 0, skipped: 0 },
    );
    expect(smtp.received).toHaveLength(rows.length);
  });

  it("keeps a failed send and sends it on the next run; honours a user's no-mail choice", async () => {
    const before = smtp.received.length;
    const other = await storedCase(db, otherId, {
      pupilId: "P000002",
      openedAt: "2026-03-02",
      absenceStartDate: "2026-02-25",
    });
    const report = await advanceCases(db, "2026-03-11");
    await raiseDeadlineNotifications(db.orm, report.deadlines, "2026-03-11");
    await db.orm.insert(notificationPreferences).values({ userId: otherId, email: false });

    // A server that is down: every send fails and is kept with its error.
    const down = await sendPendingMail(db, { url: "smtp://127.0.0.1:9", from: FROM }, "https://x");
    expect(down.failed).toBeGreaterThan(0);
    const failed = await db.sql.query<{ email_error: string; email_attempts: number }>(
      "select email_error, email_attempts from notifications where email_status = 'failed'",
    );
    expect(failed.length).toBe(down.failed);
    expect(failed.every((f) => f.email_attempts === 1 && f.email_error.length > 0)).toBe(true);
    expect(smtp.received).toHaveLength(before);

    const again = await sendPendingMail(db, { url: smtp.url, from: FROM }, "https://x");
    expect(again.sent).toBe(down.failed);
    expect(smtp.received.slice(before).every((m) => m.to[0] === "zc@test.example")).toBe(true);
    const off = await db.sql.query<{ n: number }>(
      "select count(*)::int as n from notifications where user_id = $1 and email_status = 'off'",
      [otherId],
    );
    expect(off[0]?.n).toBeGreaterThan(0);
    expect(other.id).toBeTruthy();
  });
});

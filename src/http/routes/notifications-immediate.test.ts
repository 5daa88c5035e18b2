// Issue 16 item 2 at the moment of the command, over HTTP on both engines with a real SMTP server
// in this process and serve's pg-boss mail queue: handing a case over, convening a breakthrough
// meeting and recording a consent decision raise their notifications in the command's own
// transaction and queue the mail at once — it arrives before any daily job has run. The daily
// job of the same day then finds them raised: no second notification, no second mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  clientOf,
  loginEveryone,
  openCaseForP0001,
  type Sessions,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import { startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { startTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { createTeam } from "../../db/repositories/cases-breakthrough.ts";
import { type Jobs, startJobs } from "../../jobs/scheduler.ts";
import { raiseEventNotifications } from "../../services/notification-events.ts";

const TODAY = "2026-03-02";
const TEAM = "Doorbraakteam Zandstad";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines())("notifications at the moment of the command on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let smtp: TestSmtp;
  let jobs: Jobs | undefined;
  let caseId: string;
  const savedUrl = process.env.AANWEZIG_SMTP_URL;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.AANWEZIG_SMTP_URL = smtp.url;
    // As in serve: the app queues a command's mail on the jobs' queue, started after the app.
    t = await startTestApp(engine, {
      mail: { queue: async (ids) => jobs?.mail.queue(ids) },
    });
    jobs = await startJobs(t.db, {
      pollingIntervalSeconds: 0.5,
      log: () => {},
      bossIntervals: { superviseIntervalSeconds: 1, maintenanceIntervalSeconds: 1 },
    });
    s = await loginEveryone(t);
    as = (who) => clientOf(t, s[who]);
    await createTeam(t.db.orm, {
      id: "team-zandstad",
      municipality: "Zandstad",
      name: TEAM,
      members: [
        { discipline: "onderwijs", name: "A. Lid", organisation: "SWV", userId: s.breakthrough.id },
      ],
    });
    caseId = await openCaseForP0001(as);
    // pg-boss on the embedded engine takes long to start on a busy machine.
  }, 240_000);
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    await smtp.close();
    if (savedUrl === undefined) delete process.env.AANWEZIG_SMTP_URL;
    else process.env.AANWEZIG_SMTP_URL = savedUrl;
  });

  const notificationsOf = (userId: string, kind: string) =>
    t.db.sql.query<{ email_status: string; subject: string }>(
      "select email_status, subject from notifications where user_id = $1 and kind = $2",
      [userId, kind],
    );
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  async function mailArrives(email: string, subject: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!mailsTo(email).some((m) => m.text.includes(subject))) {
      if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${email}`);
      await sleep(200);
    }
  }

  it("tells the new owner of a hand-over at once, by e-mail", async () => {
    const handed = await as("coordinator").post(`/api/cases/${caseId}/escalate`, {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const [raised] = await notificationsOf(s.director.id, "case_handed_over");
    expect(raised?.subject).toMatch(/^Casus [0-9a-z]{8} is aan u overgedragen$/i);
    await mailArrives(s.director.email, raised?.subject ?? "?");
  }, 90_000);

  it("tells the team and the owner of a planned breakthrough meeting at once", async () => {
    const convened = await as("director").post(`/api/cases/${caseId}/breakthrough`, {
      reason: "Stagnatie door wachtlijst",
      meeting_date: "2026-03-12",
    });
    expect(convened.statusCode, convened.body).toBe(200);
    for (const who of ["breakthrough", "director"] as const) {
      const [raised] = await notificationsOf(s[who].id, "breakthrough_meeting_planned");
      expect(raised?.subject).toBe("Doorbraakoverleg gepland op 12 maart 2026");
      await mailArrives(s[who].email, "Doorbraakoverleg gepland op 12 maart 2026");
    }
  }, 90_000);

  it("tells the case's people of a consent decision at once, not the one who recorded it", async () => {
    const recorded = await as("director").post(`/api/cases/${caseId}/consent`, {
      purpose: "involve_partner",
      subject: TEAM,
      decision: "given",
      giver: { kind: "parent", person_id: s.parent.id },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const [raised] = await notificationsOf(s.coordinator.id, "consent_changed");
    expect(raised).toBeDefined();
    await mailArrives(s.coordinator.email, raised?.subject ?? "?");
    expect(await notificationsOf(s.director.id, "consent_changed")).toEqual([]);
  }, 90_000);

  /** Until every queued mail is sent (or skipped by the recipient's choice). */
  async function outboxSettled(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await t.db.sql.query<{ n: number }>(
        "select count(*)::int as n from notifications where email_status = 'pending'",
      );
      if (row?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${row?.n} mails still pending`);
      await sleep(200);
    }
  }

  it("leaves the daily job nothing to raise or mail twice", async () => {
    await outboxSettled();
    const before = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from notifications",
    );
    const report = await raiseEventNotifications(t.db, TODAY);
    expect(report).toMatchObject({ caseHandedOver: 0, breakthroughMeeting: 0, consentChanged: 0 });
    const mailed = smtp.received.length;
    await jobs?.sweepMail();
    await outboxSettled();
    expect(
      smtp.received.slice(mailed).map((m) => [m.to, m.text.match(/^Subject: (.*)$/m)?.[1]]),
    ).toEqual([]);
    const after = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from notifications",
    );
    // Only what the job raises itself (a parent's request for consent, by e-mail only when
    // the parent chose it; no signals today).
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(report.parents + report.signalDigest);
    for (const who of ["director", "breakthrough", "coordinator"] as const) {
      const mails = mailsTo(s[who].email).map((m) => m.text.match(/^Subject: (.*)$/m)?.[1]);
      expect(new Set(mails).size, `${who}: ${mails.join(" | ")}`).toBe(mails.length);
    }
  }, 90_000);
});

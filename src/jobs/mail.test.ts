// Issue 16 item 2 on both engines: "a failed send is retried by the job queue and visible to the
// administrator, never lost". Through pg-boss (serve's scheduler) and a real SMTP server in this
// process: a mail the server refuses once is sent by pg-boss's retry; a mail the server keeps
// refusing stays `failed` after MAX_MAIL_ATTEMPTS with its error, and is sent once the
// administrator offers it again and the queue sweeps.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCaseRegion, userWith } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import { startSmtp, type TestSmtp } from "../../test/support/smtp.ts";
import type { Database } from "../db/connect.ts";
import { notifications } from "../db/schema/notifications.ts";
import { MAX_MAIL_ATTEMPTS } from "../services/notifications.ts";
import { type Jobs, startJobs } from "./scheduler.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines())("the mail queue via pg-boss on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let smtp: TestSmtp;
  let jobs: Jobs;
  let userId: string;
  const savedUrl = process.env.AANWEZIG_SMTP_URL;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    smtp = await startSmtp();
    process.env.AANWEZIG_SMTP_URL = smtp.url;
    await seedCaseRegion(db);
    userId = await userWith(db, "zc@test.example", [
      { role: "care_coordinator", schoolId: "99ZZ00" },
    ]);
    jobs = await startJobs(db, {
      pollingIntervalSeconds: 0.5,
      // Back-off from 1 s, capped at 1 s: the five tries of the second test take ~4 s of
      // waiting instead of 15–30 s (pg-boss doubles the delay with a random factor).
      mailRetryDelaySeconds: 1,
      mailRetryDelayMaxSeconds: 1,
      log: () => {},
      bossIntervals: { superviseIntervalSeconds: 1, maintenanceIntervalSeconds: 1 },
    });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop();
    await smtp.close();
    if (savedUrl === undefined) delete process.env.AANWEZIG_SMTP_URL;
    else process.env.AANWEZIG_SMTP_URL = savedUrl;
    await dispose();
  });

  async function notify(subject: string): Promise<string> {
    const id = randomUUID();
    await db.orm.insert(notifications).values({
      id,
      userId,
      kind: "case_handed_over",
      dedupeKey: `test:${id}`,
      subject,
      body: "Casus ABCD1234 is aan u overgedragen.",
      link: "/casussen/x",
    });
    return id;
  }

  async function stateOf(id: string) {
    const [row] = await db.sql.query<{ status: string; attempts: number; error: string | null }>(
      "select email_status as status, email_attempts as attempts, email_error as error from notifications where id = $1",
      [id],
    );
    return row;
  }

  async function until(id: string, done: (s: Awaited<ReturnType<typeof stateOf>>) => boolean) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const state = await stateOf(id);
      if (done(state)) return state;
      if (Date.now() > deadline) throw new Error(`mail ${id}: ${JSON.stringify(state)}`);
      await sleep(250);
    }
  }

  it("sends a mail the server refused once on pg-boss's retry", async () => {
    const id = await notify("Een keer geweigerd");
    smtp.failNext(1);
    expect(await jobs.sweepMail()).toBe(1);
    // A second sweep while the job waits or runs queues nothing twice.
    expect(await jobs.sweepMail()).toBe(0);
    const state = await until(id, (s) => s?.status === "sent");
    expect(state).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(smtp.received.filter((m) => m.text.includes("Een keer geweigerd"))).toHaveLength(1);
  }, 120_000);

  it("keeps a mail that keeps failing, with its error, until the administrator offers it again", async () => {
    const id = await notify("Steeds geweigerd");
    smtp.failNext(MAX_MAIL_ATTEMPTS);
    expect(await jobs.sweepMail()).toBe(1);
    const failed = await until(id, (s) => s?.attempts === MAX_MAIL_ATTEMPTS);
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toContain("Tijdelijk niet beschikbaar");
    // Given up: a sweep leaves it on the administrator's list, it is not lost or resent.
    await sleep(1500);
    expect(await jobs.sweepMail()).toBe(0);
    expect((await stateOf(id))?.status).toBe("failed");
    // Offered again (POST /api/admin/mail-outbox/{id}/retry does this): sent by the next sweep.
    await db.sql.query(
      "update notifications set email_status = 'pending', email_attempts = 0 where id = $1",
      [id],
    );
    expect(await jobs.sweepMail()).toBe(1);
    expect(await until(id, (s) => s?.status === "sent")).toMatchObject({ attempts: 1 });
  }, 150_000);
});

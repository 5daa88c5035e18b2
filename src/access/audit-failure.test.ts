// A read that cannot be logged is not served (domain.md §2, issue 12): when the audit trail
// refuses a row — here a trigger on the real table, no mock — the monitor (whose rows are
// written in batches) and a pupil answer 503, and nothing of them is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../test/support/test-app.ts";
import { listAudit } from "../db/repositories/audit.ts";
import { PROBLEM_CONTENT_TYPE } from "../http/problem.ts";
import { AuditUnavailable, appendAudit } from "./audit.ts";
import { type AuditEvent, AuditEventSchema } from "./audit-event.ts";

describe.each(engines())("an audit trail that cannot be written, on $name", (engine) => {
  let t: TestApp;
  let policy: LoggedIn;
  let coordinator: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "ib@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
    policy = await login(t.app, "beleid@zandstad.example");
    coordinator = await login(t.app, "ib@linde.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });

  async function auditDown(): Promise<void> {
    await t.db.sql.exec(`
      create function refuse_audit_rows() returns trigger language plpgsql as
        $$ begin raise exception 'audit trail down (test)'; end $$;
      create trigger refuse_audit_rows before insert on audit_log
        for each row execute function refuse_audit_rows();
    `);
  }
  async function auditUp(): Promise<void> {
    await t.db.sql.exec(`
      drop trigger refuse_audit_rows on audit_log;
      drop function refuse_audit_rows();
    `);
  }

  it("answers 503 instead of the monitor or a pupil while rows cannot be written", async () => {
    await auditDown();
    try {
      for (const [who, url] of [
        [policy, "/api/monitor?as_of=2026-03-02&by=school"],
        [coordinator, "/api/pupils/P0001"],
      ] as const) {
        const response = await get(who, url);
        expect(response.statusCode, url).toBe(503);
        expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
        expect(response.json()).toMatchObject({ type: "urn:aanwezig:problem:audit-unavailable" });
        expect(response.body).not.toContain("Fenna");
      }
    } finally {
      await auditUp();
    }
    // Once the trail works again, the same monitor read is served and logged.
    const response = await get(policy, "/api/monitor?as_of=2026-03-02&by=school");
    expect(response.statusCode).toBe(200);
    const rows = await listAudit(t.db.orm, { limit: 20 });
    expect(rows.filter((r) => r.action === "read_monitor" && r.outcome === "allowed")).toHaveLength(
      1,
    );
  });

  it("throws AuditUnavailable from appendAudit, and accepts only AuditEvents", async () => {
    const event: AuditEvent = {
      userId: null,
      role: "system",
      action: "read_monitor",
      resourceType: "monitor",
      resourceId: "monitor",
      pupilId: null,
      context: { route: "test", method: "TEST" },
      outcome: "allowed",
    };
    await auditDown();
    try {
      await expect(appendAudit(t.db.orm, event)).rejects.toBeInstanceOf(AuditUnavailable);
    } finally {
      await auditUp();
    }
    // A monitor row naming a pupil is not a monitor event.
    expect(AuditEventSchema.safeParse({ ...event, pupilId: "P0001" }).success).toBe(false);
    expect(AuditEventSchema.safeParse({ ...event, action: "peek" }).success).toBe(false);
  });
});

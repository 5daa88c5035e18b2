// GET /api/privacy/retention-runs (issue 18): the privacy officer sees the last runs of the
// retention procedure with their figures (no personal data), newest first, and the read is in
// the trail; a care coordinator is refused (403, audited as denied); /api/v1 answers the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { runRetention } from "../../services/retention.ts";

// Audit rows carry the wall clock's time: six years on, the trail's own term of five has passed.
const LATER = `${new Date().getUTCFullYear() + 6}-03-02`;
const LATER_NEXT = `${new Date().getUTCFullYear() + 6}-03-03`;

describe.each(engines())("retention runs API on $name", (engine) => {
  let t: TestApp;
  let privacy: LoggedIn;
  let privacyId: string;
  let coordinator: LoggedIn;
  let coordinatorId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    privacyId = await addUser(t.db, "privacy@regio.example", [{ role: "privacy_officer" }]);
    coordinatorId = await addUser(t.db, "zc@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    privacy = await login(t.app, "privacy@regio.example");
    coordinator = await login(t.app, "zc@linde.example");
    // A read of the trail leaves a row of today; then two runs: one six years on that removes that
    // row past the trail's own term of five years, then a dry run.
    await t.app.inject({ method: "GET", url: "/api/audit", headers: { cookie: privacy.cookie } });
    await runRetention(t.db, LATER, { startedBy: "job" });
    await runRetention(t.db, LATER_NEXT, { dryRun: true });
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });

  it("lists the runs newest first, with their figures per class and table", async () => {
    const response = await get(privacy, "/api/privacy/retention-runs");
    expect(response.statusCode).toBe(200);
    const { runs } = response.json() as {
      runs: {
        as_of: string;
        dry_run: boolean;
        status: string;
        started_by: string;
        counts: { data_class: string; table: string; rows: number }[];
      }[];
    };
    expect(runs.map((r) => [r.as_of, r.dry_run, r.status, r.started_by])).toEqual([
      [LATER_NEXT, true, "completed", "cli"],
      [LATER, false, "completed", "job"],
    ]);
    // The read of today is more than five years old by then: the trail's own term removed it.
    const audit = runs[1]?.counts.find((c) => c.table === "audit_log");
    expect(audit?.data_class).toBe("audit_log");
    expect(audit?.rows).toBeGreaterThan(0);
    const v1 = await get(privacy, "/api/v1/privacy/retention-runs?limit=1");
    expect(v1.statusCode).toBe(200);
    expect((v1.json() as { runs: unknown[] }).runs).toHaveLength(1);
    const trail = await listAudit(t.db.orm, { userId: privacyId, limit: 10 });
    expect(trail.some((a) => a.action === "read_retention_runs" && a.outcome === "allowed")).toBe(
      true,
    );
  });

  it("refuses anyone who may not read the audit trail, and logs the refusal", async () => {
    const response = await get(coordinator, "/api/privacy/retention-runs");
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    const trail = await listAudit(t.db.orm, { userId: coordinatorId, limit: 10 });
    expect(trail.some((a) => a.action === "read_retention_runs" && a.outcome === "denied")).toBe(
      true,
    );
  });
});

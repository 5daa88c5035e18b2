import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { personalStrings, seedMonitorRegion } from "../../../test/support/monitor-region.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";

describe.each(engines())("GET /api/monitor/kpis on $name", (engine) => {
  let t: TestApp;
  let policy: LoggedIn;
  let coordinator: LoggedIn; // the head of the cases' school
  let otherSchool: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const ownerId = await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "directie@baken.example", [{ role: "school_head", schoolId: "34CD00" }]);
    await seedMonitorRegion(t.db, ownerId);
    // first professional contact (due 2026-03-02) on time for four of the five SCHOOL cases
    for (const id of ["P1001", "P1002", "P1003", "P1004"]) {
      await t.db.sql.query(
        `insert into case_events (id, case_id, kind, date, person_id) values ($1, $2, 'professional_contact', '2026-02-25', $3)`,
        [`ev-${id}`, `case-${id}`, ownerId],
      );
    }
    await addUser(t.db, "directie@linde.example", [{ role: "school_head", schoolId: "12AB00" }]);
    policy = await login(t.app, "beleid@zandstad.example");
    coordinator = await login(t.app, "directie@linde.example");
    otherSchool = await login(t.app, "directie@baken.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
  type Kpi = {
    code: string;
    met: number | null;
    total: number | null;
    pending: number | null;
    actual: number | null;
    target: number;
    cases: { case_id: string; status: string }[] | null;
  };

  it("shows the school's head the figures and the cases behind them", async () => {
    const response = await get(coordinator, "/api/monitor/kpis?quarter=2026-Q1");
    expect(response.statusCode).toBe(200);
    const body = response.json() as { quarter: string; evaluated_at: string; kpis: Kpi[] };
    expect(body.evaluated_at).toBe("2026-03-02");
    const contact = body.kpis.find((k) => k.code === "first_professional_contact");
    expect(contact).toMatchObject({ met: 4, total: 4, pending: 1, actual: 1, target: 0.8 });
    expect(contact?.cases?.map((c) => c.status).sort()).toEqual([
      "met",
      "met",
      "met",
      "met",
      "pending",
    ]);
    // guarantee: two breached (absence since 2025-11-03, no offer), one met at closing
    const guarantee = body.kpis.find((k) => k.code === "three_month_guarantee");
    expect(guarantee).toMatchObject({ met: 1, total: 3, target: 0.8 });
    expect(guarantee?.actual).toBeCloseTo(1 / 3);
    expect(guarantee?.cases).toHaveLength(3);
  });

  it("gives policy roles counts only, suppressed under 5, without any case or pupil", async () => {
    const response = await get(policy, "/api/monitor/kpis?quarter=2026-Q1");
    expect(response.statusCode).toBe(200);
    const body = response.json() as { kpis: Kpi[] };
    for (const k of body.kpis) expect(k.cases).toBeNull();
    const guarantee = body.kpis.find((k) => k.code === "three_month_guarantee");
    expect(guarantee).toMatchObject({ met: null, total: null, actual: null });
    for (const s of [...personalStrings(), "case-P"]) expect(response.body).not.toContain(s);
  });

  it("lists no case a user may not read (another school's head)", async () => {
    const body = (await get(otherSchool, "/api/monitor/kpis?quarter=2026-Q1")).json() as {
      kpis: Kpi[];
    };
    // school heads may read the monitor, but these cases belong to 12AB00
    for (const k of body.kpis) expect(k.cases ?? []).toEqual([]);
    expect(body.kpis.find((k) => k.code === "first_professional_contact")?.total).toBeNull();
  });
});

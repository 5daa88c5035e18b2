import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  insertCaseRow,
  personalStrings,
  seedMonitorRegion,
} from "../../../test/support/monitor-region.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { flushAudit } from "../../access/index.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("GET /api/monitor on $name", (engine) => {
  let t: TestApp;
  let policy: LoggedIn;
  let teacher: LoggedIn;
  let parent: LoggedIn;
  let ownerId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    ownerId = await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    await addUser(t.db, "ouder@thuis.example", [{ role: "parent", pupilId: "P1001" }]);
    await seedMonitorRegion(t.db, ownerId);
    policy = await login(t.app, "beleid@zandstad.example");
    teacher = await login(t.app, "juf@linde.example");
    parent = await login(t.app, "ouder@thuis.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
  const count = (
    rows: { group: string; measure: string; count: number | null }[],
    group: string,
    measure: string,
  ) => rows.find((r) => r.group === group && r.measure === measure)?.count;

  it("counts open cases by phase and duration per school, suppressing 1–4", async () => {
    const response = await get(policy, "/api/monitor?as_of=2026-03-02&by=school");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    const rows = response.json();
    expect(count(rows, "12AB00", "cases_open")).toBe(7);
    expect(count(rows, "12AB00", "cases_open:SCHOOL")).toBe(5);
    expect(count(rows, "12AB00", "cases_open_weeks:lt4w")).toBe(5);
    // 2 cases with the director, 3–6 months absent, 1 closed: suppressed, not left out
    expect(count(rows, "12AB00", "cases_open:CASE_DIRECTOR")).toBeNull();
    expect(count(rows, "12AB00", "cases_open_weeks:3m_6m")).toBeNull();
    expect(count(rows, "12AB00", "cases_closed:special_education")).toBeNull();
    expect(count(rows, "12AB00", "cases_opened")).toBe(8);
    expect(rows.every((r: { count: number | null }) => r.count === null || r.count >= 5)).toBe(
      true,
    );
    // sorted by group then measure
    const keys = rows.map(
      (r: { group: string; measure: string }) => `${r.group}\u0000${r.measure}`,
    );
    expect(keys).toEqual([...keys].sort());
  });

  it("groups absolute absence by residence and under '' by school", async () => {
    const byMunicipality = (
      await get(policy, "/api/monitor?as_of=2026-03-02&by=municipality")
    ).json();
    expect(count(byMunicipality, "Zandstad", "signal:ABSOLUTE")).toBe(6);
    expect(count(byMunicipality, "Zandstad", "thuiszitters_breed")).toBe(6);
    expect(count(byMunicipality, "Zandstad", "cases_open")).toBe(7);
    const bySchool = (await get(policy, "/api/monitor?as_of=2026-03-02&by=school")).json();
    expect(count(bySchool, "", "signal:ABSOLUTE")).toBe(6);
    const byPartnership = (
      await get(policy, "/api/monitor?as_of=2026-03-02&by=partnership")
    ).json();
    expect(count(byPartnership, "PO2605", "cases_open:SCHOOL")).toBe(5);
  });

  it("reads the phase and duration at an earlier date", async () => {
    const rows = (await get(policy, "/api/monitor?as_of=2025-11-20&by=school")).json();
    // then: P1006/P1007 in SCHOOL (< 4 weeks), P1008 open in SCHOOL (7 weeks): 3 cases
    expect(count(rows, "12AB00", "cases_open")).toBeNull();
    expect(count(rows, "12AB00", "cases_open:SCHOOL")).toBeNull();
    expect(count(rows, "12AB00", "cases_open:CASE_DIRECTOR")).toBeUndefined();
  });

  it("never names a pupil: no pupil id or name in any monitor response", async () => {
    for (const url of [
      "/api/monitor?as_of=2026-03-02&by=school",
      "/api/monitor?as_of=2026-03-02&by=municipality",
      "/api/monitor?as_of=2026-03-02&by=partnership",
      "/api/monitor/trend?from=2025-Q3&to=2026-Q1&by=school",
    ]) {
      const body = (await get(policy, url)).body;
      for (const s of personalStrings()) expect(body).not.toContain(s);
    }
  });

  it("refuses roles without access to the monitor, and audits every read", async () => {
    expect((await get(teacher, "/api/monitor")).statusCode).toBe(403);
    expect((await get(parent, "/api/monitor")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/monitor" })).statusCode).toBe(401);
    await flushAudit(t.db.orm); // aggregate reads are written in batches
    const audit = await listAudit(t.db.orm, { limit: 100 });
    const reads = audit.filter((a) => a.action === "read_monitor");
    expect(reads.some((a) => a.outcome === "allowed" && a.role === "policy_officer")).toBe(true);
    expect(reads.some((a) => a.outcome === "denied")).toBe(true);
  });

  it("reports per quarter: states at the quarter's end, flows within it", async () => {
    const response = await get(policy, "/api/monitor/trend?from=2025-Q4&to=2026-Q2&by=school");
    expect(response.statusCode).toBe(200);
    const rows = response.json() as {
      quarter: string;
      as_of: string;
      group: string;
      measure: string;
      count: number | null;
    }[];
    expect([...new Set(rows.map((r) => r.quarter))]).toEqual(["2025-Q4", "2026-Q1"]);
    expect(rows.find((r) => r.quarter === "2026-Q1")?.as_of).toBe("2026-03-02");
    const q1 = rows.filter((r) => r.quarter === "2026-Q1");
    expect(q1.find((r) => r.group === "12AB00" && r.measure === "cases_open")?.count).toBe(7);
    // opened in Q1: the five SCHOOL cases; in Q4: three
    expect(q1.find((r) => r.group === "12AB00" && r.measure === "cases_opened")?.count).toBe(5);
    const q4 = rows.filter((r) => r.quarter === "2025-Q4");
    expect(q4.find((r) => r.group === "12AB00" && r.measure === "cases_opened")?.count).toBeNull();
    expect((await get(policy, "/api/monitor/trend?from=2026-Q2&to=2025-Q1")).statusCode).toBe(400);
    // Found by the fuzz suite: a quarter of year 0000 was a 500 (it has no calendar dates).
    for (const url of [
      "/api/monitor/trend?from=0000-Q1",
      "/api/monitor/trend?from=1899-Q4&to=1900-Q1",
      "/api/monitor/kpis?quarter=0000-Q1",
    ]) {
      const response = await get(policy, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers["content-type"], url).toContain("application/problem+json");
    }
  });
  it("counts stagnation by cause and by provider waiting list, and the budget spent", async () => {
    await t.db.sql.exec(`
      insert into arrangements (id, provider_id, name, kind, capacity)
      values ('arr-1', 'jeugdzorg-west', 'Dagbehandeling', 'youth_care', 4);
    `);
    for (const [i, id] of ["P1001", "P1002", "P1003", "P1004", "P1005"].entries()) {
      await t.db.sql.query(
        `insert into stagnation_flags (id, case_id, cause, note, flagged_at)
         values ($1, $2, 'waiting_list_youth_care', 'wachtlijst', '2026-02-25')`,
        [`flag-${id}`, `case-${id}`],
      );
      await t.db.sql.query(
        `insert into waiting_list_entries (arrangement_id, pupil_id, since, case_id)
         values ('arr-1', $1, '2026-02-24', $2)`,
        [id, `case-${id}`],
      );
      await t.db.sql.query(
        `insert into budget_ledger (id, budget_id, year, kind, case_id, amount_cents, purpose,
           recorded_at, recorded_by)
         values ($1, 'frictie-zandstad', 2026, 'commitment', $2, $3, 'plaatsing', '2026-02-26', 'test')`,
        [`commit-${id}`, `case-${id}`, 100_000 + i * 50],
      );
    }
    const rows = (await get(policy, "/api/monitor?as_of=2026-03-02&by=school")).json();
    expect(count(rows, "12AB00", "stagnation:waiting_list_youth_care")).toBe(5);
    expect(count(rows, "12AB00", "stagnation_waiting_list:jeugdzorg-west")).toBe(5);
    expect(count(rows, "12AB00", "budget_spent_eur")).toBe(5005); // 5 × €1000 + €5
    // the day before the flags: none
    const before = (await get(policy, "/api/monitor?as_of=2026-02-23&by=school")).json();
    expect(count(before, "12AB00", "stagnation:waiting_list_youth_care")).toBeUndefined();
  });

  it("follows new data at once (the cache is invalidated by the case tables; runs last)", async () => {
    const before = (await get(policy, "/api/monitor?as_of=2026-03-02&by=school")).json();
    expect(count(before, "12AB00", "cases_open:CASE_DIRECTOR")).toBeNull();
    for (const id of ["P0001", "P0002", "P0003"]) {
      await insertCaseRow(t.db, {
        id: `case-late-${id}`,
        pupilId: id,
        phase: "CASE_DIRECTOR",
        openedAt: "2025-11-10",
        absenceStart: "2025-11-03",
        ownerId,
        transitions: [
          { at: "2025-12-01", from: "SCHOOL", to: "CASE_DIRECTOR", command: "hand_to_director" },
        ],
      });
    }
    const after = (await get(policy, "/api/monitor?as_of=2026-03-02&by=school")).json();
    expect(count(after, "12AB00", "cases_open:CASE_DIRECTOR")).toBe(5);
  });
});

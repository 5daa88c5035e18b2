import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  personalStrings,
  seedLongTermAbsence,
  seedMonitorRegion,
} from "../../../test/support/monitor-region.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { tellingCsv } from "./monitor-leerplichttelling.ts";

describe("the leerplichttelling as CSV", () => {
  it("defuses a municipality starting with a formula character and keeps the counts", () => {
    const rows = ["Zandstad", "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"].map((m) => ({
      municipality: m,
      category: "absoluut_verzuim",
      count: 6,
    }));
    expect(tellingCsv([...rows, { municipality: "*", category: "x", count: null }])).toBe(
      "municipality;category;count\nZandstad;absoluut_verzuim;6\n" +
        `"'=1+1";absoluut_verzuim;6\n"'+1";absoluut_verzuim;6\n"'-1";absoluut_verzuim;6\n` +
        `"'@SUM(A1)";absoluut_verzuim;6\n"'\t=1";absoluut_verzuim;6\n"'\r=1";absoluut_verzuim;6\n` +
        "*;x;\n",
    );
  });
});

describe.each(engines())("GET /api/monitor/leerplichttelling on $name", (engine) => {
  let t: TestApp;
  let policy: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const ownerId = await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    await seedMonitorRegion(t.db, ownerId);
    await seedLongTermAbsence(t.db);
    policy = await login(t.app, "beleid@zandstad.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, query: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/monitor/leerplichttelling?${query}`,
      headers: { cookie: who.cookie },
    });

  it("counts the school year's categories per residence municipality, suppressed", async () => {
    const response = await get(policy, "school_year=2025");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.school_year).toBe("2025-2026");
    expect(body.reference_date).toBe("2026-03-02"); // the year runs: counted up to today
    expect(body.notes.halt_verwijzingen).toBeUndefined(); // counted from the MAS steps now
    expect(body.notes.startkwalificatie).toMatch(/start qualification/);
    const z = (category: string) =>
      body.rows.find(
        (r: { municipality: string; category: string }) =>
          r.municipality === "Zandstad" && r.category === category,
      )?.count;
    // 4 + 8 pupils and 6 registered persons, all born 2012–2016
    expect(z("leerplichtig_of_kwalificatieplichtig")).toBe(18);
    expect(z("absoluut_verzuim")).toBe(6); // X2001–X2006: registered, not enrolled
    expect(z("thuiszitters_breed")).toBe(9); // + P1001–P1003 absent 4 lesweken
    expect(z("langdurig_relatief_verzuim")).toBeNull(); // P1001, P1002 unauthorized: 2
    expect(z("casussen_geopend")).toBe(8);
    expect(body.rows.every((r: { count: number | null }) => r.count === null || r.count >= 5)).toBe(
      true,
    );
    for (const s of personalStrings()) expect(response.body).not.toContain(s);
  });

  it("exports CSV, and refuses roles without the monitor", async () => {
    const csv = await get(policy, "school_year=2025&format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe("municipality;category;count");
    expect(csv.body).toContain("Zandstad;absoluut_verzuim;6");
    const teacher = await login(t.app, "juf@linde.example");
    expect((await get(teacher, "school_year=2025")).statusCode).toBe(403);
  });
});

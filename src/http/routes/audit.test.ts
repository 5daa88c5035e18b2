import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

describe.each(engines())("GET /api/audit on $name", (engine) => {
  let t: TestApp;
  const sessions: Record<string, LoggedIn> = {};
  beforeAll(async () => {
    t = await startTestApp(engine);
    const accounts: [string, { role: string; schoolId?: string; municipality?: string }][] = [
      ["juf@linde.example", { role: "teacher", schoolId: "12AB00" }],
      ["directie@linde.example", { role: "school_head", schoolId: "12AB00" }],
      ["lpa@gemeente.example", { role: "attendance_officer", municipality: "Zandstad" }],
      ["beheer@regio.example", { role: "app_admin" }],
      ["privacy@regio.example", { role: "privacy_officer" }],
    ];
    for (const [email, role] of accounts) {
      await addUser(t.db, email, [role]);
      sessions[email] = await login(t.app, email);
    }
    await t.app.inject({
      url: "/api/pupils/P0001",
      headers: { cookie: sessions["juf@linde.example"]!.cookie },
    });
    await t.app.inject({
      url: "/api/pupils/P0002",
      headers: { cookie: sessions["juf@linde.example"]!.cookie },
    });
  });
  afterAll(() => t.close());

  const audit = (email: string, query = "pupil_id=P0001") =>
    t.app.inject({ url: `/api/audit?${query}`, headers: { cookie: sessions[email]!.cookie } });

  it("gives the privacy officer and the application admin a pupil's trail", async () => {
    for (const email of ["privacy@regio.example", "beheer@regio.example"]) {
      const response = await audit(email);
      expect(response.statusCode).toBe(200);
      const entries = response.json().entries as { pupil_id: string; user_email: string }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.pupil_id === "P0001")).toBe(true);
      expect(entries.some((e) => e.user_email === "juf@linde.example")).toBe(true);
    }
  });

  it("refuses everyone else with 403 and anonymous requests with 401", async () => {
    for (const email of ["juf@linde.example", "directie@linde.example", "lpa@gemeente.example"]) {
      const response = await audit(email);
      expect(response.statusCode).toBe(403);
      expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    }
    expect((await t.app.inject({ url: "/api/audit?pupil_id=P0001" })).statusCode).toBe(401);
  });

  it("records reading the trail in the trail, refused attempts too", async () => {
    const response = await audit("privacy@regio.example", "pupil_id=P0001&limit=1000");
    const rows = response.json().entries as {
      action: string;
      user_email: string;
      outcome: string;
    }[];
    const auditReads = rows.filter((r) => r.action === "read_audit");
    expect(auditReads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_email: "juf@linde.example", outcome: "denied" }),
        expect.objectContaining({ user_email: "beheer@regio.example", outcome: "allowed" }),
      ]),
    );
  });

  it("pages newest first with before_id and validates the query", async () => {
    const first = (await audit("privacy@regio.example", "limit=2")).json();
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0].id).toBeGreaterThan(first.entries[1].id);
    const next = (
      await audit("privacy@regio.example", `limit=2&before_id=${first.next_before_id}`)
    ).json();
    expect(next.entries[0].id).toBeLessThan(first.entries[1].id);
    const bad = await audit("privacy@regio.example", "limit=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: "query", path: "limit" });
  });
});

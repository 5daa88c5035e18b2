// NEN 7513 fields in the audit trail (issue 18 part 3) on both engines: each row records who,
// what, whose data, when and why — the purpose of the route it came from; the privacy officer
// filters by pupil and by user (e-mail) and exports the trail as CSV with those fields; the CSV
// export is itself audited and refused to other roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";

describe.each(engines())("audit trail with purpose, filters and CSV on $name", (engine) => {
  let t: TestApp;
  let privacy: LoggedIn;
  let coordinator: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "privacy@regio.example", [{ role: "privacy_officer" }]);
    await addUser(t.db, "zc@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
    privacy = await login(t.app, "privacy@regio.example");
    coordinator = await login(t.app, "zc@linde.example");
    // The coordinator reads a pupil of the school: a row with the pupil and a purpose.
    const read = await get(coordinator, "/api/pupils/P0001");
    expect(read.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  function get(who: LoggedIn, url: string) {
    return t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
  }

  it("records why: the purpose of the route, on every new row", async () => {
    const page = (await get(privacy, "/api/audit?pupil_id=P0001")).json() as {
      entries: { action: string; pupil_id: string; user_email: string; purpose: string | null }[];
    };
    const read = page.entries.find((e) => e.action === "read_pupil");
    expect(read).toMatchObject({ pupil_id: "P0001", user_email: "zc@linde.example" });
    expect(read?.purpose).toMatch(/Leerlingdossier/);
    const [blank] = await t.db.sql.query<{ n: string }>(
      "select count(*) as n from audit_log where purpose is null",
    );
    expect(Number(blank?.n)).toBe(0);
  });

  it("filters by user (e-mail, any case) and by pupil", async () => {
    const byUser = (await get(privacy, "/api/audit?user_email=ZC@linde.example")).json() as {
      entries: { user_email: string }[];
    };
    expect(byUser.entries.length).toBeGreaterThan(0);
    expect(new Set(byUser.entries.map((e) => e.user_email))).toEqual(new Set(["zc@linde.example"]));
    // Only the rows about P0003: here just this read of the trail itself.
    const other = (await get(privacy, "/api/audit?pupil_id=P0003")).json() as {
      entries: { action: string; pupil_id: string }[];
    };
    expect(other.entries.map((e) => [e.action, e.pupil_id])).toEqual([["read_audit", "P0003"]]);
  });

  it("exports the filtered trail as CSV with the NEN 7513 fields", async () => {
    const response = await get(privacy, "/api/audit/export?pupil_id=P0001");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toContain("logboek-P0001.csv");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^"?id"?[;,]"?tijdstip"?/);
    expect(lines[0]).toContain("doel");
    expect(lines.slice(1).some((l) => l.includes("zc@linde.example") && l.includes("P0001"))).toBe(
      true,
    );
    expect(lines.slice(1).every((l) => l.includes("P0001"))).toBe(true);
    // The export is in the trail itself; other roles are refused.
    const page = (await get(privacy, "/api/audit?user_email=privacy@regio.example")).json() as {
      entries: { action: string; context: Record<string, string> }[];
    };
    expect(page.entries.some((e) => e.action === "read_audit" && e.context.export === "csv")).toBe(
      true,
    );
    expect((await get(coordinator, "/api/audit/export")).statusCode).toBe(403);
  });
});

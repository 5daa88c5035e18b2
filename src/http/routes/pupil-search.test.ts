// GET /api/pupils?q= on both engines (issue 11 item 3): by name or number, at most 20, only
// pupils the user may see (the read_pupil decision of GET /api/pupils/{id}), an audit row per
// returned pupil, 400 problem+json for a term that is too short or not a name, 403 for roles
// that never read pupils.
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
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

describe.each(engines())("GET /api/pupils?q= on $name", (engine) => {
  let t: TestApp;
  const who: Record<string, LoggedIn> = {};
  let lindeId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    // 25 more residents of Zandstad at Het Baken, all called "Kind".
    await t.db.sql.exec(`
      insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
        select 'K' || lpad(n::text, 4, '0'), 'Kind', 'Nummer ' || n, '2014-01-01', 'Zandstad'
        from generate_series(1, 25) n;
      insert into enrolments
        select 'K' || lpad(n::text, 4, '0'), '34CD00', '2024-08-26', null, '1'
        from generate_series(1, 25) n;
    `);
    lindeId = await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    await addUser(t.db, "mentor@baken.example", [{ role: "teacher", schoolId: "34CD00" }]);
    await addUser(t.db, "ouder@thuis.example", [{ role: "parent", pupilId: "P0002" }]);
    await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "beleid@gemeente.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    for (const [key, email] of [
      ["linde", "juf@linde.example"],
      ["baken", "mentor@baken.example"],
      ["parent", "ouder@thuis.example"],
      ["lpa", "lpa@zandstad.example"],
      ["policy", "beleid@gemeente.example"],
    ] as const) {
      who[key] = await login(t.app, email);
    }
  });
  afterAll(() => t.close());

  const search = (user: LoggedIn | null, q?: string) =>
    t.app.inject({
      method: "GET",
      url: q === undefined ? "/api/pupils" : `/api/pupils?q=${encodeURIComponent(q)}`,
      headers: user ? { cookie: user.cookie } : {},
    });
  const ids = async (user: LoggedIn, q: string) => {
    const response = await search(user, q);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { pupil_id: string }[]).map((p) => p.pupil_id);
  };

  it("finds the own school's pupils by part of the name or the start of the number", async () => {
    const response = await search(who.linde!, "verb");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        pupil_id: "P0001",
        pupil_name: "Fenna Verbeek",
        given_name: "Fenna",
        family_name: "Verbeek",
        schools: [{ school_id: "12AB00", school_name: "Basisschool De Linde" }],
      },
    ]);
    // P0004 left De Linde this school year and is still seen; P0003 left last year and is not.
    expect(await ids(who.linde!, "P000")).toEqual(["P0004", "P0001"]);
    expect(await ids(who.linde!, "Fenna Verbeek")).toEqual(["P0001"]);
    expect(await ids(who.linde!, "bakker")).toEqual([]);
  });

  it("finds no pupil of another school for a teacher", async () => {
    expect(await ids(who.baken!, "Verbeek")).toEqual([]);
    expect(await ids(who.baken!, "P0001")).toEqual([]);
    expect(await ids(who.linde!, "Kuiper")).toEqual([]);
    expect(await ids(who.linde!, "Kind")).toEqual([]);
  });

  it("finds a parent's own child only, or nothing", async () => {
    expect(await ids(who.parent!, "Kuiper")).toEqual(["P0002"]);
    expect(await ids(who.parent!, "P000")).toEqual(["P0002"]);
    expect(await ids(who.parent!, "Verbeek")).toEqual([]);
  });

  it("answers at most 20 pupils, and takes the term literally", async () => {
    expect(await ids(who.lpa!, "Kind")).toHaveLength(20);
    expect(await ids(who.lpa!, "__")).toEqual([]);
  });

  it("writes an audit row for every returned pupil and none for the others", async () => {
    await ids(who.linde!, "ee"); // Fenna Verbeek, Mees Dekker
    const rows = (await listAudit(t.db.orm, { userId: lindeId, limit: 100 })).filter(
      (r) => r.action === "read_pupil" && r.context.search === "true",
    );
    const last = rows.slice(0, 2).map((r) => [r.pupilId, r.outcome, r.role]);
    expect(last.sort()).toEqual([
      ["P0001", "allowed", "teacher"],
      ["P0004", "allowed", "teacher"],
    ]);
    expect(rows.every((r) => r.context.route === "/api/pupils")).toBe(true);
    expect(rows.some((r) => r.pupilId === "P0002" || r.pupilId === "P0003")).toBe(false);
  });

  it("answers 400 problem+json for a term too short, missing or not a name", async () => {
    for (const q of [undefined, "", "a", " a ", "%%", "x".repeat(101)]) {
      const response = await search(who.linde!, q);
      expect(response.statusCode, `q=${q}`).toBe(400);
      expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    }
  });

  it("answers 401 without a session and 403 to roles that never read pupils", async () => {
    expect((await search(null, "Verbeek")).statusCode).toBe(401);
    const policy = await search(who.policy!, "Verbeek");
    expect(policy.statusCode).toBe(403);
    expect(policy.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
  });
});

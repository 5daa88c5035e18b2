import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { statementsDuring } from "../../../test/support/query-log.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

describe.each(engines())("GET /api/pupils/{id} on $name", (engine) => {
  let t: TestApp;
  let lindeTeacher: LoggedIn;
  let bakenTeacher: LoggedIn;
  let parent: LoggedIn;
  let lindeTeacherId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    lindeTeacherId = await addUser(t.db, "juf@linde.example", [
      { role: "teacher", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "mentor@baken.example", [{ role: "teacher", schoolId: "34CD00" }]);
    await addUser(t.db, "ouder@thuis.example", [{ role: "parent", pupilId: "P0002" }]);
    await addUser(t.db, "beleid@gemeente.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    lindeTeacher = await login(t.app, "juf@linde.example");
    bakenTeacher = await login(t.app, "mentor@baken.example");
    parent = await login(t.app, "ouder@thuis.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, pupilId: string) =>
    t.app.inject({ method: "GET", url: `/api/pupils/${pupilId}`, headers: { cookie: who.cookie } });

  it("shows staff of the pupil's school the pupil with enrolments", async () => {
    const response = await get(lindeTeacher, "P0001");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      pupil_id: "P0001",
      given_name: "Fenna",
      family_name: "Verbeek",
      birth_date: "2016-05-14",
      municipality: "Zandstad",
      enrolments: [
        {
          school_id: "12AB00",
          school_name: "Basisschool De Linde",
          start_date: "2022-08-22",
          end_date: null,
          grade: "6",
        },
      ],
    });
  });

  it("answers 404 to staff of another school exactly as for a pupil that does not exist", async () => {
    const hidden = await get(bakenTeacher, "P0001");
    const missing = await get(bakenTeacher, "P9999");
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(missing.headers["content-type"]).toBe(hidden.headers["content-type"]);
    // Same length ids, so the two answers must be byte-for-byte the same apart from the id.
    expect(missing.body.replace("P9999", "P0001")).toBe(hidden.body);
  });

  it("keeps a pupil visible to the school for the rest of the school year after leaving", async () => {
    expect((await get(lindeTeacher, "P0004")).statusCode).toBe(200); // left 2025-09-30
    expect((await get(lindeTeacher, "P0003")).statusCode).toBe(404); // left 2025-06-30
    expect((await get(bakenTeacher, "P0003")).statusCode).toBe(200); // enrolled there since
  });

  it("shows parents their own child only", async () => {
    // src/domain/policy/rules.ts: read_pupil for a parent of that pupil; the route follows it.
    expect((await get(parent, "P0002")).statusCode).toBe(200);
    expect((await get(parent, "P0001")).statusCode).toBe(404);
  });

  it("lets leerplicht see pupils living in its municipality only", async () => {
    await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "lpa@elders.example", [
      { role: "attendance_officer", municipality: "Elders" },
    ]);
    const own = await login(t.app, "lpa@zandstad.example");
    const other = await login(t.app, "lpa@elders.example");
    expect((await get(own, "P0003")).statusCode).toBe(200);
    expect((await get(other, "P0003")).statusCode).toBe(404);
  });

  it("shows a professional the pupil only while taking part in the pupil's open case", async () => {
    const jeugdzorg = await addUser(t.db, "jeugdzorg@wijkteam.example", [{ role: "youth_care" }]);
    const who = await login(t.app, "jeugdzorg@wijkteam.example");
    expect((await get(who, "P0002")).statusCode).toBe(404);
    await t.db.sql.query(
      `insert into cases (id, pupil_id, school_id, phase, owner_person_id, owner_role,
         owner_organisation, opened_at, opening_kind, absence_start_date, clock_mode)
       values ('C1', 'P0002', '34CD00', 'CASE_DIRECTOR', 'u-x', 'case_director', 'Zandstad',
         '2026-01-12', 'by_hand', '2026-01-05', 'lesweken')`,
    );
    const join = (until: string | null) =>
      t.db.sql.query(
        `insert into case_participants values ('C1', $1, $2, 'youth_care', 'Wijkteam', '2026-01-20', $3)`,
        [until === null ? 2 : 1, jeugdzorg, until],
      );
    await join("2026-02-27"); // left the case before today (2026-03-02)
    expect((await get(who, "P0002")).statusCode).toBe(404);
    await join(null);
    expect((await get(who, "P0002")).statusCode).toBe(200);
    await t.db.sql.query("update cases set phase = 'CLOSED' where id = 'C1'");
    expect((await get(who, "P0002")).statusCode).toBe(404);
  });

  it("shows policy roles no pupil at all", async () => {
    const policy = await login(t.app, "beleid@gemeente.example");
    expect((await get(policy, "P0001")).statusCode).toBe(404);
  });

  it("answers 401 without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/pupils/P0001" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
  });

  it("audits every read and every denied attempt with route and outcome", async () => {
    await get(lindeTeacher, "P0002");
    await get(lindeTeacher, "P0001");
    const p2 = await listAudit(t.db.orm, { pupilId: "P0002", limit: 100 });
    expect(p2[0]).toMatchObject({
      userId: lindeTeacherId,
      role: "teacher",
      action: "read_pupil",
      resourceType: "pupil",
      resourceId: "P0002",
      outcome: "denied",
      context: { route: "/api/pupils/:pupil_id", method: "GET" },
    });
    const p1 = await listAudit(t.db.orm, { pupilId: "P0001", limit: 1 });
    expect(p1[0]).toMatchObject({ userId: lindeTeacherId, role: "teacher", outcome: "allowed" });
    const missing = await listAudit(t.db.orm, { pupilId: "P9999", limit: 100 });
    expect(missing.map((r) => r.outcome)).toEqual(["denied"]);
  });

  it("answers a hidden and a missing pupil after the same queries, each audited once (issue 20 item 8a)", async () => {
    let hidden: Awaited<ReturnType<typeof get>> | undefined;
    let missing: Awaited<ReturnType<typeof get>> | undefined;
    const auditedBefore = (await listAudit(t.db.orm, { userId: lindeTeacherId, limit: 1000 }))
      .length;
    // P0002 exists at Het Baken, which the teacher of De Linde may not see; P9999 does not exist.
    const whenHidden = await statementsDuring(t.db, async () => {
      hidden = await get(lindeTeacher, "P0002");
    });
    const whenMissing = await statementsDuring(t.db, async () => {
      missing = await get(lindeTeacher, "P9999");
    });
    expect(hidden?.statusCode).toBe(404);
    expect(missing?.statusCode).toBe(404);
    expect(hidden?.body).toBe(missing?.body.replace("P9999", "P0002"));
    expect(whenHidden.length).toBeGreaterThan(2);
    expect(whenMissing).toEqual(whenHidden);
    const audited = await listAudit(t.db.orm, { userId: lindeTeacherId, limit: 1000 });
    expect(audited.length - auditedBefore).toBe(2);
    expect(audited.slice(0, 2).map((r) => [r.pupilId, r.action, r.outcome])).toEqual([
      ["P9999", "read_pupil", "denied"],
      ["P0002", "read_pupil", "denied"],
    ]);
  });
});

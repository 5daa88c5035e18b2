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
import type { PupilAttendanceBody } from "../presenters/attendance.ts";

describe.each(engines())("GET /api/pupils/{id}/attendance on $name", (engine) => {
  let t: TestApp;
  let bakenTeacher: LoggedIn;
  let lindeTeacher: LoggedIn;
  let leerplicht: LoggedIn;
  let parent: LoggedIn;
  let leerplichtId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "mentor@baken.example", [{ role: "teacher", schoolId: "34CD00" }]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    leerplichtId = await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "ouder@thuis.example", [{ role: "parent", pupilId: "P0002" }]);
    bakenTeacher = await login(t.app, "mentor@baken.example");
    lindeTeacher = await login(t.app, "juf@linde.example");
    leerplicht = await login(t.app, "lpa@zandstad.example");
    parent = await login(t.app, "ouder@thuis.example");
    // P0003 moved from De Linde (12AB00) to Het Baken (34CD00) on 2025-07-01.
    await t.db.sql.exec(`
      insert into attendance (pupil_id, date, period, school_id, minutes, reason, note) values
        ('P0003', '2025-06-02', 'day', '12AB00', 300, 'truant', null),
        ('P0003', '2026-02-02', 'day', '34CD00', 360, 'sick', 'koorts'),
        ('P0003', '2026-02-03', '1', '34CD00', 50, 'truant', null),
        ('P0003', '2026-02-03', '2', '34CD00', 10, 'late', null),
        ('P0003', '2026-02-04', '3', '34CD00', 50, 'medical', 'tandarts'),
        ('P0004', '2025-09-15', 'am', '12AB00', 150, 'unreported', null);
    `);
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn, pupilId: string, query = "") =>
    t.app.inject({
      method: "GET",
      url: `/api/pupils/${pupilId}/attendance${query}`,
      headers: { cookie: who.cookie },
    });
  const body = async (who: LoggedIn, pupilId: string, query = "") => {
    const response = await get(who, pupilId, query);
    expect(response.statusCode).toBe(200);
    return response.json() as PupilAttendanceBody;
  };
  const day = (b: PupilAttendanceBody, date: string) => b.days.find((d) => d.date === date);

  it("gives the school every school day of this school year up to today, with absence by kind", async () => {
    const b = await body(bakenTeacher, "P0003");
    expect(b).toMatchObject({
      pupil_id: "P0003",
      from: "2025-08-01",
      to: "2026-07-31",
      authorized_visible: true,
      schools: [{ school_id: "34CD00", name: "Het Baken" }],
    });
    expect(b.days[0]?.date).toBe("2025-08-01"); // a Friday
    expect(b.days.at(-1)?.date).toBe("2026-03-02"); // today: nothing after it
    expect(b.days.some((d) => [0, 6].includes(new Date(d.date).getUTCDay()))).toBe(false);
    expect(day(b, "2025-08-01")?.scheduled_minutes).toBe(300);
    expect(day(b, "2026-02-02")).toMatchObject({ sick_minutes: 360, reasons: ["sick"] });
    expect(day(b, "2026-02-03")).toEqual({
      date: "2026-02-03",
      school_id: "34CD00",
      scheduled_minutes: 360,
      unauthorized_minutes: 50,
      late_minutes: 10,
      late_count: 1,
      sick_minutes: 0,
      authorized_minutes: 0,
      reasons: ["late", "truant"].sort(),
    });
    expect(day(b, "2026-02-04")).toMatchObject({ authorized_minutes: 50, reasons: ["medical"] });
    expect(JSON.stringify(b)).not.toContain("koorts"); // notes stay at the school
  });

  it("shows school staff their own school's records only", async () => {
    const b = await body(bakenTeacher, "P0003", "?from=2025-06-01&to=2025-07-31");
    expect(new Set(b.days.map((d) => d.school_id))).toEqual(new Set(["34CD00"]));
    expect(b.days[0]?.date).toBe("2025-07-01");
    expect(day(b, "2025-06-02")).toBeUndefined();
    // Leerplicht follows the child and sees both schools.
    const lp = await body(leerplicht, "P0003", "?from=2025-06-01&to=2025-07-31");
    expect(day(lp, "2025-06-02")).toMatchObject({ school_id: "12AB00", unauthorized_minutes: 300 });
  });

  it("stops at the end of an enrolment for a pupil who left this year", async () => {
    const b = await body(lindeTeacher, "P0004");
    expect(b.days.at(-1)?.date).toBe("2025-09-30");
    expect(day(b, "2025-09-15")).toMatchObject({ unauthorized_minutes: 150 });
  });

  it("hides authorized absence from leerplicht until consent (a) is given, and after withdrawal", async () => {
    const before = await body(leerplicht, "P0003");
    expect(before.authorized_visible).toBe(false);
    expect(day(before, "2026-02-02")).toMatchObject({
      sick_minutes: null,
      authorized_minutes: null,
      reasons: [],
    });
    expect(day(before, "2026-02-04")?.reasons).toEqual([]);
    expect(day(before, "2026-02-03")).toMatchObject({ unauthorized_minutes: 50, late_count: 1 });
    expect(JSON.stringify(before)).not.toMatch(/sick"|medical/);

    const consent = (id: string, decision: string, at: string) =>
      t.db.sql.query(
        `insert into consent_records (id, pupil_id, purpose, decision, giver_kind, giver_person_id, at, recorded_by)
         values ($1, 'P0003', 'share_authorized_absence_with_leerplicht', $2, 'parent', 'ouder-x', $3, 'ouder-x')`,
        [id, decision, at],
      );
    await consent("c1", "given", "2026-02-20");
    const after = await body(leerplicht, "P0003");
    expect(after.authorized_visible).toBe(true);
    expect(day(after, "2026-02-02")).toMatchObject({ sick_minutes: 360, reasons: ["sick"] });

    await consent("c2", "withdrawn", "2026-03-02");
    expect((await body(leerplicht, "P0003")).authorized_visible).toBe(false);
  });

  it("answers 404 when the pupil is not visible, exactly as for one that does not exist", async () => {
    const hidden = await get(lindeTeacher, "P0003");
    const missing = await get(lindeTeacher, "P9999");
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(missing.body.replace("P9999", "P0003")).toBe(hidden.body);
    expect((await get(parent, "P0001")).statusCode).toBe(404);
  });

  it("answers a hidden and a missing pupil after the same queries (issue 20 item 8a)", async () => {
    const whenHidden = await statementsDuring(t.db, () => get(lindeTeacher, "P0003"));
    const whenMissing = await statementsDuring(t.db, () => get(lindeTeacher, "P9999"));
    expect(whenHidden.length).toBeGreaterThan(2);
    expect(whenMissing).toEqual(whenHidden);
  });

  it("refuses a parent the absence calendar of their own child (not theirs to read)", async () => {
    expect((await get(parent, "P0002")).statusCode).toBe(403);
  });

  it("checks the range", async () => {
    expect((await get(bakenTeacher, "P0003", "?from=2026-03-01&to=2026-02-01")).statusCode).toBe(
      400,
    );
    expect((await get(bakenTeacher, "P0003", "?from=2024-01-01&to=2026-02-01")).statusCode).toBe(
      400,
    );
    expect((await get(bakenTeacher, "P0003", "?from=2026-02-30")).statusCode).toBe(400);
  });

  it("answers 401 without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/pupils/P0003/attendance" });
    expect(response.statusCode).toBe(401);
  });

  it("audits the pupil read and the attendance read with what was shown", async () => {
    await get(leerplicht, "P0003");
    const rows = await listAudit(t.db.orm, { pupilId: "P0003", userId: leerplichtId, limit: 2 });
    expect(rows[0]).toMatchObject({
      action: "read_attendance",
      resourceType: "attendance",
      outcome: "allowed",
      context: { authorized: "false", schools: "12AB00,34CD00" },
    });
    expect(rows[1]).toMatchObject({
      action: "read_pupil",
      outcome: "allowed",
      context: { route: "/api/pupils/:pupil_id/attendance" },
    });
  });
});

import { setTimeout as sleep } from "node:timers/promises";
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
import type {
  AccountBody,
  AdminSchoolBody,
  ImportJobBody,
  ImportLogEntryBody,
} from "../presenters/admin.ts";

describe.each(engines())("administration API on $name", (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminId: string;
  let privacy: LoggedIn;
  let teacher: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(engine);
    adminId = await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    await addUser(t.db, "privacy@regio.example", [{ role: "privacy_officer" }]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    admin = await login(t.app, "beheer@regio.example");
    privacy = await login(t.app, "privacy@regio.example");
    teacher = await login(t.app, "juf@linde.example");
    await t.db.sql.exec(`
      insert into closures values
        ('midden', '2025-10-20', '2025-10-24', 'herfstvakantie'),
        ('noord', '2025-10-13', '2025-10-17', 'herfstvakantie'),
        ('12AB00', '2026-03-04', '2026-03-04', 'studiedag'),
        ('all', '2025-12-25', '2025-12-26', 'kerst');
    `);
  });
  afterAll(() => t.close());

  const send = (
    who: LoggedIn | null,
    method: "GET" | "POST",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...(who ? { cookie: who.cookie, "x-csrf-token": who.csrfToken } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const upload = (who: LoggedIn, kind: string, csv: string, fileName = `${kind}.csv`) =>
    send(who, "POST", `/api/admin/imports?kind=${kind}&file_name=${fileName}`, csv, {
      "content-type": "text/csv",
    });
  async function finished(jobId: string): Promise<ImportJobBody> {
    for (let i = 0; i < 500; i++) {
      const job = (await send(admin, "GET", `/api/admin/imports/jobs/${jobId}`)).json();
      if (job.phase === "done") return job as ImportJobBody;
      await sleep(20);
    }
    throw new Error("import did not finish");
  }

  it("is for the application admin only: others get 403, anonymous 401, denials audited", async () => {
    const endpoints: ["GET" | "POST", string][] = [
      ["GET", "/api/admin/users"],
      ["GET", "/api/admin/roles"],
      ["GET", "/api/admin/schools"],
      ["GET", "/api/admin/imports"],
      ["POST", `/api/admin/users/${adminId}/deactivate`],
    ];
    for (const [method, url] of endpoints) {
      for (const who of [privacy, teacher]) {
        const payload = method === "POST" ? {} : undefined;
        expect((await send(who, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
      }
      expect((await send(null, method, url)).statusCode).toBe(401);
    }
    const created = await send(teacher, "POST", "/api/admin/users", {
      email: "nieuw@linde.example",
      name: "Nieuw",
      role: "app_admin",
    });
    expect(created.statusCode).toBe(403);
    expect((await upload(teacher, "pupils", "pupil_id\n")).statusCode).toBe(403);
    const denied = await t.db.sql.query<{ action: string }>(
      "select action from audit_log where outcome = 'denied' and resource_type in ('user','import','school','role')",
    );
    expect(denied.map((r) => r.action)).toEqual(
      expect.arrayContaining(["list_users", "create_user", "import_file", "deactivate_user"]),
    );
    const accounts = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from users where email = 'nieuw@linde.example'",
    );
    expect(accounts[0]?.n).toBe(0);
  });

  it("lists accounts with their roles and scopes, and the scope each role needs", async () => {
    const users = (await send(admin, "GET", "/api/admin/users")).json() as AccountBody[];
    expect(users.map((u) => u.email)).toEqual([
      "beheer@regio.example",
      "juf@linde.example",
      "privacy@regio.example",
    ]);
    expect(users[1]).toMatchObject({
      active: true,
      roles: [{ role: "teacher", school_id: "12AB00", municipality: null, pupil_id: null }],
    });
    const roles = (await send(admin, "GET", "/api/admin/roles")).json();
    expect(roles).toContainEqual({ role: "parent", scope: "pupil" });
    expect(roles).toContainEqual({ role: "care_coordinator", scope: "school" });
  });

  it("creates an account with a role and its scope, who can then log in", async () => {
    const response = await send(admin, "POST", "/api/admin/users", {
      email: "Zorg@Linde.example",
      name: "Zora Zorg",
      password: "een-lang-wachtwoord",
      role: "care_coordinator",
      school_id: "12AB00",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: "zorg@linde.example",
      active: true,
      roles: [{ role: "care_coordinator", school_id: "12AB00" }],
    });
    const session = await login(t.app, "zorg@linde.example", "een-lang-wachtwoord");
    expect(session.response.statusCode).toBe(200);
    const audit = await listAudit(t.db.orm, { userId: adminId, limit: 1 });
    expect(audit[0]).toMatchObject({
      action: "create_user",
      role: "app_admin",
      outcome: "allowed",
      context: { email: "zorg@linde.example", role: "care_coordinator" },
    });
  });

  it("refuses a scope that does not fit the role, an unknown school or child, and a taken e-mail", async () => {
    const attempt = (body: Record<string, string>) =>
      send(admin, "POST", "/api/admin/users", { name: "X", ...body });
    const cases: [Record<string, string>, number][] = [
      [{ email: "a@x.example", role: "teacher" }, 400],
      [{ email: "a@x.example", role: "teacher", school_id: "00XX00" }, 400],
      [
        { email: "a@x.example", role: "teacher", school_id: "12AB00", municipality: "Zandstad" },
        400,
      ],
      [{ email: "a@x.example", role: "parent", pupil_id: "P9999" }, 400],
      [{ email: "a@x.example", role: "attendance_officer" }, 400],
      [{ email: "a@x.example", role: "app_admin", password: "kort" }, 400],
      [{ email: "geen-adres", role: "app_admin" }, 400],
      [{ email: "a@x.example", role: "koning" }, 400],
      [{ email: "JUF@linde.example", role: "app_admin" }, 409],
    ];
    for (const [body, status] of cases) {
      expect((await attempt(body)).statusCode, JSON.stringify(body)).toBe(status);
    }
    const parent = await attempt({
      email: "ouder@thuis.example",
      role: "parent",
      pupil_id: "P0002",
    });
    expect(parent.statusCode).toBe(201);
    expect(parent.json().roles).toEqual([
      {
        role: "parent",
        school_id: null,
        municipality: null,
        partnership: null,
        region: null,
        pupil_id: "P0002",
      },
    ]);
  });

  it("refuses a common or guessable password with a Dutch reason, and stores no account", async () => {
    for (const password of ["aaaaaaaaaaaa", "wachtwoord12", "zwakkewillem2026"]) {
      const response = await send(admin, "POST", "/api/admin/users", {
        email: "zwakke.willem@linde.example",
        name: "Zwakke Willem",
        password,
        role: "teacher",
        school_id: "12AB00",
      });
      expect(response.statusCode, password).toBe(400);
      expect(response.json()).toMatchObject({
        type: "urn:aanwezig:problem:validation",
        detail: expect.stringContaining("password: Dit wachtwoord is te makkelijk te raden"),
      });
    }
    const accounts = (await send(admin, "GET", "/api/admin/users")).json() as { email: string }[];
    expect(accounts.map((a) => a.email)).not.toContain("zwakke.willem@linde.example");
    const spaced = await send(admin, "POST", "/api/admin/users", {
      email: "zwakke.willem@linde.example",
      name: "Zwakke Willem",
      password: "drie olifanten op een fiets",
      role: "teacher",
      school_id: "12AB00",
    });
    expect(spaced.statusCode, spaced.body).toBe(201);
  });

  it("needs the session's CSRF token to change anything", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: { cookie: admin.cookie },
      payload: { email: "b@x.example", name: "B", role: "app_admin" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("deactivates an account: its session ends at once and it cannot log in again", async () => {
    const id = await addUser(t.db, "weg@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    const session = await login(t.app, "weg@linde.example");
    expect((await send(session, "GET", "/api/me")).statusCode).toBe(200);
    const response = await send(admin, "POST", `/api/admin/users/${id}/deactivate`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false });
    expect(response.json().disabled_at).not.toBeNull();
    expect((await send(session, "GET", "/api/me")).statusCode).toBe(401);
    expect((await login(t.app, "weg@linde.example")).response.statusCode).toBe(401);
    expect((await send(admin, "POST", `/api/admin/users/${id}/deactivate`, {})).statusCode).toBe(
      409,
    );
    expect(
      (await send(admin, "POST", `/api/admin/users/${adminId}/deactivate`, {})).statusCode,
    ).toBe(409);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await send(admin, "POST", `/api/admin/users/${unknown}/deactivate`, {})).statusCode,
    ).toBe(404);
  });

  it("lists schools with weekday minutes and the closures that apply to each", async () => {
    const schools = (await send(admin, "GET", "/api/admin/schools")).json() as AdminSchoolBody[];
    expect(schools.map((s) => s.school_id)).toEqual(["12AB00", "34CD00"]);
    expect(schools[0]).toMatchObject({
      name: "Basisschool De Linde",
      holiday_region: "midden",
      minutes: { mon: 300, tue: 300, wed: 180, thu: 300, fri: 300 },
    });
    expect(schools[0]?.closures.map((c) => c.name)).toEqual([
      "herfstvakantie",
      "kerst",
      "studiedag",
    ]);
    expect(schools[1]?.closures.map((c) => c.name)).toEqual(["herfstvakantie", "kerst"]);
    expect(schools[1]?.closures[0]?.scope).toBe("midden");
  });

  it("imports an uploaded file in the background and reports its counts", async () => {
    const csv =
      "pupil_id;given_name;family_name;birth_date;municipality\n" +
      "P0101;Noor;Visser;2014-04-01;Zandstad\n" +
      "P0102;Sem;Smit;2013-09-30;Zandstad\n";
    const response = await upload(admin, "pupils", csv, "../../leerlingen maart.csv");
    expect(response.statusCode).toBe(202);
    const started = response.json() as ImportJobBody;
    expect(started).toMatchObject({ kind: "pupils", file_name: "leerlingen_maart.csv" });
    const job = await finished(started.id);
    expect(job).toMatchObject({
      status: "imported",
      rows: 2,
      result: { inserted: 2, updated: 0, unchanged: 0, errors: [], errors_total: 0 },
    });
    const rows = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from pupils where pupil_id in ('P0101', 'P0102')",
    );
    expect(rows[0]?.n).toBe(2);
  });

  it("refuses a file with an invalid row as a whole and names line, column and reason", async () => {
    const csv =
      "pupil_id,school_id,date,period,minutes,reason\n" +
      "P0001,12AB00,2026-02-02,1,60,truant\n" +
      "P0001,12AB00,2026-02-03,1,60,spijbelen\n";
    const started = (await upload(admin, "attendance", csv)).json() as ImportJobBody;
    const job = await finished(started.id);
    expect(job.status).toBe("rejected");
    expect(job.result?.errors).toEqual([
      { line: 3, column: "reason", reason: expect.stringContaining("'spijbelen'") },
    ]);
    const rows = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from attendance where pupil_id = 'P0001'",
    );
    expect(rows[0]?.n).toBe(0);

    const log = (await send(admin, "GET", "/api/admin/imports")).json() as ImportLogEntryBody[];
    expect(log[0]).toMatchObject({
      kind: "attendance",
      outcome: "rejected",
      errors: [{ line: 3, column: "reason" }],
      actor: "web:beheer@regio.example",
    });
    expect(log[1]).toMatchObject({ kind: "pupils", outcome: "imported", inserted: 2 });
  });

  it("refuses a Windows-1252 upload unless told its encoding (?encoding=windows-1252)", async () => {
    const bytes = Buffer.from(
      "pupil_id;given_name;family_name;birth_date;municipality\nP0103;Eëlco;Çelik;2014-04-01;Ede\n",
      "latin1",
    );
    const post = (query: string) =>
      send(admin, "POST", `/api/admin/imports?kind=pupils${query}`, bytes, {
        "content-type": "text/csv",
      });
    const refused = await finished(((await post("")).json() as ImportJobBody).id);
    expect(refused.status).toBe("rejected");
    expect(refused.result?.errors).toEqual([
      { line: 2, column: "", reason: expect.stringContaining("UTF-8") },
    ]);
    const imported = await finished(
      ((await post("&encoding=windows-1252")).json() as ImportJobBody).id,
    );
    expect(imported).toMatchObject({ status: "imported", result: { inserted: 1 } });
    const rows = await t.db.sql.query("select given_name from pupils where pupil_id = 'P0103'");
    expect(rows).toEqual([{ given_name: "Eëlco" }]);
    expect((await post("&encoding=ebcdic")).statusCode).toBe(400);
  });

  it("refuses an unknown kind and an empty file", async () => {
    expect((await upload(admin, "leraren", "a\n")).statusCode).toBe(400);
    expect((await upload(admin, "pupils", "")).statusCode).toBe(400);
  });
});

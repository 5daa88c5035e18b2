// The region's mail server over HTTP (issue 16 item 2; interfaces.md "Outgoing mail"): the
// administrator saves server, TLS, login and sender; the password is never returned (only that
// one is set) and kept when a save leaves it out; invalid input is a 400 naming each field in
// Dutch; the environment's AANWEZIG_SMTP_URL is shown as what holds; others get 403; audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectReadAudited } from "../../../test/support/audited-reads.ts";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { currentMailConfig } from "../../services/mail-settings.ts";

const SERVER = {
  host: "smtp.zandstad.example",
  port: 587,
  security: "starttls",
  username: "aanwezig",
  password: "geheim-wachtwoord-123",
  from: "Aanwezig Zandstad <noreply@zandstad.example>",
};

describe.each(engines())("mail settings API on $name", (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminId: string;
  let coordinator: LoggedIn;
  let coordinatorId: string;
  const saved = process.env.AANWEZIG_SMTP_URL;

  beforeAll(async () => {
    delete process.env.AANWEZIG_SMTP_URL;
    t = await startTestApp(engine);
    adminId = await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    coordinatorId = await addUser(t.db, "zc@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    admin = await login(t.app, "beheer@regio.example");
    coordinator = await login(t.app, "zc@linde.example");
  });
  afterEach(() => {
    delete process.env.AANWEZIG_SMTP_URL;
  });
  afterAll(async () => {
    if (saved !== undefined) process.env.AANWEZIG_SMTP_URL = saved;
    await t.close();
  });

  const send = (who: LoggedIn, method: "GET" | "PUT", payload?: unknown) =>
    t.app.inject({
      method,
      url: "/api/admin/region-settings/mail",
      headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it("saves server, TLS, login and sender; never returns the password", async () => {
    const before = await send(admin, "GET");
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ configured: false, in_force: { source: "none" } });

    const response = await send(admin, "PUT", SERVER);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(SERVER.password);
    expect(response.json()).toMatchObject({
      configured: true,
      host: "smtp.zandstad.example",
      port: 587,
      security: "starttls",
      username: "aanwezig",
      password_set: true,
      from: SERVER.from,
      in_force: { source: "region", server: "smtp.zandstad.example:587", from: SERVER.from },
    });
    expect((await send(admin, "GET")).body).not.toContain(SERVER.password);
    // At rest it is sealed under the region key: the raw row holds no password.
    const raw = await t.db.sql.query<{ text: string }>(
      "select x::text as text from mail_settings x",
    );
    expect(raw).toHaveLength(1);
    expect(raw[0]?.text).not.toContain(SERVER.password);

    // Left out, the password stays; the daily job's configuration has it.
    const { password: _, ...withoutPassword } = SERVER;
    expect(
      (await send(admin, "PUT", { ...withoutPassword, port: 465, security: "tls" })).json(),
    ).toMatchObject({ port: 465, security: "tls", password_set: true });
    const config = await currentMailConfig(t.db, {});
    expect(config?.server).toMatchObject({ port: 465, password: SERVER.password });

    const audit = await listAudit(t.db.orm, { userId: adminId, limit: 5 });
    expect(audit.map((a) => a.action)).toContain("save_mail_settings");
    expect(JSON.stringify(audit)).not.toContain(SERVER.password);
  });

  it("writes one allowed row per read by the administrator and one denied row per refused read", async () => {
    await expectReadAudited(
      t.db.orm,
      {
        action: "read_mail_settings",
        resourceType: "region_settings",
        route: "/api/admin/region-settings/mail",
        role: "app_admin",
      },
      {
        allowed: { userId: adminId, read: async () => (await send(admin, "GET")).statusCode },
        refused: {
          userId: coordinatorId,
          read: async () => (await send(coordinator, "GET")).statusCode,
        },
      },
    );
  });

  it("shows the environment's server as the one in force when AANWEZIG_SMTP_URL is set", async () => {
    process.env.AANWEZIG_SMTP_URL = "smtp://127.0.0.1:2525";
    expect((await send(admin, "GET")).json().in_force).toEqual({
      source: "environment",
      server: "smtp://127.0.0.1:2525",
      from: SERVER.from,
    });
  });

  it("answers invalid settings with 400 naming each field in Dutch", async () => {
    const response = await send(admin, "PUT", {
      host: "smtp://x",
      port: 70000,
      security: "none",
      username: "iemand",
      from: "geen adres",
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["host", "port", "from"]));
    expect(JSON.stringify(response.json())).toContain("afzender: vul een e-mailadres in");
  });

  it("refuses other roles with 403", async () => {
    expect((await send(coordinator, "GET")).statusCode).toBe(403);
    expect((await send(coordinator, "PUT", SERVER)).statusCode).toBe(403);
  });
});

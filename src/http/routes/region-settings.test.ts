// The region's settings over HTTP (issue 14 item 1): the administrator reads the defaults of a
// region not set up yet and saves new ones (audited); anyone else gets 403 (audited as denied);
// invalid input is a 400 problem+json naming each field in Dutch; the clock mode is what a new
// case counts in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const SETTINGS = {
  name: "Regio Zandstad",
  municipalities: ["Zandstad", "Duinwijk"],
  holiday_region: "noord",
  school_year: "2025-2026",
  clock_mode: "calendar_weeks",
  signal_profile: "mazl",
};

describe.each(engines())("region settings API on $name", (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminId: string;
  let coordinator: LoggedIn;
  let coordinatorId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    adminId = await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    coordinatorId = await addUser(t.db, "zc@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    admin = await login(t.app, "beheer@regio.example");
    coordinator = await login(t.app, "zc@linde.example");
  });
  afterAll(() => t.close());

  const send = (who: LoggedIn, method: "GET" | "PUT" | "POST", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it("shows the built-in defaults until the region is set up", async () => {
    const response = await send(admin, "GET", "/api/admin/region-settings");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      configured: false,
      clock_mode: "lesweken",
      signal_profile: "default",
      school_year: "2025-2026",
    });
  });

  it("writes one allowed row per read by the administrator and one denied row per refused read", async () => {
    await expectReadAudited(
      t.db.orm,
      {
        action: "read_region_settings",
        resourceType: "region_settings",
        route: "/api/admin/region-settings",
        role: "app_admin",
      },
      {
        allowed: {
          userId: adminId,
          read: async () => (await send(admin, "GET", "/api/admin/region-settings")).statusCode,
        },
        refused: {
          userId: coordinatorId,
          read: async () =>
            (await send(coordinator, "GET", "/api/admin/region-settings")).statusCode,
        },
      },
    );
  });

  it("refuses other roles with 403 and writes the denial to the audit trail", async () => {
    const response = await send(coordinator, "PUT", "/api/admin/region-settings", SETTINGS);
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const audit = await listAudit(t.db.orm, { userId: coordinatorId, limit: 10 });
    expect(audit[0]).toMatchObject({ action: "save_region_settings", outcome: "denied" });
    expect((await send(coordinator, "GET", "/api/admin/region-settings")).statusCode).toBe(403);
  });

  it("answers invalid settings with 400 problem+json naming each field in Dutch", async () => {
    const response = await send(admin, "PUT", "/api/admin/region-settings", {
      ...SETTINGS,
      municipalities: [],
      school_year: "2025-2027",
      signal_profile: {
        name: "streng",
        base: "default",
        overrides: { legalHours: { preventiveHours: 20 } },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const paths = (response.json().errors as { path: string; message: string }[]).map(
      (e) => e.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["municipalities", "school_year"]));
    expect(JSON.stringify(response.json())).toContain("noem minstens één gemeente");
    expect((await send(admin, "GET", "/api/admin/region-settings")).json().configured).toBe(false);
  });

  it("refuses a custom profile whose thresholds contradict each other", async () => {
    const response = await send(admin, "PUT", "/api/admin/region-settings", {
      ...SETTINGS,
      signal_profile: {
        name: "streng",
        base: "default",
        overrides: { legalHours: { preventiveHours: 20 } },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe(
      "signal_profile.overrides.legalHours.preventiveHours",
    );
  });

  it("saves the settings for the administrator, audited with what changed", async () => {
    const response = await send(admin, "PUT", "/api/admin/region-settings", SETTINGS);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ...SETTINGS, configured: true, updated_by: adminId });
    const audit = await listAudit(t.db.orm, { userId: adminId, limit: 10 });
    expect(audit[0]).toMatchObject({
      action: "save_region_settings",
      resourceType: "region_settings",
      outcome: "allowed",
      role: "app_admin",
    });
    expect(audit[0]?.context).toMatchObject({ signalProfile: "mazl" });
    expect((await send(admin, "GET", "/api/admin/region-settings")).json()).toMatchObject(SETTINGS);
  });

  it("takes a custom profile", async () => {
    const custom = {
      ...SETTINGS,
      signal_profile: {
        name: "rivierland",
        base: "mazl",
        overrides: { legalHours: { preventiveHours: 8 } },
      },
    };
    const response = await send(admin, "PUT", "/api/admin/region-settings", custom);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().signal_profile).toEqual(custom.signal_profile);
    await send(admin, "PUT", "/api/admin/region-settings", SETTINGS);
  });

  it("opens new cases on the region's clock mode", async () => {
    const response = await send(coordinator, "POST", "/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-16",
      reason: "Zorgen over het verzuim",
    });
    expect(response.statusCode, response.body).toBe(201);
    const opened = await send(coordinator, "GET", `/api/cases/${response.json().id}`);
    expect(opened.json().clock_mode).toBe("calendar_weeks");
  });
});

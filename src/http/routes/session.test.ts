import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  login,
  PASSWORD,
  startAppOn,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

describe.each(engines())("session and /api/me on $name", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
      { role: "teacher", schoolId: "34CD00" },
    ]);
    await addUser(t.db, "ouder@thuis.example", [
      { role: "parent", pupilId: "P0001" },
      { role: "parent", pupilId: "P0004" },
    ]);
    await addUser(t.db, "directie@linde.example", [{ role: "school_head", schoolId: "12AB00" }]);
  });
  afterAll(() => t.close());

  it("logs in with the right password and sets a hardened session cookie", async () => {
    const { response } = await login(t.app, "IB@linde.example");
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "aanwezig_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy(); // plain http in a test, not production
    expect(response.json().user.email).toBe("ib@linde.example");
  });

  it("marks the cookie Secure in production settings", async () => {
    // A server of its own with production settings, on the same database.
    const prod = await startAppOn(t, { settings: { secureCookies: true } });
    try {
      await addUser(t.db, "secure@y.example", []);
      const { response } = await login(prod.app, "secure@y.example");
      expect(response.cookies.find((c) => c.name === "aanwezig_session")?.secure).toBe(true);
    } finally {
      await prod.close();
    }
  });

  it("refuses a wrong password and an unknown address alike, as problem+json", async () => {
    const wrong = await login(t.app, "ouder@thuis.example", "niet-het-wachtwoord");
    const unknown = await login(t.app, "niemand@thuis.example");
    for (const { response } of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.cookies).toHaveLength(0);
    }
    expect(wrong.response.json()).toEqual(unknown.response.json());
    expect(wrong.response.json()).toMatchObject({
      type: "urn:aanwezig:problem:invalid-credentials",
      status: 401,
      instance: "/api/session",
    });
  });

  it("rejects a malformed login body with a 400 listing the fields", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: "ib@linde.example" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ in: "body", path: "password" }),
    ]);
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/json" },
      payload: '{"email": "geheim-wachtwoord',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toContain("geheim-wachtwoord");
  });

  it("limits failed logins per account with a 429 problem", async () => {
    await addUser(t.db, "doelwit@x.example", []);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await login(t.app, "doelwit@x.example", `gok-${i}`)).response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await login(t.app, "Doelwit@x.example");
    expect(limited.response.statusCode).toBe(429);
    expect(limited.response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(limited.response.headers["retry-after"]).toBeDefined();
    // Another account from the same address is not locked out by it (below the source limit).
    expect((await login(t.app, "ib@linde.example")).response.statusCode).toBe(200);
  });

  it("returns the user, roles and merged scopes on /api/me", async () => {
    const { cookie, csrfToken } = await login(t.app, "ouder@thuis.example");
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.roles.map((r: { role: string; pupil_id: string }) => [r.role, r.pupil_id])).toEqual(
      [
        ["parent", "P0001"],
        ["parent", "P0004"],
      ],
    );
    expect(body.scopes).toEqual({
      school_ids: [],
      municipalities: [],
      partnerships: [],
      regions: [],
      pupil_ids: ["P0001", "P0004"],
    });
    expect(body.csrf_token).toBe(csrfToken);
    expect(body.authenticated_via).toBe("session");
  });

  it("says on /api/me what the user may do in general, from the server's own rules", async () => {
    const capabilitiesOf = async (email: string) => {
      const { cookie } = await login(t.app, email);
      return (await t.app.inject({ url: "/api/me", headers: { cookie } })).json().capabilities;
    };
    // A school head may read the monitor (rules.ts); the web once said "forbidden".
    const head = await capabilitiesOf("directie@linde.example");
    expect(head).toMatchObject({ read_monitor: true, reconcile_list: true, read_cases: true });
    expect(head.read_audit).toBe(false);
    const parent = await capabilitiesOf("ouder@thuis.example");
    expect(parent).toMatchObject({ read_own_child: true, read_cases: false, read_monitor: false });
    const coordinator = await capabilitiesOf("ib@linde.example");
    expect(coordinator).toMatchObject({
      open_case: true,
      read_signals: true,
      read_own_child: false,
    });
  });

  it("answers 401 problem+json on /api/me without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/me" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({
      status: 401,
      title: "Unauthorized",
      instance: "/api/me",
    });
  });

  it("refuses a cross-site logout, then logs out with the cookie alone (interfaces.md)", async () => {
    const { cookie, csrfToken } = await login(t.app, "ib@linde.example");
    const crossSite = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie, "x-csrf-token": csrfToken, origin: "https://kwaadwillend.example" },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    // Still logged in after the refusal.
    expect((await t.app.inject({ url: "/api/me", headers: { cookie } })).statusCode).toBe(200);

    // The contract's logout: the session cookie, no CSRF token (a client that only knows
    // interfaces.md has none to send).
    const logout = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === "aanwezig_session")?.value).toBe("");
    expect((await t.app.inject({ url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("logs out with the CSRF token from the own origin too (the web app)", async () => {
    const { cookie, csrfToken } = await login(t.app, "ib@linde.example");
    const logout = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie, "x-csrf-token": csrfToken, origin: "http://localhost:80" },
    });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("still wants the CSRF token on other state-changing requests of a cookie session", async () => {
    const { cookie } = await login(t.app, "ouder@thuis.example");
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie },
      payload: {},
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().detail).toContain("x-csrf-token");
  });

  it("checks the Origin against the configured public origin when there is one", async () => {
    const proxied = await startAppOn(t, {
      settings: { publicOrigin: "https://aanwezig.gemeente.example" },
    });
    try {
      await addUser(t.db, "proxied@y.example", []);
      const attempt = (origin: string) =>
        proxied.app.inject({
          method: "POST",
          url: "/api/session",
          headers: { origin },
          payload: { email: "proxied@y.example", password: PASSWORD },
        });
      expect((await attempt("http://localhost:80")).statusCode).toBe(403);
      expect((await attempt("https://aanwezig.gemeente.example")).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("refuses a cross-site login attempt", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { email: "ib@linde.example", password: "x" },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe.each(engines())("failed-login limits on $name", (engine) => {
  const limits = { perAccount: 10, perSource: 25, windowMs: 15 * 60 * 1000 };
  // One database for the file; every test starts a server of its own on it (the counts live in
  // the server's memory, login-throttle.ts), with accounts of its own.
  let base: TestApp;
  let t: { app: TestApp["app"]; close(): Promise<void> };
  beforeAll(async () => {
    base = await startTestApp(engine);
  });
  afterAll(() => base.close());
  afterEach(async () => {
    vi.unstubAllEnvs();
    await t.close();
  });

  const attempt = (email: string, password: string, forwardedFor?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/session",
      ...(forwardedFor ? { headers: { "x-forwarded-for": forwardedFor } } : {}),
      payload: { email, password },
    });

  it("limits an account after 10 failures, whatever X-Forwarded-For says (trust proxy 1)", async () => {
    vi.stubEnv("AANWEZIG_TRUST_PROXY", "1");
    t = await startAppOn(base, { settings: { loginLimits: limits } });
    await addUser(base.db, "doelwit@x.example", []);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await attempt("doelwit@x.example", `gok-${i}`, `198.51.100.${i + 1}`);
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Even the right password, from yet another forwarded address, waits out the window.
    expect((await attempt("DOELWIT@x.example", PASSWORD, "198.51.100.99")).statusCode).toBe(429);
  });

  it("limits one source guessing 40 different e-mail addresses after 25 failures", async () => {
    t = await startAppOn(base, { settings: { loginLimits: limits } });
    await addUser(base.db, "ib@linde.example", []);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await attempt(`gok${i}@linde.example`, "wachtwoord12")).statusCode);
    }
    expect(statuses).toEqual([...Array(25).fill(401), ...Array(15).fill(429)]);
    // The source is limited for every account, a real one with its right password included.
    expect((await attempt("ib@linde.example", PASSWORD)).statusCode).toBe(429);
  });

  it("never counts successful logins (a trainer switching demo roles)", async () => {
    t = await startAppOn(base, { settings: { loginLimits: limits } });
    await addUser(base.db, "trainer@x.example", []);
    for (let i = 0; i < 20; i++) {
      expect((await attempt("trainer@x.example", PASSWORD)).statusCode, `login ${i + 1}`).toBe(200);
    }
  });

  it("clears an account's failures when it logs in", async () => {
    t = await startAppOn(base, { settings: { loginLimits: limits } });
    await addUser(base.db, "typfout@x.example", []);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) {
        expect((await attempt("typfout@x.example", `gok-${i}`)).statusCode).toBe(401);
      }
      expect((await attempt("typfout@x.example", PASSWORD)).statusCode).toBe(200);
    }
  });

  it("answers a limited known and a limited unknown address identically", async () => {
    t = await startAppOn(base);
    await addUser(base.db, "bestaat@x.example", []);
    for (const email of ["bestaat@x.example", "bestaat-niet@x.example"]) {
      for (let i = 0; i < 3; i++) await attempt(email, `gok-${i}`);
    }
    const known = await attempt("bestaat@x.example", "nog-een-gok");
    const unknown = await attempt("bestaat-niet@x.example", "nog-een-gok");
    for (const response of [known, unknown]) {
      expect(response.statusCode).toBe(429);
      expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    }
    expect(known.json()).toEqual(unknown.json());
    expect(known.headers["retry-after"]).toBe(unknown.headers["retry-after"]);
    expect(known.json()).toMatchObject({
      type: "urn:aanwezig:problem:too-many-login-attempts",
      detail: expect.stringContaining("Te veel mislukte inlogpogingen"),
    });
    expect(Number(known.headers["retry-after"])).toBe(60);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { addUser, login, startTestApp, type TestApp } from "../../test/support/test-app.ts";
import { clientErrorResponse } from "./client-error.ts";
import { PROBLEM_CONTENT_TYPE } from "./problem.ts";

// interfaces.md "HTTP API": served under /api/v1/, the /api/ paths answering as aliases, every
// answer with an API-Version header carrying the full semantic version (package.json's).
const VERSION = "0.1.0";

describe.each(engines())("the API under /api/v1 on $name", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "ib@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
  });
  afterAll(() => t.close());

  it("answers health under /api/v1 and under the /api alias, both with API-Version", async () => {
    for (const url of ["/api/v1/health", "/api/health"]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["api-version"], url).toBe(VERSION);
      expect(response.json()).toEqual({ status: "ok", database: engine.name });
    }
  });

  it("logs in, reads and writes through /api/v1 as through /api (cookie, CSRF token)", async () => {
    const loggedIn = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "ib@linde.example", password: "correct-paard-batterij-niet" },
    });
    expect(loggedIn.statusCode).toBe(200);
    const session = loggedIn.cookies.find((c) => c.name === "aanwezig_session");
    expect(session?.path).toBe("/");
    const cookie = `aanwezig_session=${session?.value}`;
    const csrfToken = loggedIn.json().csrf_token as string;

    const versioned = await t.app.inject({ url: "/api/v1/cases?status=open", headers: { cookie } });
    const alias = await t.app.inject({ url: "/api/cases?status=open", headers: { cookie } });
    expect(versioned.statusCode).toBe(200);
    expect(versioned.headers["api-version"]).toBe(VERSION);
    expect(versioned.json()).toEqual(alias.json());
    expect(versioned.headers["cache-control"]).toBe("no-store");

    // The CSRF guard stands under /api/v1 too: without the token refused, with it through to
    // the body's validation (an empty body is a 400, not a 403).
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { cookie },
      payload: {},
    });
    expect(noToken.statusCode).toBe(403);
    const withToken = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { cookie, "x-csrf-token": csrfToken, origin: "http://localhost:80" },
      payload: {},
    });
    expect(withToken.statusCode).toBe(400);
    expect(withToken.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(withToken.json().instance).toBe("/api/v1/cases");

    const logout = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("opens a case through /api/v1 with the CSRF token", async () => {
    const { cookie, csrfToken } = await login(t.app, "ib@linde.example");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { cookie, "x-csrf-token": csrfToken },
      payload: { pupil_id: "P0001", absence_start_date: "2026-02-02", reason: "Langdurig verzuim" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers["api-version"]).toBe(VERSION);
    const id = response.json().id as string;
    const read = await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { cookie } });
    expect(read.statusCode).toBe(200);
  });

  it("answers an unknown /api/v1 path with a problem+json 404, not the web app", async () => {
    const response = await t.app.inject({ url: "/api/v1/nope" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.headers["api-version"]).toBe(VERSION);
    expect(response.json()).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      instance: "/api/v1/nope",
    });
  });

  it("puts the header on the web app's pages and on errors outside the API", async () => {
    const page = await t.app.inject({ url: "/" });
    expect(page.headers["api-version"]).toBe(VERSION);
    const unauthorized = await t.app.inject({ url: "/api/me" });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.headers["api-version"]).toBe(VERSION);
  });

  it("serves the OpenAPI document under /api/v1 too", async () => {
    const response = await t.app.inject({ url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["api-version"]).toBe(VERSION);
    expect(response.json().info.version).toBe(VERSION);
  });
});

describe("client errors answered on the socket", () => {
  it("carry the API-Version header", () => {
    expect(clientErrorResponse(431)).toContain(`API-Version: ${VERSION}\r\n`);
  });
});

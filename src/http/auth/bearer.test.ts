import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { addUser, startTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { createApiToken } from "../../db/repositories/users.ts";

describe.each(engines())("bearer tokens for integrations on $name", (engine) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const userId = await addUser(t.db, "koppeling@linde.example", [
      { role: "teacher", schoolId: "12AB00" },
    ]);
    token = await createApiToken(t.db.orm, userId, "leerlingadministratie De Linde");
  });
  afterAll(() => t.close());

  it("acts as the token's user with that user's roles", async () => {
    const headers = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: "/api/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authenticated_via: "token", csrf_token: null });
    expect((await t.app.inject({ url: "/api/pupils/P0001", headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/pupils/P0002", headers })).statusCode).toBe(404);
  });

  it("needs no CSRF token: a bearer token is no ambient browser credential", async () => {
    const response = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(204);
    // Logging out a cookie session does not revoke the integration's token.
    const me = await t.app.inject({
      url: "/api/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it("answers 401 problem+json to an unknown token, even on public routes", async () => {
    for (const url of ["/api/me", "/api/health"]) {
      const response = await t.app.inject({ url, headers: { authorization: `Bearer ${token}x` } });
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.headers["www-authenticate"]).toContain("Bearer");
    }
  });
});

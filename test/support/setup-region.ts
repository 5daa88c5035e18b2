// Test support for the region set-up route tests (src/http/routes/setup-*.test.ts): one test app
// on the test region of test/support/test-app.ts per suite, the users a suite names added and
// logged in before its tests, and requests as one of them with the session cookie and the CSRF
// header. Call setupRegion() inside the describe block: it registers the beforeAll and afterAll.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { RoleScope } from "../../src/db/repositories/users.ts";
import type { Engine } from "./databases.ts";
import { addUser, type LoggedIn, login, startTestApp, type TestApp } from "./test-app.ts";

/** A user of the suite: the account id and session, filled in by the suite's beforeAll. */
export interface SetupUser extends LoggedIn {
  id: string;
}

export interface SetupRegion {
  /** The suite's app; there once its beforeAll has run. */
  readonly t: TestApp;
  /** A user with these roles, added (and, unless login is false, logged in) before the tests. */
  user(email: string, roles: RoleScope[], options?: { login?: boolean }): SetupUser;
  send(
    who: LoggedIn,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export function setupRegion(engine: Engine): SetupRegion {
  const users: { email: string; roles: RoleScope[]; login: boolean; user: SetupUser }[] = [];
  let app: TestApp | undefined;

  beforeAll(async () => {
    app = await startTestApp(engine);
    for (const u of users) u.user.id = await addUser(app.db, u.email, u.roles);
    for (const u of users) if (u.login) Object.assign(u.user, await login(app.app, u.email));
  });
  afterAll(() => app?.close());

  const region: SetupRegion = {
    get t() {
      if (!app) throw new Error("setupRegion: the suite's beforeAll has not run");
      return app;
    },
    user(email, roles, { login = true } = {}) {
      const user = { id: "", cookie: "", csrfToken: "" } as SetupUser;
      users.push({ email, roles, login, user });
      return user;
    },
    send: (who, method, url, payload) =>
      region.t.app.inject({
        method,
        url,
        headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
        ...(payload === undefined ? {} : { payload: payload as string }),
      }),
  };
  return region;
}

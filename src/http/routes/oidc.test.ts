import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { addUser, startTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { buildApp } from "../app.ts";
import { createOidcProvider, type OidcIdentity, type OidcProvider } from "../auth/oidc.ts";

const SETTINGS = {
  issuer: "https://idp.gemeente.example",
  clientId: "aanwezig",
  clientSecret: "s3cret",
  redirectUrl: "https://aanwezig.gemeente.example/api/auth/oidc/callback",
};

// A provider whose metadata is given instead of discovered: no identity provider is reachable
// from a test, but everything up to the token request runs for real.
const fixedProvider = () =>
  createOidcProvider(
    SETTINGS,
    async () =>
      new client.Configuration(
        {
          issuer: SETTINGS.issuer,
          authorization_endpoint: `${SETTINGS.issuer}/authorize`,
          token_endpoint: `${SETTINGS.issuer}/token`,
        },
        SETTINGS.clientId,
        SETTINGS.clientSecret,
      ),
  );

/** Stands in for a provider that has verified the user and returns their identity. */
const answeringProvider = (identity: OidcIdentity): OidcProvider => ({
  settings: SETTINGS,
  startLogin: async () => ({
    url: new URL(`${SETTINGS.issuer}/authorize`),
    pending: { state: "s", nonce: "n", codeVerifier: "v" },
  }),
  finishLogin: async () => identity,
});

describe.each(engines())("OIDC login routes on $name", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "lpa@gemeente.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
  });
  afterAll(() => t.close());

  it("answers 404 problems while OIDC is not configured", async () => {
    for (const url of ["/api/auth/oidc/login", "/api/auth/oidc/callback?code=x&state=y"]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("tells the login page whether to offer the identity provider", async () => {
    const off = await t.app.inject({ url: "/api/auth/options" });
    expect(off.json()).toEqual({ oidc_login_url: null, demo_as_of: null });
    const app = await buildApp({ db: t.db, oidc: fixedProvider() });
    const on = await app.inject({ url: "/api/auth/options" });
    expect(on.json()).toEqual({ oidc_login_url: "/api/auth/oidc/login", demo_as_of: null });
    await app.close();
  });

  it("refuses to start with a half OIDC configuration in the environment", async () => {
    vi.stubEnv("AANWEZIG_OIDC_ISSUER", SETTINGS.issuer);
    try {
      await expect(buildApp({ db: t.db })).rejects.toThrow(/half configured/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("sends the browser to the provider with PKCE and remembers state in an HttpOnly cookie", async () => {
    const app = await buildApp({ db: t.db, oidc: fixedProvider() });
    try {
      const response = await app.inject({ url: "/api/auth/oidc/login" });
      expect(response.statusCode).toBe(302);
      const target = new URL(response.headers.location as string);
      expect(target.origin + target.pathname).toBe(`${SETTINGS.issuer}/authorize`);
      expect(target.searchParams.get("client_id")).toBe("aanwezig");
      expect(target.searchParams.get("redirect_uri")).toBe(SETTINGS.redirectUrl);
      expect(target.searchParams.get("code_challenge_method")).toBe("S256");
      const pending = response.cookies.find((c) => c.name === "aanwezig_oidc");
      expect(pending).toMatchObject({ httpOnly: true, path: "/api/auth/oidc" });
      expect(JSON.parse(pending!.value).state).toBe(target.searchParams.get("state"));

      // Coming back with another state is refused before any token request is made.
      const forged = await app.inject({
        url: "/api/auth/oidc/callback?code=abc&state=vervalst",
        cookies: { aanwezig_oidc: pending!.value },
      });
      expect(forged.statusCode).toBe(400);
      const without = await app.inject({ url: "/api/auth/oidc/callback?code=abc&state=x" });
      expect(without.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it("starts a session for a known user and refuses an unknown identity", async () => {
    const pending = JSON.stringify({ state: "s", nonce: "n", codeVerifier: "v" });
    const known = await buildApp({
      db: t.db,
      oidc: answeringProvider({ subject: "idp-42", email: "LPA@gemeente.example" }),
    });
    const unknown = await buildApp({
      db: t.db,
      oidc: answeringProvider({ subject: "idp-99", email: "vreemde@elders.example" }),
    });
    try {
      const ok = await known.inject({
        url: "/api/auth/oidc/callback?code=c&state=s",
        cookies: { aanwezig_oidc: pending },
      });
      expect(ok.statusCode).toBe(302);
      expect(ok.headers.location).toBe("/");
      const session = ok.cookies.find((c) => c.name === "aanwezig_session");
      const me = await known.inject({
        url: "/api/me",
        cookies: { aanwezig_session: session!.value },
      });
      expect(me.json().user.email).toBe("lpa@gemeente.example");

      const refused = await unknown.inject({
        url: "/api/auth/oidc/callback?code=c&state=s",
        cookies: { aanwezig_oidc: pending },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.cookies.find((c) => c.name === "aanwezig_session")).toBeUndefined();
    } finally {
      await known.close();
      await unknown.close();
    }
  });
});

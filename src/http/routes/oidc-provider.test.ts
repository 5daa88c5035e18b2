// Login through a real OpenID provider (oidc-provider, in this process): the authorization-code
// flow with PKCE from /api/auth/oidc/login through the provider and back to the callback.
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  AANWEZIG_CLIENT,
  followToCallback,
  insecureDiscovery,
  type ProviderAccount,
  startOidcProvider,
  type TestOidcClient,
  type TestOidcProvider,
} from "../../../test/support/oidc-provider.ts";
import { addUser, startTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { createOidcProvider } from "../auth/oidc.ts";

const ACCOUNTS: Record<string, ProviderAccount> = {
  "idp-lpa": { email: "LPA@gemeente.example", email_verified: true, name: "L. Plichtig" },
  "idp-vreemd": { email: "vreemde@elders.example", email_verified: true, name: "Vreemde" },
  "idp-onbevestigd": { email: "ib@gemeente.example", email_verified: false, name: "Onbevestigd" },
  "idp-upn": {
    email: "prive@elders.example",
    email_verified: false,
    name: "I. Begeleider",
    upn: "IB@gemeente.example",
  },
};

const OTHER_CLIENT: TestOidcClient = {
  clientId: "ander-systeem",
  clientSecret: "het-geheim-van-een-ander-systeem-dat-lang-is",
  redirectUrl: "http://ander.test/callback",
};

describe.each(engines())("OIDC login against a real provider on $name", (engine) => {
  let idp: TestOidcProvider;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startOidcProvider(ACCOUNTS, [AANWEZIG_CLIENT, OTHER_CLIENT]);
    const settings = idp.settings(AANWEZIG_CLIENT);
    t = await startTestApp(engine, {
      oidc: createOidcProvider(settings, insecureDiscovery(settings)),
    });
    for (const email of ["lpa@gemeente.example", "ib@gemeente.example"]) {
      await addUser(t.db, email, [{ role: "attendance_officer", municipality: "Zandstad" }]);
    }
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** The browser's round trip: Aanwezig → provider (login as `subject`) → Aanwezig's callback. */
  async function logIn(subject: string) {
    idp.loginAs(subject);
    const start = await t.app.inject({ url: "/api/auth/oidc/login" });
    expect(start.statusCode).toBe(302);
    const pending = start.cookies.find((c) => c.name === "aanwezig_oidc");
    const callback = await followToCallback(
      start.headers.location as string,
      AANWEZIG_CLIENT.redirectUrl,
    );
    return t.app.inject({
      url: callback.pathname + callback.search,
      cookies: { aanwezig_oidc: pending!.value },
    });
  }

  const sessionOf = (response: Awaited<ReturnType<typeof logIn>>) =>
    response.cookies.find((c) => c.name === "aanwezig_session")?.value;

  it("discovers the provider and sends the browser to its authorization endpoint with PKCE", async () => {
    const response = await t.app.inject({ url: "/api/auth/oidc/login" });
    expect(response.statusCode).toBe(302);
    const target = new URL(response.headers.location as string);
    const metadata = (await (
      await fetch(`${idp.issuer}/.well-known/openid-configuration`)
    ).json()) as client.ServerMetadata;
    expect(target.origin + target.pathname).toBe(metadata.authorization_endpoint);
    expect(target.searchParams.get("client_id")).toBe(AANWEZIG_CLIENT.clientId);
    expect(target.searchParams.get("response_type")).toBe("code");
    expect(target.searchParams.get("scope")).toBe("openid email profile");
    expect(target.searchParams.get("code_challenge_method")).toBe("S256");
    expect(target.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  });

  it("logs a known user in by the verified e-mail claim, binds the subject, and logs out", async () => {
    const response = await logIn("idp-lpa");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/");
    const session = sessionOf(response);
    expect(session).toBeTruthy();
    const me = await t.app.inject({ url: "/api/me", cookies: { aanwezig_session: session! } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("lpa@gemeente.example");

    // The provider's subject is now bound: a second login finds the account by it.
    const again = await logIn("idp-lpa");
    expect(again.statusCode).toBe(302);
    const second = sessionOf(again);
    expect(second).toBeTruthy();
    expect(second).not.toBe(session);

    const logout = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      cookies: { aanwezig_session: session! },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ url: "/api/me", cookies: { aanwezig_session: session! } });
    expect(after.statusCode).toBe(401);
  });

  it("refuses an identity without an account, and an e-mail address the provider has not verified", async () => {
    for (const subject of ["idp-vreemd", "idp-onbevestigd"]) {
      const response = await logIn(subject);
      expect(response.statusCode).toBe(403);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(sessionOf(response)).toBeUndefined();
    }
  });

  it("maps the account by a configured claim instead of the e-mail address", async () => {
    const settings = { ...idp.settings(AANWEZIG_CLIENT), accountClaim: "upn" };
    const byUpn = await startTestApp(engine, {
      oidc: createOidcProvider(settings, insecureDiscovery(settings)),
    });
    try {
      await addUser(byUpn.db, "ib@gemeente.example", [
        { role: "attendance_officer", municipality: "Zandstad" },
      ]);
      idp.loginAs("idp-upn");
      const start = await byUpn.app.inject({ url: "/api/auth/oidc/login" });
      const pending = start.cookies.find((c) => c.name === "aanwezig_oidc");
      const callback = await followToCallback(
        start.headers.location as string,
        AANWEZIG_CLIENT.redirectUrl,
      );
      const response = await byUpn.app.inject({
        url: callback.pathname + callback.search,
        cookies: { aanwezig_oidc: pending!.value },
      });
      expect(response.statusCode).toBe(302);
      const me = await byUpn.app.inject({
        url: "/api/me",
        cookies: { aanwezig_session: sessionOf(response)! },
      });
      expect(me.json().user.email).toBe("ib@gemeente.example");
    } finally {
      await byUpn.close();
    }
    // With the default claim the same identity has no verified e-mail of an account.
    expect((await logIn("idp-upn")).statusCode).toBe(403);
  });

  it("refuses a code the provider issued to another client (another audience)", async () => {
    // Someone logs in at the provider as another application and slips that code into
    // Aanwezig's callback with a pending login of their own making.
    idp.loginAs("idp-lpa");
    const other = await insecureDiscovery(idp.settings(OTHER_CLIENT))();
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(other, {
      redirect_uri: OTHER_CLIENT.redirectUrl,
      scope: "openid email",
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: "S256",
    });
    const stolen = await followToCallback(url.href, OTHER_CLIENT.redirectUrl);
    expect(stolen.searchParams.get("code")).toBeTruthy();
    const response = await t.app.inject({
      url: `/api/auth/oidc/callback${stolen.search}`,
      cookies: { aanwezig_oidc: JSON.stringify(pending) },
    });
    expect(response.statusCode).toBe(400);
    expect(sessionOf(response)).toBeUndefined();
  });

  it("refuses tokens from a provider that is not the configured issuer", async () => {
    // Another real provider with the same client registration answers in its place (its
    // endpoints, the configured issuer's name): its ID token names itself as issuer.
    const impostor = await startOidcProvider(ACCOUNTS, [AANWEZIG_CLIENT]);
    const settings = idp.settings(AANWEZIG_CLIENT);
    const app = await startTestApp(engine, {
      oidc: createOidcProvider(settings, async () => {
        const discovered = await fetch(`${impostor.issuer}/.well-known/openid-configuration`);
        const metadata = {
          ...((await discovered.json()) as client.ServerMetadata),
          issuer: settings.issuer,
        };
        const configuration = new client.Configuration(
          metadata,
          settings.clientId,
          settings.clientSecret,
        );
        client.allowInsecureRequests(configuration);
        return configuration;
      }),
    });
    try {
      await addUser(app.db, "lpa@gemeente.example", [
        { role: "attendance_officer", municipality: "Zandstad" },
      ]);
      impostor.loginAs("idp-lpa");
      const start = await app.app.inject({ url: "/api/auth/oidc/login" });
      expect(new URL(start.headers.location as string).origin).toBe(impostor.issuer);
      const pending = start.cookies.find((c) => c.name === "aanwezig_oidc");
      const callback = await followToCallback(
        start.headers.location as string,
        AANWEZIG_CLIENT.redirectUrl,
      );
      const response = await app.app.inject({
        url: callback.pathname + callback.search,
        cookies: { aanwezig_oidc: pending!.value },
      });
      expect(response.statusCode).toBe(400);
      expect(sessionOf(response)).toBeUndefined();
    } finally {
      await app.close();
      await impostor.close();
    }
  });
});

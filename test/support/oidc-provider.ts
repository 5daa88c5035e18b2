// A real, certified OpenID provider (panva's oidc-provider) in the test process, on 127.0.0.1 and
// a random port. Its one interaction (login) is answered at once with the account the test chose
// through `loginAs`, so a test can walk the whole authorization-code flow with PKCE: discovery,
// the authorization request, the provider's redirects and the token request all run for real.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import * as client from "openid-client";
import type { OidcSettings } from "../../src/http/auth/oidc.ts";

export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name: string;
  /** Entra ID's user principal name, managed by the organisation. */
  upn?: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The account the next login at the provider answers with (its subject). */
  loginAs(subject: string): void;
  /** Settings for Aanwezig as the given client of this provider. */
  settings(client: TestOidcClient): OidcSettings;
  close(): Promise<void>;
}

export const AANWEZIG_CLIENT: TestOidcClient = {
  clientId: "aanwezig",
  clientSecret: "een-lang-geheim-voor-de-testprovider",
  redirectUrl: "http://aanwezig.test/api/auth/oidc/callback",
};

export async function startOidcProvider(
  accounts: Record<string, ProviderAccount>,
  clients: TestOidcClient[] = [AANWEZIG_CLIENT],
  options: {
    issuer?: (port: number) => string;
    /**
     * The provider asks for the account on a login page of its own (for the browser test):
     * an e-mail field and a button; an address it does not know is refused there.
     */
    loginForm?: boolean;
  } = {},
): Promise<TestOidcProvider> {
  let provider: Provider | undefined;
  let nextSubject: string | undefined;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith("/interaction/") && options.loginForm) {
      void loginPage(provider, req, res, accounts);
      return;
    }
    if (req.url?.startsWith("/interaction/")) {
      // The provider asks who this is: the test's chosen account, without a login form.
      void finishInteraction(provider, req, res, nextSubject);
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer?.(port) ?? `http://127.0.0.1:${port}`;

  provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUrl],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    })),
    pkce: { required: () => true },
    // Entra ID and Keycloak put the requested claims (email, email_verified) in the ID token,
    // which is where Aanwezig reads them; oidc-provider does so only with this off.
    conformIdTokenClaims: false,
    cookies: { keys: ["testsleutel-voor-de-cookies-van-de-provider"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "upn"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    // Consent is implied: the organisation registered Aanwezig as its own application.
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session;
      const oidcClient = ctx.oidc.client;
      if (!session?.accountId || !oidcClient) return undefined;
      const grantId = session.grantIdFor(oidcClient.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: oidcClient.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The test talks plain HTTP on 127.0.0.1: nothing to trust from a proxy.
  provider.proxy = false;

  return {
    issuer,
    loginAs(subject) {
      nextSubject = subject;
    },
    settings: (c) => ({
      issuer,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      redirectUrl: c.redirectUrl,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The provider's own login page: GET shows the form, POST logs in the account of the address. */
async function loginPage(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  accounts: Record<string, ProviderAccount>,
): Promise<void> {
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method !== "POST") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><html lang="nl"><head><title>Inloggen bij de testprovider</title></head>` +
          `<body><main><h1>Testprovider</h1><form method="post" action="/interaction/${details.uid}">` +
          `<label for="e">E-mailadres bij uw organisatie</label><input id="e" name="email" type="email">` +
          `<button type="submit">Doorgaan</button></form></main></body></html>`,
      );
      return;
    }
    let body = "";
    for await (const chunk of req) body += chunk;
    const email = new URLSearchParams(body).get("email")?.trim().toLowerCase() ?? "";
    const subject = Object.entries(accounts).find(
      ([, account]) => account.email.toLowerCase() === email,
    )?.[0];
    await finishInteraction(provider, req, res, subject);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

async function finishInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  subject: string | undefined,
): Promise<void> {
  try {
    await provider.interactionDetails(req, res);
    const result = subject
      ? { login: { accountId: subject } }
      : { error: "access_denied", error_description: "no test account chosen" };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

/**
 * openid-client's discovery for a provider on plain http: only tests may do this (production
 * issuers are https, and `createOidcProvider` discovers without this allowance).
 */
export function insecureDiscovery(settings: OidcSettings): () => Promise<client.Configuration> {
  return () =>
    client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
}

/**
 * Follows redirects like a browser, with a cookie jar for the provider's own cookies, until the
 * provider sends the browser back to `stopAt` (the app's callback URL); returns that URL.
 */
export async function followToCallback(start: string, stopAt: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(stopAt)) return new URL(url);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get("location");
    if (!location) {
      throw new Error(`provider answered ${response.status} at ${url}: ${await response.text()}`);
    }
    url = new URL(location, url).href;
  }
  throw new Error("too many redirects at the provider");
}

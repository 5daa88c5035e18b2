// Logging in through the organisation's identity provider in a real browser (issue 17 item 3):
// a certified OpenID provider (oidc-provider, test/support/oidc-provider.ts) with a login page of
// its own runs in this process; the app runs in-process too, on a real port, with the web app
// and the authorization-code flow with PKCE. From the app's login page the browser goes to the
// provider, logs in there, comes back through the callback and lands on the user's start page.
// An account the provider knows but Aanwezig does not is sent back to the login page with a
// Dutch message.
import { createServer } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidcProvider } from "../../src/http/auth/oidc.ts";
import { engines } from "../support/databases.ts";
import {
  insecureDiscovery,
  type ProviderAccount,
  startOidcProvider,
  type TestOidcProvider,
} from "../support/oidc-provider.ts";
import { addUser, startTestApp, type TestApp } from "../support/test-app.ts";
import { axeViolations, launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";

const ACCOUNTS: Record<string, ProviderAccount> = {
  "idp-zorg": { email: "zorg@gemeente.example", email_verified: true, name: "Z. Zorg" },
  "idp-vreemd": { email: "vreemde@elders.example", email_verified: true, name: "Vreemde" },
};

describe("login through the organisation's OpenID provider in the browser", () => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    await ensureWebBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const client = {
      clientId: "aanwezig",
      clientSecret: "een-lang-geheim-voor-de-testprovider",
      redirectUrl: `${origin}/api/auth/oidc/callback`,
    };
    idp = await startOidcProvider(ACCOUNTS, [client], { loginForm: true });
    const settings = idp.settings(client);
    const engine = engines()[0];
    if (!engine) throw new Error("no database engine");
    t = await startTestApp(engine, {
      oidc: createOidcProvider(settings, insecureDiscovery(settings)),
      // The browser's own clock: the session must not have expired before it starts.
      now: () => new Date(),
    });
    await addUser(t.db, "zorg@gemeente.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await t.app.listen({ port, host: "127.0.0.1" });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  let page: Page | undefined;

  /**
   * The app's login page in the file's one context, its cookies (the app's and the provider's)
   * cleared first: each test starts as a visitor nobody knows, as in a context of its own.
   */
  async function startAtLoginPage(): Promise<Page> {
    if (page) {
      await page.context().clearCookies();
      await page.goto(`${origin}/inloggen`);
    } else page = await openPage(browser, `${origin}/inloggen`);
    await page.getByRole("link", { name: "Inloggen via uw organisatie" }).click();
    // The provider's own login page, on its own origin.
    await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin);
    await page.getByRole("heading", { level: 1, name: "Testprovider" }).waitFor();
    return page;
  }

  it("goes to the provider, logs in there and lands on the user's start page", async () => {
    const page = await startAtLoginPage();
    await page.getByLabel("E-mailadres bij uw organisatie").fill("zorg@gemeente.example");
    await page.getByRole("button", { name: "Doorgaan" }).click();
    await page.waitForURL((url) => url.origin === origin && url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    expect(await page.getByTestId("user-name").textContent()).toBe("zorg");
    expect(await page.getByTestId("user-roles").textContent()).toBe("Zorgcoördinator");
    // The session is the OIDC one: the API answers with the user behind the cookie.
    const me = await page.evaluate(async () => {
      const response = await fetch("/api/me");
      return {
        status: response.status,
        body: (await response.json()) as { user: { email: string } },
      };
    });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe("zorg@gemeente.example");
  });

  it("sends an account Aanwezig does not know back to the login page with a Dutch message", async () => {
    const page = await startAtLoginPage();
    await page.getByLabel("E-mailadres bij uw organisatie").fill("vreemde@elders.example");
    await page.getByRole("button", { name: "Doorgaan" }).click();
    await page.waitForURL((url) => url.origin === origin && url.pathname === "/inloggen");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "Uw organisatie heeft u herkend, maar in Aanwezig is er geen account voor u. Vraag de beheerder van Aanwezig in uw regio om een account op uw e-mailadres.",
    );
    expect(new URL(page.url()).searchParams.get("oidc")).toBe("onbekend-account");
    // Not logged in: no session was made.
    const status = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(status).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// The one-time link of `aanwezig admin create` in a real browser: /wachtwoord-instellen renders
// in Dutch without axe violations, checks length and repetition itself, shows the server's
// reason for a guessable password, sets a good one once, and the administrator can then log in.
// The app is served from the test's process (startInProcessApp: what `serve` builds);
// session.test.ts runs against the binary.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicationAdmin } from "../../src/services/application-admin.ts";
import { type RunningApp, startInProcessApp } from "./support/app-server.ts";
import { axeViolations, launchBrowser, openPage } from "./support/browser.ts";
import { fillLogin } from "./support/login.ts";

/** Vitest's default of 1 s failed on a loaded machine (CI, 5 Dec): the page answers in seconds. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const EMAIL = "beheer@zandstad.example";
const STRONG = "paarse olifant fietst naar Delfzijl";

describe("set-password page", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let token = "";

  beforeAll(async () => {
    app = await startInProcessApp({
      prepare: async (db) => {
        const made = await createApplicationAdmin(db, { email: EMAIL, name: "Anna de Vries" });
        if (!made.ok || !made.passwordSet) throw new Error("no admin with a link");
        token = made.passwordSet.token;
      },
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("says so when the link has no token", async () => {
    const bare = await openPage(browser, `${app.url}/wachtwoord-instellen`);
    await poll(() => bare.getByRole("alert").textContent()).toContain("niet volledig");
    await bare.close();
  });

  it("renders in Dutch with labelled fields and no axe violations", async () => {
    page = await openPage(browser, `${app.url}/wachtwoord-instellen#token=${token}`);
    await poll(() => page.title()).toBe("Wachtwoord instellen – Aanwezig");
    expect(await page.getByLabel("Nieuw wachtwoord").getAttribute("type")).toBe("password");
    expect(await page.getByLabel("Herhaal het wachtwoord").getAttribute("type")).toBe("password");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("checks the repetition itself, and shows the server's reason for a guessable password", async () => {
    await page.getByLabel("Nieuw wachtwoord").fill(STRONG);
    await page.getByLabel("Herhaal het wachtwoord").fill(`${STRONG}!`);
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect
      .poll(() => page.getByLabel("Herhaal het wachtwoord").getAttribute("aria-invalid"))
      .toBe("true");
    await page.getByLabel("Nieuw wachtwoord").fill("wachtwoord1234");
    await page.getByLabel("Herhaal het wachtwoord").fill("wachtwoord1234");
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("te makkelijk");
  });

  it("sets a good password, after which the administrator logs in", async () => {
    await page.getByLabel("Nieuw wachtwoord").fill(STRONG);
    await page.getByLabel("Herhaal het wachtwoord").fill(STRONG);
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Uw wachtwoord is ingesteld");
    await page.getByRole("link", { name: "Naar inloggen" }).click();
    await fillLogin(page, EMAIL, STRONG);
    await poll(() => new URL(page.url()).pathname).toBe("/");
  });
});

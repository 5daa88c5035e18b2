// Logging in and out in a real browser against the real API: the header names the user and
// their role, the navigation shows only what the roles open, guarded and unknown addresses
// answer in Dutch, and logging out leaves no session behind.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app-server.ts";
import { axeViolations, launchBrowser, openPage } from "./support/browser.ts";

const PASSWORD = "e2e-wachtwoord-123";
const CARE_COORDINATOR = {
  email: "zorg@e2e.example",
  name: "Zora Zorg",
  password: PASSWORD,
  roles: [{ role: "care_coordinator", schoolId: "99ZZ00" }],
};
const POLICY_OFFICER = {
  email: "beleid@e2e.example",
  name: "Bart Beleid",
  password: PASSWORD,
  roles: [{ role: "policy_officer", region: "midden" }],
};

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

async function navigationLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  return nav.getByRole("link").allTextContents();
}

describe("session", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ users: [CARE_COORDINATOR, POLICY_OFFICER] });
    browser = await launchBrowser();
    page = await openPage(browser, `${app.url}/inloggen`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("says so when the password is wrong, and stays on the login page", async () => {
    await logIn(page, CARE_COORDINATOR.email, "niet-het-wachtwoord");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Het e-mailadres of het wachtwoord klopt niet.");
    expect(new URL(page.url()).pathname).toBe("/inloggen");
  });

  it("logs a care coordinator in to the home page with name, role and school navigation", async () => {
    await logIn(page, CARE_COORDINATOR.email, PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    expect(await page.getByTestId("user-name").textContent()).toBe("Zora Zorg");
    expect(await page.getByTestId("user-roles").textContent()).toBe("Zorgcoördinator");
    expect(await navigationLabels(page)).toEqual(["Overzicht", "Signalen", "Casussen"]);
    const current = page.getByRole("navigation").getByRole("link", { name: "Overzicht" });
    expect(await current.getAttribute("aria-current")).toBe("page");
    // The start page is the school's worklist (features/worklists/SchoolWorklist.tsx).
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Nieuwe signalen van uw school",
      "Mijn casussen",
      "Termijnen",
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("moves between sections without reloading and marks the current one", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Casussen" }).click();
    await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/casussen");
    const current = page.getByRole("navigation").getByRole("link", { name: "Casussen" });
    expect(await current.getAttribute("aria-current")).toBe("page");
  });

  it("refuses a section the role does not open, and answers unknown addresses in Dutch", async () => {
    await page.goto(`${app.url}/logboek`);
    await page.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
    await page.goto(`${app.url}/bestaat-niet`);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("logs out: back to the login page, and the session is gone on the server", async () => {
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((url) => url.pathname === "/inloggen");
    const status = await page.evaluate(() => fetch("/api/me").then((r) => r.status));
    expect(status).toBe(401);
    await page.goto(`${app.url}/casussen`);
    await page.waitForURL((url) => url.pathname === "/inloggen");
  });

  it("brings the user back to the page they asked for, with the navigation of their role", async () => {
    await page.goto(`${app.url}/monitor`);
    await page.waitForURL((url) => url.pathname === "/inloggen");
    await logIn(page, POLICY_OFFICER.email, PASSWORD);
    await page.waitForURL((url) => url.pathname === "/monitor");
    await page.getByRole("heading", { level: 1, name: "Monitor" }).waitFor();
    expect(await page.getByTestId("user-roles").textContent()).toBe("Beleidsmedewerker");
    expect(await navigationLabels(page)).toEqual(["Overzicht", "Monitor"]);
  });
});

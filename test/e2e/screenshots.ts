// Saves PNG screenshots of the main screens into docs/screenshots/ (npm run screenshots), taken
// in Debian's Chromium against the application on a fresh demo database: the login page, each
// professional's worklist, the signals, the case list and case file with a form, and the
// doorbraakteam agenda.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./support/browser.ts";
import { logInAs, startDemoApp } from "./support/demo-app.ts";
import { REPO_ROOT } from "./support/paths.ts";

const OUT_DIR = join(REPO_ROOT, "docs/screenshots");

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const app = await startDemoApp();
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, `${app.url}/inloggen`);
    await page.getByRole("button", { name: "Inloggen" }).waitFor();
    await shoot(page, "login.png");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.locator("#login-email-error").waitFor();
    await shoot(page, "login-errors.png");
    await page.context().close();

    await careCoordinator(browser, app.url);
    await leerplicht(browser, app.url);
    await caseDirector(browser, app.url);
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function as(browser: Browser, url: string, account: string): Promise<Page> {
  const page = await openPage(browser, `${url}/inloggen`);
  await logInAs(page, url, account);
  return page;
}

async function careCoordinator(browser: Browser, url: string): Promise<void> {
  const page = await as(browser, url, "zorgcoordinator");
  await page.getByTestId("worklist-new-signals").locator("tbody tr").first().waitFor();
  await page.getByTestId("worklist-my-cases").waitFor();
  await page.getByTestId("worklist-deadlines").waitFor();
  await page.getByTestId("worklist-new-signals").getByText("Details").first().click();
  await shoot(page, "home-school.png");

  await page.getByRole("link", { name: "Signalen", exact: true }).click();
  await page.getByTestId("signals-table").waitFor();
  await shoot(page, "signals.png");

  await page.getByRole("link", { name: "Casussen", exact: true }).click();
  await page.getByTestId("cases-table").waitFor();
  await shoot(page, "cases.png");

  await page.getByRole("link", { name: "Casus met de hand openen" }).click();
  await page.getByRole("button", { name: "Casus openen" }).click();
  await page.locator("#open-case-pupilId-error").waitFor();
  await shoot(page, "open-case-errors.png");
  await page.context().close();
}

async function leerplicht(browser: Browser, url: string): Promise<void> {
  const page = await as(browser, url, "leerplicht");
  await page.getByTestId("worklist-other-signals").waitFor();
  await page.waitForLoadState("networkidle");
  await shoot(page, "worklist-leerplicht.png");
  await page.context().close();
}

async function caseDirector(browser: Browser, url: string): Promise<void> {
  const page = await as(browser, url, "casusregisseur");
  await page.getByTestId("worklist-caseload").locator("tbody tr").first().waitFor();
  await shoot(page, "caseload-casusregisseur.png");

  await page.getByRole("link", { name: "Doorbraakteam", exact: true }).click();
  await page.getByTestId("agenda-table").waitFor();
  await shoot(page, "doorbraakteam-agenda.png");

  // The case file of the case longest in the chain: the first of the caseload.
  await page.getByRole("link", { name: "Overzicht", exact: true }).click();
  await page.getByTestId("worklist-caseload").locator("tbody tr a").first().click();
  await page.getByTestId("case-timeline").waitFor();
  await shoot(page, "case-file.png");

  await page.getByRole("button", { name: "Stagnatie melden", exact: true }).click();
  const form = page.getByRole("form", { name: "Stagnatie melden" });
  await form.getByRole("button", { name: "Vastleggen" }).click();
  await page.locator("#flag-stagnation-cause-error").waitFor();
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT_DIR, "case-file-form-errors.png") });
  console.log(`saved ${join(OUT_DIR, "case-file-form-errors.png")}`);

  // The case awaiting its week-8 decision, with that form and the meeting form open.
  const cases = (await (await page.request.get(`${url}/api/cases`)).json()) as { id: string }[];
  for (const c of cases) {
    const detail = (await (await page.request.get(`${url}/api/cases/${c.id}`)).json()) as {
      allowed_actions: string[];
    };
    if (!detail.allowed_actions.includes("breakthrough-check")) continue;
    await page.goto(`${url}/casussen/${c.id}`);
    await page.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    for (const label of ["Besluit week 8 vastleggen", "Overleg vastleggen"]) {
      await page.getByRole("button", { name: label, exact: true }).click();
      await page.getByRole("form", { name: label }).waitFor();
    }
    await shoot(page, "case-file-week8-meeting.png");
    break;
  }
  await page.context().close();
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

await main();

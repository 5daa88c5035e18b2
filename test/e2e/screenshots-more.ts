// Saves PNG screenshots of the parent view, the pupil page, administration and the audit trail
// into docs/screenshots/ (npx node --disable-warning=ExperimentalWarning
// test/e2e/screenshots-more.ts), taken in Debian's Chromium against a fresh demo database.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { apiSession } from "./support/api-session.ts";
import { launchBrowser } from "./support/browser.ts";
import { logInAs, startDemoApp } from "./support/demo-app.ts";
import { REPO_ROOT } from "./support/paths.ts";

const OUT_DIR = join(REPO_ROOT, "docs/screenshots");

async function newPage(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", viewport: { width, height } });
  return context.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const app = await startDemoApp();
  const browser = await launchBrowser();
  try {
    const parent = await newPage(browser, 1280, 900);
    await logInAs(parent, app.url, "ouder");
    await parent.goto(`${app.url}/mijn-kind`);
    await parent.getByRole("heading", { level: 3, name: "Het plan" }).waitFor();
    await shoot(parent, "parent-view.png");

    const phone = await newPage(browser, 390, 844);
    await logInAs(phone, app.url, "ouder");
    await phone.goto(`${app.url}/mijn-kind`);
    await phone.getByRole("heading", { level: 3, name: "Uw toestemming" }).waitFor();
    await shoot(phone, "parent-view-phone.png");

    const school = await apiSession(app.url, "zorgcoordinator");
    const cases = (await school.call("GET", "/api/cases")).body as { pupil_id: string }[];
    const pupilId = cases[0]?.pupil_id;
    const staff = await newPage(browser, 1280, 900);
    await logInAs(staff, app.url, "zorgcoordinator");
    await staff.goto(`${app.url}/leerlingen/${pupilId}`);
    await staff.getByRole("grid").waitFor();
    await staff.locator('[role="gridcell"][tabindex="0"]').focus();
    await staff.keyboard.press("ArrowLeft");
    await shoot(staff, "pupil-calendar.png");
    await staff.getByRole("button", { name: "Toon als tabel" }).click();
    await staff.getByRole("table", { name: /Dagen met verzuim/ }).waitFor();
    await shoot(staff, "pupil-calendar-table.png");

    const admin = await newPage(browser, 1280, 900);
    await logInAs(admin, app.url, "beheer");
    await admin.goto(`${app.url}/beheer/gebruikers`);
    await admin.getByRole("table", { name: /Accounts/ }).waitFor();
    await shoot(admin, "admin-users.png");
    await admin.goto(`${app.url}/beheer/scholen`);
    await admin.getByRole("table", { name: /Vakanties en vrije dagen van/ }).waitFor();
    await shoot(admin, "admin-schools.png");
    await admin.goto(`${app.url}/beheer/imports`);
    await admin.getByLabel("Soort bestand").selectOption("attendance");
    await admin.getByLabel("CSV-bestand").setInputFiles({
      name: "verzuim-week-10.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `pupil_id;school_id;date;period;minutes;reason\n${pupilId};ONBEKEND;2026-03-02;1;50;truant\n${pupilId};ONBEKEND;2026-03-02;2;50;spijbelen\n`,
      ),
    });
    await admin.getByRole("button", { name: "Inlezen" }).click();
    await admin.getByRole("table", { name: /Fouten in/ }).waitFor();
    await shoot(admin, "admin-import-errors.png");
    await admin.goto(`${app.url}/logboek`);
    await admin.getByRole("table", { name: /^Logboek/ }).waitFor();
    await shoot(admin, "audit-trail.png");
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();

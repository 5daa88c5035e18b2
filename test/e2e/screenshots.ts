// Saves PNG screenshots of the main screens into docs/screenshots/ (npm run screenshots), taken
// in Debian's Chromium against a freshly started application with one synthetic user.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startApp } from "./support/app-server.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { REPO_ROOT } from "./support/paths.ts";

const OUT_DIR = join(REPO_ROOT, "docs/screenshots");
const USER = {
  email: "zorg@screenshots.example",
  name: "Zora Zorg",
  password: "screenshot-wachtwoord",
  roles: [{ role: "care_coordinator", schoolId: "99ZZ00" }],
};

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const app = await startApp({ users: [USER] });
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, `${app.url}/inloggen`);
    await page.getByRole("button", { name: "Inloggen" }).waitFor();
    await shoot(page, "login.png");

    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.locator("#login-email-error").waitFor();
    await shoot(page, "login-errors.png");

    await page.getByLabel("E-mailadres").fill(USER.email);
    await page.getByLabel("Wachtwoord").fill(USER.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    await shoot(page, "home-school.png");
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

await main();

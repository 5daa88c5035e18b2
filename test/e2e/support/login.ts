// Logging in through the login page, the one way every browser test does it: fill the form
// (`fillLogin`), log in as a demo account or any e-mail address and wait for the start page
// (`logInAs`), or open a new page already logged in (`openPageAs`).
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "./demo-password.ts";

/** Fills and sends the login form on the current page; waits for nothing. */
export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** A demo account's name (`zorgcoordinator`) or any e-mail address. */
function emailOf(account: string): string {
  return account.includes("@") ? account : `${account}@demo.aanwezig.nl`;
}

/** Logs in through the login page as `account` and waits for the start page. */
export async function logInAs(
  page: Page,
  url: string,
  account: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${url}/inloggen`);
  await fillLogin(page, emailOf(account), password);
  await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
}

/** A page in a context of its own (Dutch locale), logged in as `account` on the start page. */
export async function openPageAs(
  browser: Browser,
  url: string,
  account: string,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", viewport });
  const page = await context.newPage();
  await logInAs(page, url, account);
  return page;
}

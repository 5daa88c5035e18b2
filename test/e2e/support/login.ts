// Logging in, the one way every browser test does it: log in as a demo account or any e-mail
// address and wait for the start page (`logInAs`), or open a new page already logged in
// (`openPageAs`). Both log in through the API (POST /api/session from the page's own context, so
// the session cookie lands in that context) and then open the start page: the login page is the
// subject of login.test.ts, session.test.ts and set-password.test.ts alone, which fill it
// themselves (`fillLogin`); everywhere else rendering and filling it cost seconds per log-in.
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

/**
 * Logs in as `account` (session cookie in the page's context) and opens the start page, or
 * `path` when given (then the caller waits for what that page shows). The context's cookies are
 * cleared first: a page already logged in as someone else starts a new session, as a new
 * context would (the app keeps nothing in storage, and the page load starts it afresh), so a
 * file can move one page from account to account instead of opening a context per account.
 */
export async function logInAs(
  page: Page,
  url: string,
  account: string,
  options: { password?: string; path?: string } = {},
): Promise<void> {
  const { password = DEMO_PASSWORD, path } = options;
  await page.context().clearCookies();
  const answer = await page
    .context()
    .request.post(`${url}/api/session`, { data: { email: emailOf(account), password } });
  if (!answer.ok())
    throw new Error(`log-in as ${account}: ${answer.status()} ${await answer.text()}`);
  await page.goto(`${url}${path ?? "/"}`);
  if (path === undefined)
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
}

/** A blank page in a context of its own (Dutch locale), for `logInAs` to log in and open. */
export async function newBlankPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", viewport });
  return context.newPage();
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

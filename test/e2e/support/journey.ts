// Helpers for the cross-role journeys (test/e2e/journeys/): one browser page that follows a
// child across accounts (log out, log in as the next role), and what that role sees of a case:
// is it in their case list, and does its case file open or answer "niet gevonden".

import type { Locator, Page } from "playwright-core";
import { afterEach, beforeEach, expect } from "vitest";
import { DEMO_PASSWORD } from "./demo-password.ts";
import { fillLogin, logInAs } from "./login.ts";

/** The shared two-core machine is slow under load: give the screen time to refresh. */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/**
 * Logs out through the user menu (when logged in) and logs in as the next demo account: on the
 * login page the app shows then, as a user at a shared computer does (no page load in between),
 * landing on the start page; or, with `path`, through the API and straight onto that page (one
 * page load, and no start page that the step does not look at). Logging in clears the app's
 * query cache (web/src/features/auth/use-session.ts), so the next account's screens read
 * everything afresh either way.
 */
export async function switchAccount(
  page: Page,
  url: string,
  account: string,
  path?: string,
): Promise<void> {
  const logout = page.getByRole("button", { name: "Uitloggen", exact: true });
  if (await logout.count()) {
    await logout.click();
    await page.waitForURL((u) => u.pathname === "/inloggen");
  } else if (path === undefined && new URL(page.url()).pathname !== "/inloggen") {
    await page.goto(`${url}/inloggen`);
  }
  if (path !== undefined) {
    await logInAs(page, url, account, { path });
    return;
  }
  await fillLogin(page, `${account}@demo.aanwezig.nl`, DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/");
  await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
}

/**
 * The ids of the cases on the "Casussen" page (closed ones too when `withClosed`), reached
 * through the main navigation as a user does (its address when the menu has no such link).
 */
export async function listedCaseIds(page: Page, url: string, withClosed = false) {
  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  const link = menu.getByRole("link", { name: "Casussen", exact: true });
  if (await link.count()) await link.click();
  else await page.goto(`${url}/casussen`);
  await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
  const closed = page.getByLabel("Toon ook afgesloten casussen");
  if (withClosed) await closed.check();
  else if ((await closed.count()) && (await closed.isChecked())) await closed.uncheck();
  const table = page.getByTestId("cases-table");
  await table.waitFor();
  return caseIdsIn(table);
}

/** The case ids linked from a table (the agenda, a worklist, the case list). */
export async function caseIdsIn(table: Locator): Promise<string[]> {
  const links = table.locator('a[href^="/casussen/"]');
  const ids: string[] = [];
  for (const link of await links.all()) {
    const id = ((await link.getAttribute("href")) ?? "").replace(/^\/casussen\//, "");
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Opens the case file: through its link on the screen shown (the case list just read, an agenda)
 * as a user does, else by its address, which is how a case missing from the user's lists is
 * reached at all. Answers "found" (the file shows) or "not-found".
 */
export async function openCaseFile(
  page: Page,
  url: string,
  caseId: string,
): Promise<"found" | "not-found"> {
  const link = page.locator(`main a[href="/casussen/${caseId}"]`).first();
  if (await link.count()) await link.click();
  else await page.goto(`${url}/casussen/${caseId}`);
  const h1 = () =>
    page
      .locator("h1")
      .allTextContents()
      .then((t) => t.join(" "));
  await poll(h1).toMatch(/^(Casus |Pagina niet gevonden)/);
  const text = await h1();
  if (text.startsWith("Pagina niet gevonden")) {
    expect(await page.getByRole("alert").textContent()).toContain(
      "Deze casus of leerling bestaat niet, of u heeft er geen toegang toe.",
    );
    return "not-found";
  }
  await page.getByTestId("case-summary").waitFor();
  return "found";
}

/**
 * The hooks every journey shares: a journey is one story, so after a failed step the later
 * steps are skipped (they would only fail for the same reason) and the failing step's screen is
 * saved under /tmp. (demoAppAndBrowser closes the browser and the app at the end.)
 */
export function journeyHooks(name: string, page: () => Page | undefined): void {
  let failed = false;
  beforeEach((context) => {
    if (failed) context.skip();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      failed = true;
      await page()?.screenshot({
        path: `/tmp/journey-${name}-${context.task.name.slice(0, 24)}.png`,
      });
    }
  });
}

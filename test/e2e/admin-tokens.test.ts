// Service tokens in the browser (Beheer → Koppelingen): the administrator makes a token scoped
// to attendance of one school, sees it once with a copy hint, finds it in the list without the
// secret, and revokes it; the token then no longer works. axe finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("service tokens in the administration", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
  }, 600_000);

  it("creates a token shown once, lists it without the secret and revokes it", async () => {
    // Logged in straight onto the page: the start page is no part of this file.
    await logInAs(page, demo.app.url, "beheer", { path: "/beheer/koppelingen" });
    await page.getByRole("heading", { level: 1, name: "Beheer: Koppelingen" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Token aanmaken" }).click();
    expect(await page.getByText("Geef de koppeling een naam.").count()).toBe(1);
    await page.getByLabel("Naam van de koppeling").fill("Leerlingadministratie e2e");
    await page.getByLabel("attendance").check();
    await page.locator('input[id^="token-school-"]').first().check();
    await page.getByRole("button", { name: "Token aanmaken" }).click();
    const shown = page.getByTestId("new-token");
    await shown.waitFor();
    const token = (await shown.textContent()) ?? "";
    expect(token).toMatch(/^azw_/);
    await page.getByText("Het wordt maar één keer getoond").waitFor();
    const row = page.getByRole("row").filter({ hasText: "Leerlingadministratie e2e" });
    await row.waitFor();
    expect(await page.getByRole("table", { name: /Koppelingstokens/ }).textContent()).not.toContain(
      token,
    );
    expect(await axeViolations(page)).toEqual([]);

    const use = () =>
      fetch(`${demo.app.url}/api/v1/imports/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await use()).status).toBe(404); // a valid token: the job just does not exist
    await row.getByRole("button", { name: "Intrekken Leerlingadministratie e2e" }).click();
    await row.getByRole("button", { name: "Ja, trek Leerlingadministratie e2e in" }).click();
    await page.locator('p[role="status"]').filter({ hasText: "is ingetrokken" }).waitFor();
    await row.filter({ hasText: "Ingetrokken op" }).waitFor();
    expect((await use()).status).toBe(401);
  });
});

// The pupil page in a real browser on a fresh demo database: the care coordinator opens a pupil
// of the school and reads the absence calendar of the school year — a keyboard grid with one
// tab stop, a legend in words and letters, and the same days as a table; axe finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("pupil page", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilId: string;
  let pupilName: string;

  beforeAll(async () => {
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const cases = (await school.call("GET", "/api/cases")).body as {
      pupil_id: string;
      pupil_name: string;
    }[];
    // A pupil of the school with absence this year: one with a case.
    pupilId = cases[0]?.pupil_id as string;
    pupilName = cases[0]?.pupil_name as string;
    if (!pupilId) throw new Error("the demo school has no cases");
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const active = () => page.locator('[role="gridcell"][tabindex="0"]');

  it("shows the pupil with the absence calendar of the school year", async () => {
    // Logged in straight onto the pupil page: the start page is no part of this file.
    await logInAs(page, demo.app.url, "zorgcoordinator", { path: `/leerlingen/${pupilId}` });
    await page.getByRole("heading", { level: 2, name: "Verzuimkalender" }).waitFor();
    await page.getByRole("grid").waitFor();
    // The pupil page loads on its first visit: the search page's heading may still show a moment.
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
      .toMatch(/^Leerling /);
    expect(await page.getByRole("gridcell").count()).toBeGreaterThan(5 * 48);
    expect(await active().count()).toBe(1);
    // Some day of this year has absence, described in words (not by colour alone).
    const labels = await page
      .getByRole("gridcell")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("aria-label") ?? ""));
    expect(labels.some((l) => /% van de lestijd afwezig/.test(l))).toBe(true);
    const legend = (await page.getByRole("region", { name: "Legenda" }).textContent()) ?? "";
    for (const word of ["Ziek", "Ongeoorloofd", "Te laat", "Tot de helft", "Geen schooldag"]) {
      expect(legend).toContain(word);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it("moves through the days with the arrow keys from a single tab stop", async () => {
    await page.getByRole("button", { name: "Toon als tabel" }).focus();
    await page.keyboard.press("Tab");
    const start = await page.evaluate<string>("document.activeElement.dataset.date");
    expect(start).toBe(await active().getAttribute("data-date"));
    await page.keyboard.press("ArrowLeft");
    const left = await page.evaluate<string>("document.activeElement.dataset.date");
    expect(Date.parse(start) - Date.parse(left)).toBe(7 * 86_400_000);
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    const focused = page.locator(":focus");
    const label = await focused.getAttribute("aria-label");
    expect(await page.locator(".aanwezig-calendar__focus").textContent()).toBe(label);
    expect(await active().count()).toBe(1);
    // Tab leaves the grid in one step.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate<string | null>("document.activeElement.getAttribute('role')"),
    ).not.toBe("gridcell");
  });

  it("shows the same days as a table", async () => {
    await page.getByRole("button", { name: "Toon als tabel" }).click();
    const table = page.getByRole("table", { name: /Dagen met verzuim van/ });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Toon als kalender" }).click();
    await page.getByRole("grid").waitFor();
  });

  it("does not scroll sideways at 1366 × 768, nor at 320 px (reflow)", async () => {
    for (const width of [1366, 320]) {
      await page.setViewportSize({ width, height: 768 });
      await page.goto(`${demo.app.url}/leerlingen/${pupilId}`);
      await page.getByRole("grid").waitFor();
      await page.getByRole("heading", { level: 1, name: /^Leerling / }).waitFor();
      const fits = await page.evaluate<boolean>(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
      );
      expect(fits, `${width} px`).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("answers an unknown pupil as not found", async () => {
    await page.goto(`${demo.app.url}/leerlingen/BESTAAT-NIET`);
    await page.getByRole("heading", { level: 1, name: "Leerling niet gevonden" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds the pupil by name from the menu and opens the pupil page by keyboard", async () => {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Leerlingen zoeken" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Leerlingen zoeken" }).waitFor();
    const field = page.getByLabel("Naam of leerlingnummer");
    await field.fill("a");
    await field.press("Enter");
    expect(await page.locator("#pupil-search-q-error").textContent()).toBe(
      "Vul minstens 2 tekens in.",
    );
    expect(await axeViolations(page)).toEqual([]);

    const familyName = pupilName.split(" ").slice(1).join(" ");
    await field.fill(familyName);
    await field.press("Enter");
    const results = page.getByTestId("pupil-search-results");
    await results.waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe(familyName);
    const link = results.getByRole("link", { name: `${pupilName} (${pupilId})`, exact: true });
    expect(await link.count()).toBe(1);
    // Every result is a pupil of the coordinator's own school (the server's scope).
    const schools = await results.locator("tbody tr td").allTextContents();
    expect(new Set(schools).size).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${demo.app.url}/leerlingen/${pupilId}`);
    // The pupil page loads on its first visit: the search page's heading may still show a moment.
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
      .toMatch(/^Leerling /);
  });
});

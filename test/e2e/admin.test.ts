// Administration and the audit trail in a real browser on a fresh demo database: the
// application admin creates and deactivates an account, reads the schools with their closures,
// imports a CSV file with an error and sees the row error (line, column, reason), then a valid
// one, both in the import log; the audit trail filters and exports. axe finds nothing anywhere.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, openPageAs } from "./support/login.ts";

const NEW_EMAIL = "nieuwe.mentor@school.example";

describe("administration and audit trail", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "beheer");
  }, 600_000);

  const status = () => page.locator('p[role="status"]');

  it("creates an account with a role and a school, and deactivates it", async () => {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Beheer" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Beheer: Gebruikers" }).waitFor();
    await page.getByRole("table", { name: /Accounts/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Account aanmaken" }).click();
    expect(await page.getByText("Vul de naam in.").count()).toBe(1);
    expect(await page.getByText("Kies een rol.").count()).toBe(1);
    await page.getByLabel("Naam", { exact: true }).fill("Nieuwe Mentor");
    await page.getByLabel("E-mailadres").fill(NEW_EMAIL);
    await page.getByLabel("Eerste wachtwoord (optioneel)").fill("een-lang-wachtwoord");
    await page.getByLabel("Rol", { exact: true }).selectOption("teacher");
    const school = page.getByLabel("School", { exact: true });
    await school.waitFor();
    const firstSchool = await school.locator("option").nth(1).getAttribute("value");
    await school.selectOption(firstSchool as string);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await status()
      .filter({ hasText: `Het account ${NEW_EMAIL} is aangemaakt.` })
      .waitFor();
    const row = page.getByRole("row").filter({ hasText: NEW_EMAIL });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Mentor / leerkracht (school ${firstSchool})`);
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("button", { name: `Deactiveren ${NEW_EMAIL}` }).click();
    await row.getByRole("button", { name: `Ja, deactiveer ${NEW_EMAIL}` }).click();
    await status().filter({ hasText: "is gedeactiveerd" }).waitFor();
    await page
      .getByRole("row")
      .filter({ hasText: NEW_EMAIL })
      .filter({ hasText: "Gedeactiveerd op" })
      .waitFor();
  });

  it("lists the schools with weekday minutes and their closures", async () => {
    await page
      .getByRole("navigation", { name: "Onderdelen van het beheer" })
      .getByRole("link", { name: "Scholen en kalenders" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Beheer: Scholen en kalenders" }).waitFor();
    const schools = page.getByRole("table", { name: /^Scholen/ });
    await schools.waitFor();
    expect(await schools.getByRole("row").count()).toBeGreaterThan(1);
    const closures = page.getByRole("table", { name: /Vakanties en vrije dagen van/ });
    await closures.waitFor();
    expect(await closures.textContent()).toMatch(/vakantie/i);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses a file with an error and shows line, column and reason; imports a valid one", async () => {
    await page
      .getByRole("navigation", { name: "Onderdelen van het beheer" })
      .getByRole("link", { name: "Imports" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Beheer: Imports" }).waitFor();
    await page.getByRole("button", { name: "Inlezen" }).click();
    expect(await page.getByText("Kies de soort bestand.").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Soort bestand").selectOption("closures");
    await page.getByLabel("CSV-bestand").setInputFiles({
      name: "vrije-dagen.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "scope;start_date;end_date;name\nall;2026-06-01;2026-06-01;studiedag regio\nall;2026-06-31;2026-07-01;fout\n",
      ),
    });
    await page.getByRole("button", { name: "Inlezen" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "vrije-dagen.csv is geweigerd" });
    await refused.waitFor();
    const errors = page.getByRole("table", { name: /Fouten in vrije-dagen.csv/ });
    await errors.waitFor();
    const errorRow = errors.getByRole("row").filter({ hasText: "start_date" });
    expect(await errorRow.getByRole("rowheader").textContent()).toBe("3");
    expect(await errorRow.textContent()).toContain("bestaat niet als kalenderdatum");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("CSV-bestand").setInputFiles({
      name: "vrije-dagen-goed.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "scope;start_date;end_date;name\nall;2026-06-01;2026-06-01;studiedag regio\n",
      ),
    });
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "vrije-dagen-goed.csv is ingelezen: 1 regels, 1 nieuw" })
      .waitFor();
    const log = page.getByRole("table", { name: /Importlogboek/ });
    await log
      .getByRole("row")
      .filter({ hasText: "vrije-dagen-goed.csv" })
      .filter({ hasText: "Ingelezen" })
      .waitFor();
    await log
      .getByRole("row")
      .filter({ hasText: "vrije-dagen.csv" })
      .filter({ hasText: "Geweigerd" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("reads a Windows-1252 file only when the upload says so (Tekenset); UTF-8 refuses it by line", async () => {
    // What Excel on a Dutch Windows machine saves: "ë" is the single byte 0xEB.
    const latin = Buffer.from(
      "scope;start_date;end_date;name\nall;2026-06-03;2026-06-03;studiedag Eëlco\n",
      "latin1",
    );
    const encoding = page.getByLabel("Tekenset");
    expect(await encoding.inputValue()).toBe("utf-8");
    await page.getByLabel("Soort bestand").selectOption("closures");
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles({ name: "vrij-1252.csv", mimeType: "text/csv", buffer: latin });
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page.getByRole("alert").filter({ hasText: "vrij-1252.csv is geweigerd" }).waitFor();
    const errors = page.getByRole("table", { name: /Fouten in vrij-1252.csv/ });
    expect(await errors.textContent()).toContain("geen geldige UTF-8: regel 2");

    await encoding.selectOption("windows-1252");
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles({ name: "vrij-1252-goed.csv", mimeType: "text/csv", buffer: latin });
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "vrij-1252-goed.csv is ingelezen: 1 regels, 1 nieuw" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Stored as "ë", not as a replacement character.
    const names = await page.evaluate(async () => {
      const response = await fetch("/api/admin/schools");
      const body = (await response.json()) as { closures: { name: string }[] }[];
      return body.flatMap((school) => school.closures.map((c) => c.name));
    });
    expect(names).toContain("studiedag Eëlco");
    expect(names.join("")).not.toContain("\uFFFD");
  });

  it("shows the audit trail with the admin's own actions, filtered by outcome and pupil", async () => {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Logboek" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
    const table = page.getByRole("table", { name: /^Logboek/ });
    await table.waitFor();
    expect(await table.textContent()).toContain("Account aangemaakt");
    expect(await table.textContent()).toContain("Bestand ingelezen");
    await page.getByLabel("Uitkomst").selectOption("allowed");
    expect(await table.getByText("Geweigerd").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Download als CSV" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Leerlingnummer (optioneel)").fill("P-ONBEKEND");
    await page.getByRole("button", { name: "Toon logboek" }).click();
    // Reading the trail about a pupil is itself written to that pupil's trail.
    const filtered = page.getByRole("table", { name: /Logboek voor leerling P-ONBEKEND/ });
    await filtered.waitFor();
    const rows = filtered.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    for (const text of await rows.allTextContents()) {
      if (!text.startsWith("Tijdstip")) expect(text).toContain("Logboek bekeken");
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps other roles out: the privacy officer reads the audit trail but not the administration", async () => {
    // The file's page, logged in again as the privacy officer (logInAs clears the cookies).
    const other = page;
    await logInAs(other, demo.app.url, "privacy", { path: "/logboek" });
    await other.getByRole("table", { name: /^Logboek/ }).waitFor();
    await other.goto(`${demo.app.url}/beheer/gebruikers`);
    await other.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
    const answer = await other.evaluate<number>("fetch('/api/admin/users').then((r) => r.status)");
    expect(answer).toBe(403);
  });
});

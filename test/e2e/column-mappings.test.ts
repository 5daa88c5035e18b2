// Column mappings in the browser (Beheer → Kolomindelingen; issue 14 item 3): the administrator
// reads a sample of a school system's export (Windows-1252, its own headers and codes), finds the
// columns guessed, maps the system's codes onto Aanwezig's, saves the mapping, and imports the
// export with it from the import form — the rows land as canonical attendance. axe finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { demoSchoolPupil } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("column mappings in the administration", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let school: string;
  let pupil: string;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
    // A pupil of the first demo school, as its care coordinator sees them.
    ({ school, pupil } = await demoSchoolPupil(demo.app.url, demo.app.asOf));
  }, 600_000);

  /** The school system's export: the day after the demo's date, absence not yet recorded. */
  const exportFile = () => ({
    name: "somtoday-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Leerlingnummer;Datum;Lesuur;Minuten;Absentiecode;Opmerking\n" +
        `${pupil};2026-03-03;1e;50;Z;Moeder (Eëlco) belde\n` +
        `${pupil};2026-03-03;2e;50;O;\n`,
      "latin1",
    ),
  });

  it("builds a mapping from a sample file, saves it and imports the export with it", async () => {
    // Logged in straight onto the page: the start page is no part of this file.
    await logInAs(page, demo.app.url, "beheer", { path: "/beheer/kolomindelingen" });
    await page.getByRole("heading", { level: 1, name: "Beheer: Kolomindelingen" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Naam", { exact: true }).fill("Somtoday e2e");
    await page.getByLabel("Soort bestand").selectOption("attendance");
    // The school is one of the region's schools, chosen from the list.
    await page.getByLabel("School", { exact: true }).selectOption(school);
    await page.getByLabel("Tekenset").selectOption("windows-1252");
    await page.getByLabel("Voorbeeldbestand").setInputFiles(exportFile());
    await page.getByRole("button", { name: "Voorbeeld lezen" }).click();
    await page.getByText("Voorbeeld gelezen: 6 kolommen, 2 regels.").waitFor();
    // The first guess, from the usual Dutch names.
    expect(await page.getByLabel("Kolom voor pupil_id").inputValue()).toBe("Leerlingnummer");
    expect(await page.getByLabel("Kolom voor reason").inputValue()).toBe("Absentiecode");
    expect(await page.getByLabel("Kolom voor note").inputValue()).toBe("Opmerking");
    // The system's codes, each mapped onto a canonical code.
    await page.getByLabel("Code Z betekent").selectOption("sick");
    await page.getByLabel("Code O betekent").selectOption("truant");
    await page.getByLabel("Code 1e betekent").selectOption("1");
    await page.getByLabel("Code 2e betekent").selectOption("2");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Kolomindeling opslaan" }).click();
    await page
      .locator('p[role="status"]')
      .filter({ hasText: "Kolomindeling Somtoday e2e is opgeslagen." })
      .waitFor();
    const row = page
      .getByTestId("import-mappings")
      .getByRole("row")
      .filter({ hasText: "Somtoday e2e" });
    await row.filter({ hasText: school }).waitFor();

    // The same name again is refused with the reason, in Dutch.
    await page.getByLabel("Naam", { exact: true }).fill("somtoday E2E");
    await page.getByLabel("Soort bestand").selectOption("attendance");
    await page.getByRole("button", { name: "Kolomindeling opslaan" }).click();
    await page
      .getByText("er is al een kolomindeling 'somtoday E2E'; kies een andere naam")
      .waitFor();

    await page.goto(`${demo.app.url}/beheer/imports`);
    await page.getByRole("heading", { level: 1, name: "Beheer: Imports" }).waitFor();
    await page.getByLabel("Soort bestand").selectOption("attendance");
    await page.getByLabel("Kolomindeling (optioneel)").selectOption("Somtoday e2e");
    expect(await page.getByLabel("Tekenset").inputValue()).toBe("windows-1252");
    await page.getByLabel("CSV-bestand").setInputFiles(exportFile());
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "somtoday-export.csv is ingelezen: 2 regels, 2 nieuw" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The import log lists the delivery; a second delivery of the same export changes nothing.
    await page.getByRole("row").filter({ hasText: "somtoday-export.csv" }).first().waitFor();
    await page.getByLabel("CSV-bestand").setInputFiles(exportFile());
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({
        hasText: "somtoday-export.csv is ingelezen: 2 regels, 0 nieuw, 0 gewijzigd, 2 ongewijzigd",
      })
      .waitFor();
  });
});

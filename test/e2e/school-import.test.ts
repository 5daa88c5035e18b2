// The school's own attendance upload in the browser (Inrichting → Aanwezigheid inlezen; issue 14
// item 3): the care coordinator sends a small canonical attendance file of their own school and
// sees it accepted; a file with a row of another school is refused with that line's error in
// Dutch. axe finds nothing on the page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { demoSchoolPupil } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("the care coordinator's attendance upload", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let school: string;
  let pupil: string;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
    // A pupil of the care coordinator's own school.
    ({ school, pupil } = await demoSchoolPupil(demo.app.url, demo.app.asOf));
  }, 600_000);

  const csv = (name: string, rows: string[]) => ({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`pupil_id;school_id;date;period;minutes;reason\n${rows.join("\n")}\n`),
  });

  it("finds the page in the school's set-up and imports its own school's file", async () => {
    // Logged in straight onto the page: the start page is no part of this file.
    await logInAs(page, demo.app.url, "zorgcoordinator", { path: "/inrichting" });
    await page.getByRole("link", { name: "Aanwezigheid inlezen" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Regio inrichten: Aanwezigheid inlezen" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Without a file, the form says what is missing.
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page.getByText("Kies een CSV-bestand.").waitFor();

    await page
      .getByLabel("CSV-bestand")
      .setInputFiles(
        csv("eigen-school.csv", [
          `${pupil};${school};2026-03-03;1;50;sick`,
          `${pupil};${school};2026-03-03;2;50;truant`,
        ]),
      );
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "eigen-school.csv is ingelezen: 2 regels, 2 nieuw" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses a file with a row of another school and shows that line's error", async () => {
    await page.goto(`${demo.app.url}/inrichting/aanwezigheid`);
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles(
        csv("andere-school.csv", [
          `${pupil};${school};2026-03-03;3;50;sick`,
          `${pupil};99ZZ00;2026-03-03;4;50;sick`,
        ]),
      );
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "andere-school.csv is geweigerd: 1 fout gevonden" })
      .waitFor();
    const error = page
      .getByTestId("school-import-errors")
      .getByRole("row")
      .filter({ hasText: "school_id" });
    await error.filter({ hasText: "3" }).waitFor();
    expect(await error.textContent()).toContain("99ZZ00");
    expect(await axeViolations(page)).toEqual([]);
  });
});

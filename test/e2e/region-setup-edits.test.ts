// Correcting the set-up records of issue 14 in a real browser, each by its owner: leerplicht
// corrects a recorded exemption (an end before the start shown at its field) and a Variawet
// record; a school's care coordinator builds a column mapping for the school's own export under
// Inrichting → Kolomindelingen, with the school fixed to their own and a date notation; the
// partnership places a pupil in an arrangement and sets the placement's end (a full place refused
// in Dutch). axe finds nothing on any page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { switchAccount } from "./support/journey.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("correcting the region's set-up records", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const status = () => page.locator('p[role="status"].aanwezig-notice');

  it("leerplicht corrects an exemption and a Variawet record", async () => {
    await logInAs(page, demo.app.url, "leerplicht", { path: "/inrichting/vrijstellingen" });
    const table = page.getByRole("table", { name: /^Vrijstellingen/ });
    const edit = table.getByRole("button", { name: /^Vrijstelling .* wijzigen$/ }).first();
    await edit.waitFor();
    await edit.click();
    const form = page.getByRole("region", { name: /^Vrijstelling .* wijzigen$/ });
    await form.waitFor();
    // The key stays: no person, kind or start date to change here.
    expect(await form.getByLabel("Soort vrijstelling").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Einddatum (leeg: geen einde)").fill("2000-01-01");
    await form.getByLabel("Besloten door").fill("College van B&W (gecorrigeerd)");
    await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await form.getByText(/einddatum ligt vóór de begindatum/).waitFor();
    expect(await form.getByLabel("Einddatum (leeg: geen einde)").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Einddatum (leeg: geen einde)").fill("2026-07-31");
    await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await status().filter({ hasText: "is gewijzigd." }).waitFor();
    await table
      .getByRole("row")
      .filter({ hasText: "College van B&W (gecorrigeerd)" })
      .first()
      .waitFor();
    // The edit form is gone; the form to record a new one is back.
    await page.getByRole("region", { name: "Vrijstelling vastleggen" }).waitFor();

    await page.goto(`${demo.app.url}/inrichting/variawet`);
    const records = page.getByRole("table", { name: /^Variawet-afspraken/ });
    const change = records.getByRole("button", { name: /^Variawet-afspraak van .* wijzigen$/ });
    await change.first().waitFor();
    await change.first().click();
    const v = page.getByRole("region", { name: /^Variawet-afspraak van .* wijzigen$/ });
    await v.getByLabel("Uren onderwijs per week").fill("14");
    await v.getByLabel("Goedkeuring").selectOption("yes");
    await v.getByLabel("Besloten door").fill("");
    await v.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await v.getByText("goedkeuring: vul in wie besliste en op welke datum").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await v.getByLabel("Besloten door").fill("Inspectie van het Onderwijs");
    await v.getByLabel("Datum besluit").fill("2026-02-20");
    await v.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await status().filter({ hasText: "is gewijzigd." }).waitFor();
    await records.getByRole("row").filter({ hasText: "Inspectie van het Onderwijs" }).waitFor();

    // Both corrections are in the audit trail.
    const { call } = await apiSession(demo.app.url, "privacy");
    const audit = await call(
      "GET",
      "/api/audit?user_email=leerplicht%40demo.aanwezig.nl&limit=200",
    );
    const actions = (audit.body as { entries: { action: string }[] }).entries.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["update_exemption", "update_variawet"]));
  });

  it("the care coordinator keeps the column mappings of their own school", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Inrichting" })
      .click();
    await page
      .getByRole("heading", { level: 1, name: "Regio inrichten: Kolomindelingen" })
      .waitFor();
    const school = await page.getByLabel("School", { exact: true }).inputValue();
    expect(school).toMatch(/^\d{2}[A-Z]{2}\d{2}$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Naam", { exact: true }).fill("Magister onze school");
    await page.getByLabel("Soort bestand").selectOption("attendance");
    await page.getByLabel("Voorbeeldbestand").setInputFiles({
      name: "magister.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Leerlingnummer;Datum;Lesuur;Minuten;Absentiecode\nP000001;03-03-2026;1;50;Z\n",
      ),
    });
    await page.getByRole("button", { name: "Voorbeeld lezen" }).click();
    await page.getByText("Voorbeeld gelezen: 5 kolommen, 1 regels.").waitFor();
    await page.getByLabel("Notatie van Datum (date)").selectOption("dd-mm-jjjj");
    await page.getByLabel("Code Z betekent").selectOption("sick");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Kolomindeling opslaan" }).click();
    await status()
      .filter({ hasText: "Kolomindeling Magister onze school is opgeslagen." })
      .waitFor();
    await page
      .getByTestId("import-mappings")
      .getByRole("row")
      .filter({ hasText: "Magister onze school" })
      .filter({ hasText: school })
      .waitFor();

    const { call } = await apiSession(demo.app.url, "zorgcoordinator");
    const saved = (
      (await call("GET", "/api/import-mappings")).body as {
        name: string;
        school_id: string;
        dates: Record<string, string>;
      }[]
    ).find((m) => m.name === "Magister onze school");
    expect(saved).toMatchObject({ school_id: school, dates: { date: "dd-mm-jjjj" } });
  });

  it("the partnership places a pupil and sets the placement's end", async () => {
    await switchAccount(page, demo.app.url, "swv", "/inrichting/arrangementen");
    const add = page.getByRole("region", { name: "Nieuw arrangement" });
    await add.getByLabel("Aanbieder").fill("Stichting De Overstap");
    await add.getByLabel("Naam van het arrangement").fill("Overstapklas De Overstap");
    await add.getByLabel("Soort").selectOption("oza");
    await add.getByLabel("Capaciteit (plaatsen)").fill("1");
    await add.getByRole("button", { name: "Arrangement toevoegen" }).click();
    await status().filter({ hasText: "Overstapklas De Overstap is toegevoegd" }).waitFor();

    const section = page.getByRole("region", { name: "Plaatsingen" });
    await section.getByLabel("Arrangement").selectOption({ label: "Overstapklas De Overstap" });
    await section.getByText("Nog geen plaatsingen.").waitFor();
    const form = section.getByRole("region", { name: "Leerling plaatsen" });
    await form.getByRole("searchbox", { name: "Zoek de leerling" }).fill("P0");
    await form.getByRole("button", { name: "Zoeken" }).click();
    const picks = form.getByRole("button", { name: /^Kies / });
    await picks.first().waitFor();
    await picks.first().click();
    await form.getByLabel("Begindatum").fill("2026-03-02");
    await form.getByRole("button", { name: "Plaatsen" }).click();
    await status().filter({ hasText: "is geplaatst." }).waitFor();
    const table = page.getByRole("table", { name: /^Plaatsingen in Overstapklas De Overstap/ });
    await table.getByRole("row").filter({ hasText: "loopt" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The one place is taken: another placement from a later date is refused with the reason.
    await form.getByRole("button", { name: "Zoeken" }).click();
    await picks.last().waitFor();
    await picks.last().click();
    await form.getByLabel("Begindatum").fill("2026-03-09");
    await form.getByRole("button", { name: "Plaatsen" }).click();
    await form.getByText(/geen vrije plaats|heeft al een plaats/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await table.getByRole("button", { name: /^Einddatum wijzigen: / }).click();
    const end = section.getByRole("region", { name: /^Einddatum van de plaatsing van/ });
    await end.locator("#placement-end").fill("2026-02-01");
    await end.getByRole("button", { name: "Einddatum opslaan" }).click();
    await end.getByText(/einddatum ligt vóór de begindatum/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await end.locator("#placement-end").fill("2026-03-06");
    await end.getByRole("button", { name: "Einddatum opslaan" }).click();
    await status().filter({ hasText: "is opgeslagen." }).waitFor();
    await table.getByRole("row").filter({ hasText: "06-03-2026" }).waitFor();
  });
});

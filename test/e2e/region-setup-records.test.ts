// The set-up records of issue 14 in a real browser on a fresh demo database, each by the role
// that owns it: the partnership adds a place to the arrangements catalogue (a wrong capacity
// shown at its field), changes its capacity and puts a pupil of one of its cases on the waiting
// list with the pupil search; leerplicht records an exemption (advice without a date shown at
// the field) and a Variawet record; policy staff record a contribution to the frictiebudget (an
// amount that is no amount shown at the field). axe finds nothing on any page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { switchAccount } from "./support/journey.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("the region's set-up records, each by its owner", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const status = () => page.locator('p[role="status"].aanwezig-notice');
  const subNav = () => page.getByRole("navigation", { name: "Onderdelen van de inrichting" });

  it("the partnership keeps the catalogue and puts a pupil on a waiting list", async () => {
    await logInAs(page, demo.app.url, "swv");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Inrichting" })
      .click();
    await subNav().getByRole("link", { name: "Arrangementen" }).click();
    await page.getByRole("heading", { level: 1, name: "Regio inrichten: Arrangementen" }).waitFor();
    const catalogue = page.getByRole("table", { name: /^Catalogus/ });
    await catalogue.getByRole("row").filter({ hasText: "Dagbehandeling jeugd-GGZ" }).waitFor();
    expect(await subNav().getByRole("link", { name: "Vrijstellingen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const add = page.getByRole("region", { name: "Nieuw arrangement" });
    await add.getByLabel("Aanbieder").fill("Stichting Het Anker");
    await add.getByLabel("Naam van het arrangement").fill("Time-outvoorziening Het Anker");
    await add.getByLabel("Soort").selectOption("oza");
    await add.getByLabel("Capaciteit (plaatsen)").fill("veel");
    await add.getByRole("button", { name: "Arrangement toevoegen" }).click();
    await add.getByText("capaciteit: een heel getal").waitFor();
    expect(await add.getByLabel("Capaciteit (plaatsen)").getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await add.getByLabel("Capaciteit (plaatsen)").fill("4");
    await add.getByRole("button", { name: "Arrangement toevoegen" }).click();
    await status().filter({ hasText: "Time-outvoorziening Het Anker is toegevoegd" }).waitFor();
    await catalogue.getByRole("row").filter({ hasText: "Time-outvoorziening Het Anker" }).waitFor();

    const capacity = page.getByRole("region", { name: "Capaciteit wijzigen" });
    await capacity
      .getByLabel("Arrangement")
      .selectOption({ label: "Time-outvoorziening Het Anker" });
    await capacity.getByLabel("Capaciteit (plaatsen)").fill("6");
    await capacity.getByRole("button", { name: "Capaciteit opslaan" }).click();
    await status()
      .filter({ hasText: "Time-outvoorziening Het Anker heeft nu 6 plaatsen." })
      .waitFor();

    const waiting = page.getByRole("region", { name: "Wachtlijst" });
    await waiting
      .getByLabel("Arrangement")
      .selectOption({ label: "Time-outvoorziening Het Anker" });
    await waiting.getByText("Niemand op de wachtlijst.").waitFor();
    await waiting.getByRole("button", { name: "Op wachtlijst zetten" }).click();
    await waiting.getByText("Zoek en kies eerst een leerling.").waitFor();
    await waiting.getByRole("searchbox", { name: "Zoek de leerling" }).fill("P0");
    await waiting.getByRole("button", { name: "Zoeken" }).click();
    const first = waiting.getByRole("button", { name: /^Kies / }).first();
    await first.waitFor();
    await first.click();
    await waiting.getByRole("button", { name: "Op wachtlijst zetten" }).click();
    await status().filter({ hasText: "staat op de wachtlijst." }).waitFor();
    const list = page.getByRole("table", { name: /^Wachtlijst van Time-outvoorziening Het Anker/ });
    await list
      .getByRole("row")
      .filter({ hasText: /\(P\d{6}\)/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await list.getByRole("button", { name: /^Van wachtlijst halen/ }).click();
    await status().filter({ hasText: "is van de wachtlijst gehaald." }).waitFor();
  });

  it("leerplicht records an exemption with its advice and a Variawet record", async () => {
    await switchAccount(page, demo.app.url, "leerplicht", "/inrichting/vrijstellingen");
    await page
      .getByRole("heading", { level: 1, name: "Regio inrichten: Vrijstellingen" })
      .waitFor();
    await page.getByRole("table", { name: /^Vrijstellingen/ }).waitFor();
    expect(await subNav().getByRole("link", { name: "Arrangementen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole("region", { name: "Vrijstelling vastleggen" });
    await form.getByRole("searchbox", { name: "Zoek de leerling" }).fill("P0");
    await form.getByRole("button", { name: "Zoeken" }).click();
    await form
      .getByRole("button", { name: /^Kies / })
      .first()
      .click();
    const person = await form.getByLabel("Leerling- of persoonsnummer").inputValue();
    expect(person).toMatch(/^P\d{6}$/);
    await form.getByLabel("Soort vrijstelling").selectOption("5a");
    await form.getByLabel("Begindatum").fill("2026-03-01");
    await form.getByLabel("Besloten door").fill("College van B&W");
    await form.getByLabel("Advies samenwerkingsverband: door").fill("Orthopedagoog SWV");
    await form.getByRole("button", { name: "Vrijstelling vastleggen" }).click();
    await form.getByText(/advies samenwerkingsverband: vul zowel/).waitFor();
    expect(
      await form.getByLabel("Advies samenwerkingsverband: datum").getAttribute("aria-invalid"),
    ).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Advies samenwerkingsverband: datum").fill("2026-02-10");
    await form.getByRole("button", { name: "Vrijstelling vastleggen" }).click();
    await status()
      .filter({ hasText: `De vrijstelling van ${person} is vastgelegd.` })
      .waitFor();
    await page
      .getByRole("table", { name: /^Vrijstellingen/ })
      .getByRole("row")
      .filter({ hasText: person })
      .filter({ hasText: "Orthopedagoog SWV" })
      .first()
      .waitFor();

    await subNav().getByRole("link", { name: "Variawet" }).click();
    await page.getByRole("heading", { level: 1, name: "Regio inrichten: Variawet" }).waitFor();
    const v = page.getByRole("region", { name: "Variawet-afspraak vastleggen" });
    await v.getByRole("searchbox", { name: "Zoek de leerling" }).fill("P0");
    await v.getByRole("button", { name: "Zoeken" }).click();
    await v
      .getByRole("button", { name: /^Kies / })
      .first()
      .click();
    await v.getByLabel("Begindatum").fill("2026-03-02");
    await v.getByLabel("Einddatum").fill("2026-02-02");
    await v.getByLabel("Uren onderwijs per week").fill("12");
    await v.getByRole("button", { name: "Afspraak vastleggen" }).click();
    // The school is required, and an end before the start is named at the end date.
    await v.getByText(/einddatum ligt vóór de begindatum/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("policy staff record their municipality's contribution to the frictiebudget", async () => {
    await switchAccount(page, demo.app.url, "beleid");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Inrichting" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Regio inrichten: Frictiebudget" }).waitFor();
    const balance = page.getByRole("table", { name: /^Frictiebudget \d{4}/ });
    const row = balance.getByRole("row").nth(1);
    await row.waitFor();
    const before = await row.textContent();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole("region", { name: /^Bijdrage vastleggen/ });
    const municipality = await form
      .getByLabel("Gemeente")
      .locator("option")
      .nth(1)
      .getAttribute("value");
    await form.getByLabel("Gemeente").selectOption(municipality ?? "");
    await form.getByLabel("Bedrag in euro").fill("veel geld");
    await form.getByRole("button", { name: "Bijdrage vastleggen" }).click();
    await form.getByText("Schrijf het bedrag als een getal").waitFor();
    expect(await form.getByLabel("Bedrag in euro").getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Bedrag in euro").fill("1250,50");
    await form.getByRole("button", { name: "Bijdrage vastleggen" }).click();
    await status()
      .filter({ hasText: `De bijdrage aan het budget van ${municipality}` })
      .waitFor();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).not.toBe(before);
    await page
      .getByRole("table", { name: new RegExp(`^Bijdragen aan het budget van ${municipality}`) })
      .getByRole("row")
      .filter({ hasText: "1.250,50" })
      .waitFor();
  });
});

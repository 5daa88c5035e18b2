// Setting a region up in a real browser on a fresh demo database (issue 14): the partnership
// composes a breakthrough team with the people lookup (a person is chosen, not an id typed) and
// ends a membership; the administrator saves the region's settings, an invalid school year shown
// at its field. axe finds nothing on either screen.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { poll, switchAccount } from "./support/journey.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("setting the region up", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const status = () => page.locator('p[role="status"].aanwezig-notice');

  it("the partnership adds a member found with the people lookup and ends the membership", async () => {
    await logInAs(page, demo.app.url, "swv");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Inrichting" })
      .click();
    await page
      .getByRole("heading", { level: 1, name: "Regio inrichten: Doorbraakteams" })
      .waitFor();
    const add = page.getByRole("region", { name: "Lid toevoegen aan Doorbraakteam Lindendaal" });
    await add.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await add.getByRole("button", { name: "Lid toevoegen" }).click();
    await add.getByText("Zoek en kies eerst een persoon.").waitFor();

    await add.getByRole("searchbox", { name: "Persoon zoeken" }).fill("casusregisseur");
    await add.getByRole("button", { name: "Zoeken" }).click();
    await add.getByRole("button", { name: /^Kies Demo Casusregisseur/ }).click();
    await add.getByText(/^Gekozen: Demo Casusregisseur/).waitFor();
    await add.getByLabel("Discipline").selectOption("jeugdbescherming");
    await add.getByLabel("Organisatie").fill("Jeugdbescherming Lindendaal");
    await add.getByRole("button", { name: "Lid toevoegen" }).click();
    await status().filter({ hasText: "Demo Casusregisseur is toegevoegd." }).waitFor();

    const members = page.getByRole("table", { name: /Leden van Doorbraakteam Lindendaal/ });
    const row = members.getByRole("row").filter({ hasText: "Demo Casusregisseur" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Actief");
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("button", { name: "Lidmaatschap beëindigen Demo Casusregisseur" }).click();
    await status().filter({ hasText: "Demo Casusregisseur is uit het team." }).waitFor();
    await members
      .getByRole("row")
      .filter({ hasText: "Demo Casusregisseur" })
      .filter({ hasText: "Uit het team sinds" })
      .waitFor();
  });

  it("the administrator saves the region's settings; an invalid school year shows at its field", async () => {
    await switchAccount(page, demo.app.url, "beheer", "/beheer/regio");
    await page.getByRole("heading", { level: 1, name: "Beheer: Regio" }).waitFor();
    const name = page.getByLabel("Naam van de regio");
    await poll(() => name.inputValue()).toBe("Regio Rivierland (demo)");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/^Schooljaar/).fill("2025");
    await page.getByLabel("Signaalprofiel").selectOption("mazl");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await page
      .getByText(/schooljaar: schrijf het als 2025-2026/)
      .first()
      .waitFor();
    expect(await page.getByLabel(/^Schooljaar/).getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/^Schooljaar/).fill("2025-2026");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await status().filter({ hasText: "De instellingen van de regio zijn opgeslagen." }).waitFor();
    await page.reload();
    await poll(() => page.getByLabel("Signaalprofiel").inputValue()).toBe("mazl");
  });
});

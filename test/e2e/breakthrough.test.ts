// The doorbraakteam agenda and the last steps of the chain in a real browser on a fresh demo
// database (domain.md §5 BREAKTHROUGH → ARBITRATION → CLOSED): the agenda lists the escalated
// cases; the case director records the parents' consent (d), starts binding arbitration with its
// committee and closes a case with an outcome. axe finds nothing on these pages.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, openPageAs } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("doorbraakteam", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "casusregisseur");
  }, 240_000);

  it("lists the escalated cases on the agenda", async () => {
    await page.getByRole("link", { name: "Doorbraakteam", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Agenda doorbraakteam" }).waitFor();
    const agenda = page.getByTestId("agenda-table");
    await agenda.waitFor();
    const phases = await agenda.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(phases.length).toBeGreaterThan(0);
    for (const phase of phases) expect(["Doorbraakteam", "Bindende arbitrage"]).toContain(phase);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("starts binding arbitration once the parents agreed to it", async () => {
    const agenda = page.getByTestId("agenda-table");
    await agenda
      .locator("tbody tr", { has: page.locator("td", { hasText: /^Doorbraakteam$/ }) })
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    expect(await page.getByTestId("case-summary").textContent()).toContain("Doorbraakteam");
    expect(await axeViolations(page)).toEqual([]);

    // Consent (d) from the parents (or the young person) first.
    await page.getByRole("button", { name: "Toestemming vastleggen", exact: true }).click();
    const consent = page.getByRole("form", { name: "Toestemming vastleggen" });
    await consent.getByLabel("Waarvoor").selectOption("binding_arbitration");
    await consent.getByLabel("Beslissing").selectOption("given");
    const which = consent.getByLabel("Welke ouder / verzorger");
    if ((await which.count()) === 0) {
      await consent.getByLabel("Naam of kenmerk van de ouder / verzorger").fill("Moeder");
    }
    await consent.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "De beslissing over toestemming is vastgelegd.",
    );

    const start = page.getByRole("button", { name: "Bindende arbitrage starten", exact: true });
    await start.waitFor();
    await start.click();
    const form = page.getByRole("form", { name: "Bindende arbitrage starten" });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#arbitration-parents-error").textContent()).toBe("Vul een naam in.");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Reden").fill("Partijen komen er samen niet uit.");
    await form.getByLabel("Vertegenwoordiger namens de ouders").fill("Mr. A. de Vries");
    await form.getByLabel("Lid doorbraakteam van het eigen samenwerkingsverband").fill("B. Jansen");
    await form.getByLabel("Lid van een naburig samenwerkingsverband").fill("C. Bakker");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "De bindende arbitrage is gestart.",
    );
    await poll(() => page.getByTestId("case-summary").textContent()).toContain(
      "Bindende arbitrage",
    );
    await page.getByRole("heading", { level: 2, name: "Bindende arbitrage" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("closes the case with an outcome", async () => {
    await page.getByRole("button", { name: "Casus afsluiten", exact: true }).click();
    const form = page.getByRole("form", { name: "Casus afsluiten" });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#close-outcome-error").textContent()).toBe("Kies de uitkomst.");
    await form.getByLabel("Uitkomst").selectOption("own_school_full_time");
    await form.getByLabel("Reden").fill("Terug op school met een aangepast rooster.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe("De casus is afgesloten.");
    // The director took part only while the case was open (§2): the file is the school's now.
    await poll(() => page.getByRole("main").textContent()).toContain(
      "U neemt niet meer deel aan deze casus",
    );
    // A closed case offers nothing more.
    expect(await page.getByRole("button", { name: "Casus afsluiten", exact: true }).count()).toBe(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the agenda to a member of the breakthrough team", async () => {
    // The file's page, logged in again as the member (logInAs clears the cookies first).
    const member = page;
    await logInAs(member, demo.app.url, "doorbraakteam");
    await member.getByRole("link", { name: "Doorbraakteam", exact: true }).click();
    await member.getByRole("heading", { level: 1, name: "Agenda doorbraakteam" }).waitFor();
    await poll(() => member.getByRole("main").textContent()).toMatch(
      /Agenda \(\d+ rij|Er staan geen casussen op de agenda/,
    );
    expect(await axeViolations(member)).toEqual([]);
  });
});

// The case file in a real browser on a fresh demo database, as the professionals of domain.md
// §5 use it: a care coordinator turns a signal from the worklist into a case, puts an action in
// the plan, records consent and hands the case to the case director; the forms answer in Dutch
// (inline, and the server's refusals); the case director flags stagnation and convenes the
// breakthrough team. axe finds nothing on any of these pages.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, focusedElementId } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, openPageAs } from "./support/login.ts";

/** The shared two-core machine is slow under load: give the screen time to refresh. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("case file", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  /** The pupil the first test opens a case for. */
  let openedPupil = "";

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "zorgcoordinator");
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await page.screenshot({
        path: `/tmp/case-file-${context.task.name.slice(0, 20)}.png`,
        fullPage: true,
      });
    }
  });

  it("opens a case from a new signal in the worklist", async () => {
    const signals = page.getByTestId("worklist-new-signals");
    const open = signals.getByRole("link", { name: /^Casus openen voor/ }).first();
    await open.waitFor();
    await open.click();
    await page.getByRole("heading", { level: 1, name: "Casus openen" }).waitFor();
    // The pupil and the first day of the counted absence come from the signal.
    openedPupil = await page.getByLabel("Leerlingnummer").inputValue();
    expect(openedPupil).toMatch(/^P\d+$/);
    expect(await page.getByLabel("Eerste verzuimdag").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Casus openen" }).click();
    await page.waitForURL(/\/casussen\/[\da-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: /^Casus / }).waitFor();
    expect(await page.getByTestId("case-notice").textContent()).toBe("De casus is geopend.");
    const summary = page.getByTestId("case-summary");
    const facts = page.getByTestId("case-facts");
    expect(await summary.textContent()).toContain("School (eerste 4 weken)");
    expect(await facts.textContent()).toContain("Geopend vanuit 1 signaal");
    // The pupil by name with the number, the school by name with its BRIN code (issue 11 item 3).
    expect(await summary.textContent()).toContain(`(${openedPupil})`);
    expect(await facts.textContent()).toMatch(/School[^()]+ \(\d{2}[A-Z]{2}\d{2}\)/);
    // The owner by name, with the organisation, the school, by name too — not a bare BRIN code.
    expect(await summary.textContent()).toMatch(
      /Demo Zorgcoördinator, Zorgcoördinator – [^()]+ \(\d{2}[A-Z]{2}\d{2}\)/,
    );
    expect(await page.getByTestId("case-timeline").textContent()).toContain("Casus geopend");
  });

  it("refuses a second open case for the pupil and links to the open one", async () => {
    const caseUrl = new URL(page.url()).pathname;
    await page.goto(`${demo.app.url}/casussen/nieuw?leerling=${openedPupil}`);
    await page.getByRole("heading", { level: 1, name: "Casus openen" }).waitFor();
    await page.getByLabel("Eerste verzuimdag").fill("2026-02-02");
    await page.getByLabel(/Reden/).fill("Nog een zorg over dezelfde leerling.");
    await page.getByRole("button", { name: "Casus openen" }).click();
    const alert = page.getByRole("alert");
    await poll(() => alert.textContent()).toContain("Deze leerling heeft al een open casus");
    const link = page.getByRole("link", { name: "Naar de open casus van deze leerling" });
    expect(await link.getAttribute("href")).toBe(caseUrl);
    await link.click();
    await page.waitForURL((url) => url.pathname === caseUrl);
    // Back on the case file, fully shown, for the tests that follow.
    await poll(() => page.getByTestId("case-timeline").textContent()).toContain("Casus geopend");
  });

  it("shows every part of the case file without axe violations", async () => {
    for (const heading of [
      "Wat u kunt doen",
      "Tijdlijn van fasen en besluiten",
      "Termijnen",
      "Ladder van effectiviteit",
      "Plan",
      "Overleggen",
      "Deelnemers",
      "Toestemming",
      "Stagnatie",
      "Documenten",
    ]) {
      expect(await page.getByRole("heading", { level: 2, name: heading }).count()).toBe(1);
    }
    // The pupil's absence calendar is one link away.
    const pupilLink = page.getByTestId("case-facts").getByRole("link", {
      name: "Naar de leerlingpagina",
    });
    expect(await pupilLink.getAttribute("href")).toMatch(/^\/leerlingen\/[^/]+$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("checks the action form inline in Dutch and adds the action to the plan", async () => {
    await page.getByRole("button", { name: "Actie toevoegen", exact: true }).click();
    const form = page.getByRole("form", { name: "Actie toevoegen" });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    const description = form.getByLabel("Wat moet er gebeuren?");
    await poll(() => description.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#add-action-description-error").textContent()).toBe(
      "Beschrijf de actie.",
    );
    expect(await page.locator("#add-action-due-error").textContent()).toBe("Vul een datum in.");
    expect(await focusedElementId(page)).toBe("add-action-description");
    expect(await axeViolations(page)).toEqual([]);

    await description.fill("Huisbezoek met de ouders plannen");
    await form.getByLabel("Uiterlijk op").fill("2099-01-31");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "De actie is toegevoegd aan het plan.",
    );
    const actions = page.getByTestId("case-actions");
    await poll(() => actions.textContent()).toContain("Huisbezoek met de ouders plannen");
    expect(await actions.textContent()).toContain("31-01-2099");
    // Focus went back to the closed form's button, where the user works (issue 11: no jump).
    expect(
      await page.evaluate<string>(
        "document.activeElement.closest('[data-command]')?.dataset.command ?? ''",
      ),
    ).toBe("add-action");
  });

  it("marks the action done", async () => {
    await page
      .getByRole("button", { name: 'Markeer "Huisbezoek met de ouders plannen" als gedaan' })
      .click();
    await poll(() =>
      page.getByRole("button", { name: /Markeer "Huisbezoek met de ouders plannen"/ }).count(),
    ).toBe(0);
    expect(await page.getByTestId("case-actions").textContent()).toContain("Gedaan");
  });

  it("records the parents' consent (a)", async () => {
    await page.getByRole("button", { name: "Toestemming vastleggen", exact: true }).click();
    const form = page.getByRole("form", { name: "Toestemming vastleggen" });
    await form.getByLabel("Waarvoor").selectOption("share_authorized_absence_with_leerplicht");
    await form.getByLabel("Beslissing").selectOption("given");
    // A professional says whose decision it is: a parent (one recorded before for this pupil,
    // or another one by name), or the child.
    const whichParent = form.getByLabel("Welke ouder / verzorger");
    if ((await whichParent.count()) > 0) await whichParent.selectOption("__other");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#record-consent-parentName-error").textContent()).toBe(
      "Noem de ouder die beslist.",
    );
    await form.getByLabel("Naam of kenmerk van de ouder / verzorger").fill("Moeder");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "De beslissing over toestemming is vastgelegd.",
    );
    const row = page
      .getByTestId("case-consent")
      .getByRole("row", { name: /Geoorloofd verzuim delen met leerplicht/ });
    await poll(() => row.textContent()).toContain("Gegeven");
  });

  it("shows the server's refusal in plain Dutch", async () => {
    // A parent who never gave consent (d) cannot withdraw it: the server answers 409.
    await page.getByRole("button", { name: "Toestemming vastleggen", exact: true }).click();
    const form = page.getByRole("form", { name: "Toestemming vastleggen" });
    await form.getByLabel("Waarvoor").selectOption("binding_arbitration");
    await form.getByLabel("Beslissing").selectOption("withdrawn");
    await form.getByLabel("Welke ouder / verzorger").selectOption("__other");
    await form.getByLabel("Naam of kenmerk van de ouder / verzorger").fill("Vader");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Er is geen toestemming om in te trekken.");
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole("button", { name: "Formulier sluiten: Toestemming vastleggen", exact: true })
      .click();
  });

  it("hands the case to the case director", async () => {
    await page
      .getByRole("button", { name: "Overdragen aan de casusregisseur", exact: true })
      .click();
    const form = page.getByRole("form", { name: "Overdragen aan de casusregisseur" });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#escalate-reason-error").textContent()).toBe("Geef een reden op.");
    expect(await focusedElementId(page)).toBe("escalate-reason");
    await form
      .getByLabel("Reden")
      .fill("De school verwacht dat het verzuim langer dan 4 weken duurt.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "De casus is overgedragen aan de casusregisseur.",
    );
    await poll(() => page.getByTestId("case-summary").textContent()).toContain("Casusregisseur");
    expect(await page.getByTestId("case-timeline").textContent()).toContain(
      "Overgedragen aan casusregisseur (School (eerste 4 weken) → Casusregisseur)",
    );
    // The school no longer holds the case: no hand-over is offered any more.
    expect(
      await page.getByRole("button", { name: "Overdragen aan de casusregisseur" }).count(),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("answers a case the user may not see like one that does not exist", async () => {
    await page.goto(`${demo.app.url}/casussen/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toContain(
      "Deze casus of leerling bestaat niet, of u heeft er geen toegang toe.",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the case director flag stagnation and convene the breakthrough team", async () => {
    // The file's page, logged in again as the director (logInAs clears the cookies first).
    const director = page;
    await logInAs(director, demo.app.url, "casusregisseur");
    // Any case of the caseload in the CASE_DIRECTOR phase.
    const link = director
      .getByTestId("worklist-caseload")
      .locator("tbody tr", { has: director.locator("td", { hasText: /^Casusregisseur$/ }) })
      .getByRole("link")
      .first();
    await link.waitFor();
    await link.click();
    await director.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    expect(await axeViolations(director)).toEqual([]);

    await director.getByRole("button", { name: "Stagnatie melden", exact: true }).click();
    const stagnation = director.getByRole("form", { name: "Stagnatie melden" });
    await stagnation.getByLabel("Oorzaak van de stagnatie").selectOption("waiting_list_youth_care");
    await stagnation.getByLabel("Toelichting").fill("Wachtlijst jeugdhulp van 10 weken.");
    await stagnation.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => director.getByTestId("case-notice").textContent()).toBe(
      "De stagnatie is gemeld.",
    );
    await poll(() => director.getByTestId("case-stagnation").textContent()).toContain(
      "Wachtlijst jeugdhulp van 10 weken.",
    );

    await director.getByRole("button", { name: "Doorbraakteam bijeenroepen", exact: true }).click();
    const convene = director.getByRole("form", { name: "Doorbraakteam bijeenroepen" });
    await convene.getByLabel("Reden").fill("Stagnatie door de wachtlijst: doorbraak nodig.");
    await convene.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => director.getByTestId("case-notice").textContent()).toBe(
      "Het doorbraakteam is bijeengeroepen.",
    );
    await poll(() => director.getByTestId("case-summary").textContent()).toContain("Doorbraakteam");
    expect(await axeViolations(director)).toEqual([]);
  });
});

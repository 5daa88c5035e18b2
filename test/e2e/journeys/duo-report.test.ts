// Journey (issue 11 deliverable 2, issue 15 deliverable 2): one verzuimmelding from due to
// closed across accounts (domain.md §4 reporting duty). The zorgcoördinator finds the concept on
// the school's worklist, completes the legally required fields and marks it reported to DUO with
// the date and DUO's reference → leerplicht finds it on its worklist as registered, takes it in
// behandeling and closes it with the closing reason → the school sees it closed. After each step
// the next role's screens are checked: a hand-off that reaches nobody fails here.
//
// The report: a concept of the demo's first school (the zorgcoordinator's and schooldirectie's)
// that the leerplicht account also sees (a pupil living in its municipality), read through the
// API before the browser starts; nothing is written outside the screens.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "../support/api-session.ts";
import { axeViolations, openPage } from "../support/browser.ts";
import { demoAppAndBrowser } from "../support/demo-browser.ts";
import { journeyHooks, poll, switchAccount } from "../support/journey.ts";

interface Report {
  report_id: string;
  status: string;
  pupil_name: string;
}

const REFERENCE = "VZ-2026-004217";

describe("journey: a verzuimmelding from due to closed", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let report: Report;

  beforeAll(async () => {
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const lpa = await apiSession(demo.app.url, "leerplicht");
    const seenByLpa = new Set(
      ((await lpa.call("GET", "/api/duo-reports")).body as Report[]).map((r) => r.report_id),
    );
    const concepts = ((await school.call("GET", "/api/duo-reports")).body as Report[]).filter(
      (r) => r.status === "concept" && seenByLpa.has(r.report_id),
    );
    if (!concepts[0]) throw new Error("the demo has no concept report both sides see");
    report = concepts[0];
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 600_000);

  journeyHooks("duo", () => page);

  const reportHref = () => `/verzuimmeldingen/${encodeURIComponent(report.report_id)}`;

  /** Whether a (paged) table links to the report: looks through its pages. */
  async function tableLinksReport(table: Locator): Promise<boolean> {
    await table.waitFor();
    for (let pageNo = 0; pageNo < 100; pageNo++) {
      if ((await table.locator(`a[href="${reportHref()}"]`).count()) > 0) return true;
      const next = table.getByRole("button", { name: "Volgende", exact: true });
      if ((await next.count()) === 0 || (await next.isDisabled())) return false;
      await next.click();
    }
    return false;
  }

  /**
   * The worklist section of a table on the start page: the one just logged in to (read afresh:
   * logging in clears the app's cache), else loaded anew after a step on another screen.
   */
  async function onWorklist(testId: string): Promise<boolean> {
    if (new URL(page.url()).pathname !== "/") await page.goto(`${demo.app.url}/`);
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    const table = page.getByTestId(testId);
    await table.waitFor();
    return tableLinksReport(table);
  }

  /** The report's page: through its link on the list shown, else by its address. */
  async function openReport() {
    const link = page.locator(`main a[href="${reportHref()}"]`).first();
    if (await link.count()) await link.click();
    else await page.goto(`${demo.app.url}${reportHref()}`);
    await page.getByRole("heading", { level: 1, name: /^Verzuimmelding / }).waitFor();
    await page.getByTestId("duo-facts").waitFor();
  }

  const facts = () => page.getByTestId("duo-facts").textContent();
  const notice = () => page.getByTestId("duo-notice").textContent();

  it("before: the school's worklists show the concept to report", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator");
    expect(await onWorklist("worklist-school-duo"), "on the coordinator's worklist").toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Overdue or due, the school head sees it too (domain.md §4: a signal to the school head).
    await switchAccount(page, demo.app.url, "schooldirectie");
    expect(await onWorklist("worklist-school-duo"), "on the school head's worklist").toBe(true);
  });

  it("zorgcoördinator: completes the required fields and marks it reported to DUO", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", "/verzuimmeldingen");
    await page.getByRole("heading", { level: 1, name: "Verzuimmeldingen" }).waitFor();
    expect(await tableLinksReport(page.getByTestId("duo-reports"))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await openReport();
    expect(await facts()).toContain("Klaar om te melden");
    // Not yet: the required fields come first.
    await poll(() => page.getByTestId("duo-missing").textContent()).toContain(
      "Vul eerst de verplichte velden in",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Verplichte velden invullen" }).click();
    // Prefilled from the user: name and e-mail of the reporter.
    expect(await page.getByLabel("E-mail melder").inputValue()).toContain("zorgcoordinator@");
    await page.getByLabel("E-mail melder").fill("geen-adres");
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.locator("form").textContent()).toContain("Vul een geldig e-mailadres in");
    await page.getByLabel("E-mail melder").fill("zorg@school.example");
    await page
      .getByLabel("Vermoedelijke reden van het verzuim")
      .fill("Ongeoorloofd, ouders onbereikbaar.");
    await page
      .getByLabel("Wat de school al heeft gedaan")
      .fill("Mentor belde twee keer; brief gestuurd.");
    await page
      .getByLabel("Actie van de gemeente gewenst")
      .selectOption({ label: "Ja, actie van de gemeente gewenst" });
    await page.getByLabel("Functie melder").fill("zorgcoördinator");
    await page.getByLabel("Telefoon melder").fill("030-1234567");
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toContain("De velden van de melding zijn opgeslagen.");
    await poll(() => page.getByTestId("duo-fields").textContent()).toContain("030-1234567");

    await page.getByRole("button", { name: "Gemeld bij DUO" }).click();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.locator("form").textContent()).toContain("Vul het kenmerk van DUO in.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Kenmerk van DUO").fill(REFERENCE);
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toContain("De melding staat als geregistreerd bij DUO.");
    await poll(facts).toContain(REFERENCE);
    expect(await facts()).toContain("Geregistreerd bij DUO");
    // Withdrawing stays possible for the school; leerplicht's steps are not offered here.
    expect(await page.getByRole("button", { name: "Melding intrekken" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "In behandeling nemen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Reported: off the school's list of what is still to report.
    expect(await onWorklist("worklist-school-duo")).toBe(false);
  });

  it("leerplicht: finds it registered on its worklist, takes it up and closes it", async () => {
    await switchAccount(page, demo.app.url, "leerplicht");
    expect(await onWorklist("worklist-duo"), "on leerplicht's worklist").toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`a[href="${reportHref()}"]`).click();
    await page.getByRole("heading", { level: 1, name: /^Verzuimmelding / }).waitFor();
    await poll(facts).toContain(REFERENCE);
    expect(await facts()).toContain("Geregistreerd bij DUO");
    // The school's own steps are not leerplicht's.
    expect(await page.getByRole("button", { name: "Melding intrekken" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Verplichte velden invullen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "In behandeling nemen" }).click();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toContain("De melding is in behandeling.");
    await poll(facts).toContain("In behandeling");

    await page.getByRole("button", { name: "Melding afsluiten" }).click();
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.locator("form").textContent()).toContain(
      "Kies de reden waarom de melding wordt afgesloten.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Reden van afsluiten").selectOption({ label: "Terug naar school" });
    await page.getByLabel("Toelichting").fill("Weer volledig op school sinds maandag.");
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toContain("De melding is afgesloten.");
    await poll(facts).toContain("Terug naar school");
    expect(await page.getByTestId("duo-history").textContent()).toContain("In behandeling");
    expect(await page.getByText("U kunt op deze melding nu niets wijzigen.").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Closed: off leerplicht's worklist.
    expect(await onWorklist("worklist-duo")).toBe(false);
  });

  it("school: sees the report closed with leerplicht's reason", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", "/verzuimmeldingen");
    await page.getByRole("heading", { level: 1, name: "Verzuimmeldingen" }).waitFor();
    // Among the open ones no more; among all of them, closed.
    await page.getByTestId("duo-reports").waitFor();
    expect(await tableLinksReport(page.getByTestId("duo-reports"))).toBe(false);
    await page.getByLabel("Tonen").selectOption({ label: "Alle meldingen" });
    const row = page.getByTestId("duo-reports").locator("tr", {
      has: page.locator(`a[href="${reportHref()}"]`),
    });
    await poll(() => row.textContent()).toContain("Afgesloten");
    expect(await row.textContent()).toContain(REFERENCE);
    expect(await axeViolations(page)).toEqual([]);
    await openReport();
    expect(await facts()).toContain("Terug naar school");
    expect(await facts()).toContain("Weer volledig op school sinds maandag.");
    expect(await axeViolations(page)).toEqual([]);
    // The export for regions that key reports in by hand still carries it, with its status.
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    // The list page's own download link, fetched with the page's session.
    await page.getByRole("link", { name: "Verzuimmeldingen", exact: true }).first().click();
    const href = await page
      .getByRole("link", { name: /^Alle meldingen met de verplichte velden downloaden/ })
      .getAttribute("href");
    const text = await page.evaluate(async (path) => (await fetch(path ?? "")).text(), href);
    const line = text.split("\n").find((l) => l.includes(report.report_id)) ?? "";
    expect(line).toContain("afgesloten");
    expect(line).toContain("terug_naar_school");
    const json = (await school.call("GET", "/api/duo-reports/export")).body as {
      report_id: string;
      duo_reference: string | null;
    }[];
    expect(json.find((r) => r.report_id === report.report_id)?.duo_reference).toBe(REFERENCE);
  });
});

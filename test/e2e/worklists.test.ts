// The worklists of issue 5 in a real browser on a fresh demo database: the care coordinator's
// new signals (with why they fired, in Dutch), cases and deadlines; leerplicht's DUO reports,
// absolute absence and signals; the case director's caseload with the urgent cases first.
// Tables sort and export; axe finds nothing on any page.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openPage } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("worklists", () => {
  const demo = demoAppAndBrowser();
  /**
   * One page for the file: the login page first, then each account in turn (logInAs clears the
   * context's cookies and logs in anew), rather than a context of its own per account.
   */
  let page: Page;

  async function as(account: string): Promise<Page> {
    await logInAs(page, demo.app.url, account);
    return page;
  }

  beforeAll(async () => {
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it("tells the demo accounts on the login page of a demo database, axe-clean", async () => {
    const hint = page.getByText("zorgcoordinator@demo.aanwezig.nl", { exact: false });
    await hint.waitFor();
    expect(await hint.textContent()).toContain("demo-wachtwoord");
    // No identity provider is configured here, so none is offered.
    expect(await page.getByText("Inloggen via uw organisatie").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  describe("care coordinator", () => {
    beforeAll(async () => {
      await as("zorgcoordinator");
    }, 120_000);

    it("says on every page that the demo is frozen at its date", async () => {
      const banner = page.getByTestId("demo-banner");
      expect(await banner.textContent()).toMatch(
        /^Demo-omgeving: de datum staat vast op \d{2}-\d{2}-\d{4}\./,
      );
      const [year, month, day] = demo.app.asOf.split("-");
      expect(await banner.textContent()).toContain(`${day}-${month}-${year}`);
    });

    it("lists the school's new signals with why they fired", async () => {
      const signals = page.getByTestId("worklist-new-signals");
      await signals.locator("tbody tr").first().waitFor();
      const first = signals.locator("tbody tr").first();
      // The pupil by name with the number, never a bare P-number (issue 11 item 3).
      expect(await first.locator("th").first().textContent()).toMatch(/^[^()]+ \(P\d{6}\)$/);
      // One plain Dutch sentence per signal, and the figures behind a disclosure.
      expect(await first.locator("td").nth(1).textContent()).toMatch(
        /(afwezig|ziek|te laat|Leerplichtig|Vrijstelling)/,
      );
      await first.getByText("Details").click();
      expect(await first.locator("dl dt").count()).toBeGreaterThan(0);
      expect(await first.getByRole("link", { name: /^Casus openen voor/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("shows the cases with the weekly review and the deadlines", async () => {
      const cases = page.getByTestId("worklist-my-cases");
      await cases.locator("tbody tr").first().waitFor();
      expect(await cases.getByRole("columnheader", { name: /Wekelijkse bespreking/ }).count()).toBe(
        1,
      );
      const deadlines = page.getByTestId("worklist-deadlines");
      await deadlines.waitFor();
      expect(await deadlines.textContent()).toMatch(
        /Te laat|Open|In gevaar|Er zijn geen termijnen/,
      );
      expect(await axeViolations(page)).toEqual([]);
    });

    it("sorts a table by a column and tells assistive technology", async () => {
      const table = page.getByTestId("worklist-new-signals");
      const header = table.getByRole("columnheader", { name: /Signaal/ });
      expect(await header.getAttribute("aria-sort")).toBe("none");
      await header.getByRole("button").click();
      await poll(() => header.getAttribute("aria-sort")).toBe("ascending");
      const names = await table.locator("tbody tr td:nth-child(2)").allTextContents();
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "nl-NL")));
      await header.getByRole("button").click();
      await poll(() => header.getAttribute("aria-sort")).toBe("descending");
    });

    it("exports a table as CSV and as Excel", async () => {
      const table = page.getByTestId("worklist-new-signals");
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        table.getByRole("button", { name: "Download als CSV" }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(
        `aanwezig-nieuwe-signalen-van-uw-school-${demo.app.asOf}.csv`,
      );
      const text = await readFile(await csv.path(), "utf8");
      expect(text.startsWith("\uFEFFLeerling;Signaal;Waarom;Eerste keer op;Actie\r\n")).toBe(true);
      // Every row, not only the page shown: as many as the heading counts (issue 11).
      const rows = Number(
        /\((\d+)\)$/.exec((await page.locator("#worklist-signals").textContent()) ?? "")?.[1],
      );
      expect(text.trimEnd().split("\r\n")).toHaveLength(rows + 1);

      const [xlsx] = await Promise.all([
        page.waitForEvent("download"),
        table.getByRole("button", { name: "Download als Excel" }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(
        `aanwezig-nieuwe-signalen-van-uw-school-${demo.app.asOf}.xlsx`,
      );
      // An XLSX file is a ZIP archive.
      const bytes = await readFile(await xlsx.path());
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    });

    it("filters the signals page by kind and date", async () => {
      await page.getByRole("link", { name: "Signalen", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Signalen" }).waitFor();
      const table = page.getByTestId("signals-table");
      await table.waitFor();
      await page.getByLabel("Soort signaal").selectOption("SICK_FREQUENT");
      await page.getByRole("button", { name: "Toon signalen" }).click();
      await poll(async () => page.url()).toContain("soort=SICK_FREQUENT");
      const kinds = async () => [
        ...new Set(await table.locator("tbody tr td:nth-child(3)").allTextContents()),
      ];
      await poll(kinds).toEqual(["Vaak kort ziek"]);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("lists the cases, most urgent first, and opens a case by hand with checks", async () => {
      await page.getByRole("link", { name: "Casussen", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
      await page.getByTestId("cases-table").waitFor();
      // Pupil and school by name with number and BRIN code (issue 11 item 3).
      const firstCase = page.getByTestId("cases-table").locator("tbody tr").first();
      expect(await firstCase.locator("th").first().textContent()).toMatch(/^[^()]+ \(P\d{6}\)$/);
      expect(await firstCase.locator("td").first().textContent()).toMatch(
        /^[^()]+ \(\d{2}[A-Z]{2}\d{2}\)$/,
      );
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Casus met de hand openen" }).click();
      await page.getByRole("heading", { level: 1, name: "Casus openen" }).waitFor();
      await page.getByRole("button", { name: "Casus openen" }).click();
      expect(await page.locator("#open-case-pupilId-error").textContent()).toBe(
        "Vul het leerlingnummer in.",
      );
      expect(await page.locator("#open-case-absenceStart-error").textContent()).toBe(
        "Vul de eerste verzuimdag in.",
      );
      expect(await page.locator("#open-case-reason-error").textContent()).toBe(
        "Geef aan waarom u de casus opent.",
      );
      expect(await axeViolations(page)).toEqual([]);

      // The pupil is found by name or number, not typed (issue 11 item 3): choosing a result
      // fills in the number.
      const search = page.getByLabel("Zoek de leerling");
      await search.fill("P0");
      await search.press("Enter");
      const found = page.getByTestId("open-case-search-results");
      await found.waitFor();
      const choice = found.getByRole("button").first();
      const choiceLabel = (await choice.textContent()) ?? "";
      expect(choiceLabel).toMatch(/^Kies [^()]+ \(P\d{6}\)$/);
      await choice.click();
      const chosenId = /\((P\d{6})\)$/.exec(choiceLabel)?.[1];
      expect(await page.getByLabel("Leerlingnummer").inputValue()).toBe(chosenId);
      expect(await page.locator('p[role="status"]').first().textContent()).toBe(
        `Gekozen: ${choiceLabel.slice("Kies ".length)}.`,
      );
      expect(await axeViolations(page)).toEqual([]);

      // A pupil of another school: the server answers as if it does not exist.
      await page.getByLabel("Leerlingnummer").fill("P999999");
      await page.getByLabel("Eerste verzuimdag").fill(demo.app.asOf);
      await page.getByLabel("Reden").fill("Zorgen van de mentor over het verzuim.");
      await page.getByRole("button", { name: "Casus openen" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        "Deze casus of leerling bestaat niet, of u heeft er geen toegang toe.",
      );
    });
    it("marks a new signal known with a reason", async () => {
      await page.getByRole("link", { name: "Overzicht", exact: true }).click();
      const signals = page.getByTestId("worklist-new-signals");
      const row = signals.locator("tbody tr").last();
      await row.waitFor();
      const count = async () =>
        Number(
          /\((\d+)\)$/.exec((await page.locator("#worklist-signals").textContent()) ?? "")?.[1],
        );
      const before = await count();
      const pupil = (await row.locator("th").textContent()) ?? "";
      const kind = (await row.locator("td").first().textContent()) ?? "";
      await row.getByText("Markeer als bekend", { exact: true }).first().click();
      const form = row.getByRole("form", { name: /^Markeer het signaal/ });
      await form.getByRole("button", { name: "Markeer als bekend" }).click();
      expect(await form.getByRole("textbox").getAttribute("aria-invalid")).toBe("true");
      expect(await form.textContent()).toContain(
        "Geef aan waarom het signaal bekend of verklaard is.",
      );
      expect(await axeViolations(page)).toEqual([]);
      await form.getByRole("textbox").fill("Bekend: de leerling volgt een revalidatietraject.");
      await form.getByRole("button", { name: "Markeer als bekend" }).click();
      // Handled, it leaves the new signals and shows as handled on the signals page.
      await poll(count).toBe(before - 1);
      await page.getByRole("link", { name: "Signalen", exact: true }).click();
      const handled = page
        .getByTestId("signals-table")
        .locator("tbody tr", { hasText: pupil })
        .filter({ hasText: kind });
      await poll(() => handled.first().textContent()).toContain("Behandeld");
    });
  });

  describe("leerplicht", () => {
    beforeAll(async () => {
      await as("leerplicht");
    }, 120_000);

    it("shows DUO reports, absolute absence and the signals leerplicht may see", async () => {
      for (const heading of [
        "Verzuimmeldingen bij DUO",
        "Absoluut verzuim",
        "Signalen die u mag zien",
      ]) {
        await page.getByRole("heading", { level: 2, name: heading }).waitFor();
      }
      const duo = page.locator("section", { has: page.locator("#worklist-duo") });
      await poll(() => duo.textContent()).toMatch(
        /(Verzuimmeldingen bij DUO \(\d+ rij|Er zijn geen verzuimmeldingen|nog niet beschikbaar)/,
      );
      const absolute = page.getByTestId("worklist-absolute");
      await absolute.waitFor();
      expect(await absolute.textContent()).toMatch(/Absoluut verzuim|Er is geen absoluut verzuim/);
      await page.getByTestId("worklist-other-signals").waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  describe("case director", () => {
    beforeAll(async () => {
      await as("casusregisseur");
    }, 120_000);

    it("shows the caseload with overdue and 3-month risk first", async () => {
      const caseload = page.getByTestId("worklist-caseload");
      await caseload.locator("tbody tr").first().waitFor();
      const rows = caseload.locator("tbody tr");
      const urgent = await rows.evaluateAll((trs) =>
        trs.map(
          (tr) => tr.querySelector(".aanwezig-status--danger, .aanwezig-status--warning") !== null,
        ),
      );
      // Once a row without an overdue or at-risk mark comes, no marked row follows.
      const firstCalm = urgent.indexOf(false);
      if (firstCalm >= 0) expect(urgent.slice(firstCalm).every((u) => !u)).toBe(true);
      expect(await caseload.getByRole("columnheader", { name: /Klok/ }).count()).toBe(1);
      // The clock in the spec's one word (domain.md §5: it counts absence weeks), as the intro says.
      await page.getByText(/^Per casus de klok in verzuimweken/).waitFor();
      const rowTexts = await rows.allTextContents();
      expect(
        rowTexts.every((text) => /verzuimweek \d+/.test(text)),
        rowTexts.join("\n"),
      ).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

// The reference index (Verwijsindex risicojongeren, issue 15 item 7) in a real browser on a fresh
// demo database: the case director reads the demo's report in the case file, records a new one
// with the form, and downloads the fields the index needs as CSV; the school's care coordinator
// does not see the section. axe finds nothing on the page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

describe("the Verwijsindex in the case file", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    // The demo's case whose director recorded a report to the index.
    const director = await apiSession(demo.app.url, "casusregisseur");
    const cases = (await director.call("GET", "/api/cases")).body as { id: string }[];
    for (const c of cases) {
      const answer = await director.call("GET", `/api/cases/${c.id}/verwijsindex`);
      if (answer.status === 200 && answer.body.reports.length > 0) {
        caseId = c.id;
        break;
      }
    }
    if (!caseId) throw new Error("the demo has no report to the Verwijsindex");
    // One page for the file, logged in as each account in turn (logInAs clears the cookies).
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const section = (p: Page) => p.getByRole("region", { name: "Verwijsindex risicojongeren" });

  it("shows the case director the reports, records one and exports the CSV", async () => {
    await logInAs(page, demo.app.url, "casusregisseur", { path: `/casussen/${caseId}` });
    const table = section(page).getByRole("table");
    await table.waitFor();
    expect(await table.textContent()).toContain("Demo Casusregisseur");
    expect(await axeViolations(page)).toEqual([]);

    await section(page).getByRole("button", { name: "Melding vastleggen" }).click();
    const form = section(page).getByRole("form", { name: "Melding vastleggen" });
    await form.waitFor();
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await form.getByText("Vul in wie de melding deed.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Gemeld door").fill("J. de Vries, casusregisseur (e2e)");
    await form.getByLabel("Organisatie").fill("Casusregie onderwijs en zorg (e2e)");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await expect
      .poll(() => section(page).getByRole("status").last().textContent(), { timeout: 30_000 })
      .toBe("De melding bij de Verwijsindex is vastgelegd.");
    await expect.poll(() => table.textContent()).toContain("J. de Vries, casusregisseur (e2e)");

    const link = section(page).getByRole("link", { name: /downloaden \(CSV\)/ });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toBe(`/api/cases/${caseId}/verwijsindex.csv`);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toContain("datum_melding");
    expect(rows).toHaveLength(2);
    expect(csv).toContain("Casusregie onderwijs en zorg (e2e)");
  });

  it("does not show the section to the school's care coordinator", async () => {
    const school = page;
    const answered = school.waitForResponse((r) => r.url().endsWith("/verwijsindex"));
    await logInAs(school, demo.app.url, "zorgcoordinator", { path: `/casussen/${caseId}` });
    expect([403, 404]).toContain((await answered).status());
    await school.getByRole("heading", { level: 1 }).waitFor();
    expect(await section(school).count()).toBe(0);
  });
});

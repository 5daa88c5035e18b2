// The privacy officer's log of data subjects' requests (/verzoeken; issue 18 part 2), in the
// browser on the demo: the navigation opens it; an access request is registered for a demo pupil,
// its export downloads as a ZIP from the request and the download is a step of its handling; the
// request is closed with its outcome; an erasure request for an enrolled pupil shows why the law
// keeps the data and offers no way to erase. axe finds nothing on the page, empty or in use.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { openPageAs } from "./support/login.ts";

const PUPIL = "P000001";

describe("requests of data subjects (privacy officer)", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "privacy");
  }, 600_000);

  async function register(kind: string, requester: string): Promise<void> {
    await page.getByLabel("Soort verzoek").selectOption({ label: kind });
    await page.getByLabel("Ingediend door").selectOption({ label: requester });
    await page.getByLabel("Leerlingnummer").fill(PUPIL);
    await page.getByRole("button", { name: "Verzoek registreren" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Verzoek \d+ is geregistreerd/ })
      .waitFor();
  }

  it("opens from the navigation, empty, and axe finds nothing", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "AVG-verzoeken" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Verzoeken van betrokkenen (AVG)" })
      .waitFor();
    await page.getByText("Er zijn nog geen verzoeken geregistreerd.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("registers an access request, downloads the export from it, and closes it", async () => {
    await register("Inzage (art. 15)", "Ouder of verzorger");
    const detail = page.getByRole("region", { name: /^Verzoek \d+$/ });
    await detail.waitFor();
    expect(await detail.textContent()).toContain(PUPIL);
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      detail.getByRole("link", { name: "Inzage-export downloaden (ZIP)" }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(new RegExp(`^aanwezig-inzage-${PUPIL}-.*\\.zip$`));
    const bytes = await readFile((await zip.path()) ?? "");
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const steps = detail.getByRole("list", { name: "Afhandeling" });
    await steps.getByText("Inzage-export gemaakt").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await detail.getByLabel("Uitkomst").selectOption({ label: "Afgehandeld (toegekend)" });
    await detail
      .getByLabel("Wat is de betrokkene geantwoord?")
      .fill("Export per beveiligde e-mail aan de ouders gestuurd.");
    await detail.getByRole("button", { name: "Verzoek afhandelen" }).click();
    await steps.getByText("Afgehandeld", { exact: true }).waitFor();
    const table = page.getByTestId("subject-requests");
    await table.getByRole("cell", { name: "afgehandeld" }).waitFor();
  });

  it("shows why an enrolled pupil's data cannot be erased, without an erase button", async () => {
    await register("Wissen (art. 17)", "De leerling zelf");
    const detail = page.getByRole("region", { name: /^Verzoek \d+$/ });
    await detail.getByRole("heading", { name: "Wissen kan nu niet" }).waitFor();
    expect(await detail.textContent()).toMatch(/AVG art\. 17 lid 3 sub b/);
    expect(await detail.getByRole("button", { name: "Gegevens definitief wissen" }).count()).toBe(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("filters the audit trail by user, shows why, and downloads it as CSV (NEN 7513)", async () => {
    await page.goto(`${demo.app.url}/logboek`);
    await page.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
    await page.getByLabel("Gebruiker (e-mailadres, optioneel)").fill("privacy@demo.aanwezig.nl");
    await page.getByRole("button", { name: "Toon logboek" }).click();
    const table = page.getByRole("table", { name: /^Logboek van gebruiker/ });
    await table.waitFor();
    expect(await table.getByRole("columnheader", { name: "Doel" }).count()).toBe(1);
    expect(await table.textContent()).toContain("Rechten van betrokkenen");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Logboek met deze filters downloaden/ }).click(),
    ]);
    const text = await readFile((await csv.path()) ?? "", "utf8");
    expect(text.split(/\r?\n/)[0]).toContain("doel");
    expect(text).toContain("register_subject_request");
    expect(await axeViolations(page)).toEqual([]);
  });
});

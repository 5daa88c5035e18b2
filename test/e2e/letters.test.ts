// Letters from templates in a real browser on a fresh demo database (issue 16): the care
// coordinator opens "Brief maken" on a case of their school, chooses a letter, looks at the
// preview filled from the case (the fields still to fill in marked), fills them in and produces
// the PDF, which appears among the case's documents; the application administrator edits a
// template on /beheer/brieven, sees the refusal of an unknown field naming it, and a preview.
// axe finds nothing on either screen.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("letters from templates", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseId = "";

  beforeAll(async () => {
    const coordinator = await apiSession(demo.app.url, "zorgcoordinator");
    const cases = (await coordinator.call("GET", "/api/cases")).body as { id: string }[];
    for (const c of cases) {
      const detail = (await coordinator.call("GET", `/api/cases/${c.id}`)).body;
      if (detail.allowed_actions.includes("letters")) {
        caseId = c.id;
        break;
      }
    }
    if (!caseId) throw new Error("the demo has no case the coordinator may write a letter for");
    // One page for the file, logged in as each account in turn (logInAs clears the cookies).
    page = await newBlankPage(demo.browser);
  }, 600_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await page.screenshot({ path: `/tmp/letters-${context.task.name.slice(0, 20)}.png` });
    }
  });

  it("previews and produces a letter from the case file", async () => {
    await logInAs(page, demo.app.url, "zorgcoordinator", { path: `/casussen/${caseId}` });
    await page.getByRole("button", { name: "Brief maken", exact: true }).click();
    const form = page.getByRole("form", { name: "Brief maken" });
    await form.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    expect(await page.locator("#letter-template-error").textContent()).toBe(
      "Kies eerst welke brief u wilt maken.",
    );
    await form.getByLabel("Soort brief").selectOption("uitnodiging_gesprek_school");
    expect(await form.textContent()).toContain("De ouders zien deze brief in hun overzicht.");
    await form.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    const preview = page.getByTestId("letter-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Uitnodiging voor een gesprek op school over");
    expect(await preview.textContent()).toContain("[Datum (van het gesprek of overleg)]");
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Datum (van het gesprek of overleg)").fill("14 maart 2026");
    await form.getByLabel("Tijd").fill("9.30 uur");
    await form.getByLabel("Plaats").fill("Kamer van de zorgcoördinator");
    await form.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    await poll(() => preview.textContent()).toContain(
      "Het gesprek is op 14 maart 2026 om 9.30 uur.",
    );
    await form.getByRole("button", { name: "Brief maken (PDF)" }).click();
    await poll(() => page.getByTestId("case-notice").first().textContent()).toContain(
      'De brief "Uitnodiging gesprek school" is gemaakt',
    );
    await poll(() => page.locator('[data-section="documents"]').textContent()).toContain(
      "Uitnodiging gesprek school",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the administrator edit a template, refusing an unknown field by name", async () => {
    const admin = page;
    await logInAs(admin, demo.app.url, "beheer", { path: "/beheer/brieven" });
    await admin.getByRole("heading", { level: 1, name: "Beheer: Briefsjablonen" }).waitFor();
    await admin.getByLabel("Sjabloon").selectOption("waarschuwing");
    await admin.getByRole("heading", { level: 2, name: "Waarschuwing leerplicht" }).waitFor();
    expect(await admin.locator(".aanwezig-letter-fields").textContent()).toContain(
      "{{leerling.naam}}",
    );
    expect(await axeViolations(admin)).toEqual([]);

    const body = admin.getByLabel("Tekst van de brief");
    await body.fill("Beste {{ouder.naam}},\n\nOver {{leerling.bsn}}.");
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await poll(() => admin.getByRole("alert").first().textContent()).toContain(
      'Het veld "leerling.bsn" bestaat niet.',
    );
    await body.fill("Beste {{ouder.naam}},\n\n{{leerling.voornaam}} moet naar school.");
    await admin.getByRole("button", { name: "Voorbeeld met voorbeeldgegevens" }).click();
    await poll(() => admin.getByTestId("template-preview").textContent()).toContain(
      "Sam moet naar school.",
    );
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await poll(() => admin.locator('p[role="status"]').first().textContent()).toBe(
      "De sjabloon is opgeslagen.",
    );
    expect(await axeViolations(admin)).toEqual([]);
  });
});

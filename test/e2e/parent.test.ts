// The parent view in a real browser on a fresh demo database: the demo parent sees, in plain
// words, their child's case with the plan; gives and then withdraws consent (a) (the server
// records both); the page has no horizontal scroll on a 390 px phone; axe finds nothing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations, launchBrowser } from "./support/browser.ts";
import { type DemoApp, logInAs, startDemoApp } from "./support/demo-app.ts";

const CONSENT_A = "(a) Geoorloofd verzuim delen met leerplicht / leerrecht";

describe("parent view", () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let childId: string;
  let actionText = "";

  beforeAll(async () => {
    app = await startDemoApp();
    browser = await launchBrowser();
    const parent = await apiSession(app.url, "ouder");
    childId = parent.me.scopes.pupil_ids[0] as string;
    const cases = (await parent.call("GET", "/api/cases")).body as {
      id: string;
      pupil_id: string;
      phase: string;
    }[];
    const open = cases.find((c) => c.pupil_id === childId && c.phase !== "CLOSED");
    if (!open) throw new Error("the demo parent's child has no open case");
    caseId = open.id;
    const detail = (await parent.call("GET", `/api/cases/${caseId}`)).body;
    const action = detail.plan.actions.find((a: { status: string }) => a.status === "open");
    actionText = action?.description ?? "";
    const context = await browser.newContext({
      locale: "nl-NL",
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await logInAs(page, app.url, "ouder");
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("starts on a page that names the child's case and its phase, without placeholder text", async () => {
    await page.getByRole("heading", { level: 2, name: "Uw kind" }).waitFor();
    const section = page.locator('section[data-role-group="parent"]');
    await section.getByRole("listitem").first().waitFor();
    const text = (await section.textContent()) ?? "";
    // The demo's breakthrough case, in the words the parent page uses for its phase.
    expect(text).toMatch(/: Een doorbraakteam .* \(gestart op \d{2}-\d{2}-\d{4}\)/);
    expect(text).not.toMatch(/Hier komen|straks/);
    await section.getByRole("link", { name: "Bekijk wat er rond uw kind gebeurt" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows what is happening around the child in plain words, with the plan", async () => {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Mijn kind" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Mijn kind" }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Het plan" }).waitFor();
    expect(await page.getByRole("heading", { level: 3, name: "Waar staan we nu?" }).count()).toBe(
      1,
    );
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toMatch(/niet \(volledig\) naar school geweest/);
    expect(text).toMatch(/uiterlijk \d{2}-\d{2}-\d{4} weer onderwijs en\/of zorg/);
    if (actionText) expect(text).toContain(actionText);
    expect(text).toContain("Het volgende overleg");
    expect(text).not.toContain("Frictiebudget");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("fits a 390 px phone without horizontal scrolling", async () => {
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("lets the parent give and then withdraw consent (a), which the server records", async () => {
    const card = page.locator('[data-purpose="share_authorized_absence_with_leerplicht"]');
    const give = card.getByRole("button", { name: `Toestemming geven voor ${CONSENT_A}` });
    if (await give.count()) {
      await give.click();
      await card.getByText("Nu: gegeven.").waitFor();
    }
    await card.getByRole("button", { name: `Toestemming intrekken voor ${CONSENT_A}` }).click();
    await card.getByText(/Weet u zeker dat u uw toestemming/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole("button", { name: "Ja, trek mijn toestemming in" }).click();
    await card.getByText("Nu: ingetrokken.").waitFor();
    expect(
      await page.getByRole("status").filter({ hasText: "Uw keuze is vastgelegd." }).count(),
    ).toBe(1);

    const parent = await apiSession(app.url, "ouder");
    const detail = (await parent.call("GET", `/api/cases/${caseId}`)).body;
    const a = detail.consent.status.find(
      (s: { purpose: string }) => s.purpose === "share_authorized_absence_with_leerplicht",
    );
    expect(["withdrawn", "refused"]).toContain(a.state);
    expect(detail.consent.records.at(-1)).toMatchObject({
      purpose: "share_authorized_absence_with_leerplicht",
      decision: "withdrawn",
      giver: { kind: "parent", person_id: parent.me.user.id },
    });
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("shows the parent no other child: another pupil's page answers as not found", async () => {
    const parent = await apiSession(app.url, "ouder");
    expect((await parent.call("GET", `/api/pupils/${childId}`)).status).toBe(200);
    const other = (await apiSession(app.url, "zorgcoordinator")).call;
    const cases = (await other("GET", "/api/cases")).body as { pupil_id: string }[];
    const stranger = cases.find((c) => c.pupil_id !== childId)?.pupil_id;
    if (stranger) expect((await parent.call("GET", `/api/pupils/${stranger}`)).status).toBe(404);
  });
});

// The parent view in a real browser on a fresh demo database: the demo parent sees, in plain
// words, their child's case with the plan, the contact person by name, the breakthrough team's
// meeting as the next meeting and overdue deadlines as "Te laat"; each consent card says who
// decides (by the child's age, domain.md §5) and what giving and withdrawing mean; giving and
// withdrawing consent (a) take one press each and keep focus (issue 11); the page has no
// horizontal scroll on a 390 px phone; axe finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { logInAs } from "./support/demo-app.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";

const CONSENT_A = "(a) Geoorloofd verzuim delen met leerplicht / leerrecht";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("parent view", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseId: string;
  let childId: string;
  let actionText = "";

  beforeAll(async () => {
    const parent = await apiSession(demo.app.url, "ouder");
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
    const context = await demo.browser.newContext({
      locale: "nl-NL",
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await logInAs(page, demo.app.url, "ouder");
  }, 600_000);

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

  it("names the contact person, the next meeting and overdue deadlines as overdue", async () => {
    // The case owner by name, role and organisation — not an organisation alone.
    const contact = (await page.getByTestId("parent-contact").textContent()) ?? "";
    expect(contact).toMatch(/^Uw vaste contactpersoon is [^,]+, Casusregisseur – \S/);
    // The breakthrough team meets on the demo's case (its agenda has a date after the demo date).
    const meeting = (await page.getByTestId("parent-next-meeting").textContent()) ?? "";
    expect(meeting).not.toContain("Er is nog geen volgend overleg gepland.");
    expect(meeting).toMatch(/^Doorbraakteam .+ op \d{2}-\d{2}-\d{4}\.$/);
    // A deadline that passed says "Te laat", in the danger style beside the words.
    const professional = await apiSession(demo.app.url, "casusregisseur");
    const detail = (await professional.call("GET", `/api/cases/${caseId}`)).body;
    const overdue = detail.deadlines.filter(
      (d: { status: string; code: string }) =>
        d.status === "overdue" && d.code !== "three_month_guarantee",
    );
    expect(overdue.length).toBeGreaterThan(0);
    const deadlines = page.getByTestId("parent-deadlines");
    expect(
      await deadlines.locator(".aanwezig-status--danger", { hasText: "Te laat" }).count(),
    ).toBe(overdue.length);
    expect(await deadlines.textContent()).toContain("had uiterlijk");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says per consent card who decides, by the child's age, and what giving or withdrawing means", async () => {
    const parent = await apiSession(demo.app.url, "ouder");
    const detail = (await parent.call("GET", `/api/cases/${caseId}`)).body;
    const expected: Record<string, RegExp> = {
      parents: /^Wie beslist: u als ouder\. Uw kind is jonger dan 12 jaar\.$/,
      parents_and_child: /^Wie beslist: u én uw kind samen\./,
      child: /^Wie beslist: uw kind zelf\./,
    };
    const cards = page.locator("li[data-purpose]");
    expect(await cards.count()).toBe(detail.consent.status.length);
    for (const [i, row] of (detail.consent.status as { authority: string }[]).entries()) {
      const card = cards.nth(i);
      expect(await card.getByTestId("consent-who-decides").textContent()).toMatch(
        expected[row.authority] ?? /^$/,
      );
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("Als u toestemming geeft:");
      expect(text).toContain("Als u intrekt:");
      expect(text).not.toContain("De ouders beslissen");
    }
    // Consent (b) names what it means for the partner organisation itself.
    const partner = page.locator('li[data-purpose="involve_partner"]').first();
    const subject = detail.consent.status.find(
      (s: { purpose: string }) => s.purpose === "involve_partner",
    )?.subject;
    if (subject) expect(await partner.textContent()).toContain(`de mensen van ${subject}`);
  });

  it("withdraws consent (a) as easily as it gives it: one press each, focus kept", async () => {
    const card = page.locator('[data-purpose="share_authorized_absence_with_leerplicht"]');
    const give = card.getByRole("button", { name: `Toestemming geven voor ${CONSENT_A}` });
    const withdraw = card.getByRole("button", { name: `Toestemming intrekken voor ${CONSENT_A}` });
    const focusedName = () =>
      page.evaluate<string>(
        "document.activeElement === document.body ? '' : (document.activeElement.getAttribute('aria-label') || document.activeElement.tagName)",
      );
    let givePresses = 0;
    let withdrawPresses = 0;
    // The demo's parent refused (a): giving it is one press.
    await give.click();
    givePresses++;
    await card.getByText("Nu: gegeven.").waitFor();
    await poll(() => card.getByRole("status").textContent()).toContain(
      "Uw keuze is vastgelegd. U heeft toestemming gegeven",
    );
    // Focus stayed on the same button, which now offers to withdraw.
    await poll(focusedName).toBe(`Toestemming intrekken voor ${CONSENT_A}`);

    await withdraw.click();
    withdrawPresses++;
    await card.getByText("Nu: ingetrokken.").waitFor();
    await poll(() => card.getByRole("status").textContent()).toContain(
      "U heeft uw toestemming voor (a) Geoorloofd verzuim delen met leerplicht / leerrecht ingetrokken. Dat geldt vanaf vandaag.",
    );
    await poll(focusedName).toBe(`Toestemming geven voor ${CONSENT_A}`);
    expect(withdrawPresses).toBe(givePresses);
    // No confirmation step for either.
    expect(await page.getByText(/Weet u zeker/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const parent = await apiSession(demo.app.url, "ouder");
    const detail = (await parent.call("GET", `/api/cases/${caseId}`)).body;
    const a = detail.consent.status.find(
      (s: { purpose: string }) => s.purpose === "share_authorized_absence_with_leerplicht",
    );
    expect(a.state).toBe("withdrawn");
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
    const parent = await apiSession(demo.app.url, "ouder");
    expect((await parent.call("GET", `/api/pupils/${childId}`)).status).toBe(200);
    const other = (await apiSession(demo.app.url, "zorgcoordinator")).call;
    const cases = (await other("GET", "/api/cases")).body as { pupil_id: string }[];
    const stranger = cases.find((c) => c.pupil_id !== childId)?.pupil_id;
    if (stranger) expect((await parent.call("GET", `/api/pupils/${stranger}`)).status).toBe(404);
  });
});

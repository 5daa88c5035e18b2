// Journey (issue 11): a parent withdraws consent (b) for a partner and gives it again, in the
// parent view /mijn-kind; after each step every participant logs in and we check what they see.
//
// The child: the demo's breakthrough case, the `ouder` account's child (src/demo/case-script.ts
// "breakthrough"): consent (b) is given for the breakthrough team, whose members take part for
// the team; the `doorbraakteam` (breakthrough member) and `jeugdteam` (youth care) accounts take
// part for the team. Withdrawing (b) for the team ends their participation at once (no list
// entry, the file answers "niet gevonden", off the agenda); the school and the case director
// take part by their task and keep the case. Giving (b) again restores the participations the
// withdrawal ended, with an "access_restored" event ("Toegang hersteld") in the case file.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "../support/api-session.ts";
import { axeViolations, openPage } from "../support/browser.ts";
import { demoAppAndBrowser } from "../support/demo-browser.ts";
import {
  caseIdsIn,
  journeyHooks,
  listedCaseIds,
  openCaseFile,
  poll,
  switchAccount,
} from "../support/journey.ts";

/** Partners who take part for the breakthrough team (consent (b) for the team). */
const PARTNERS = ["doorbraakteam", "jeugdteam"];
/** Take part by their task: consent (b) for a partner does not touch them. */
const BY_TASK = ["zorgcoordinator", "casusregisseur"];

describe("journey: consent (b) withdrawn and given again", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseId = "";
  let team = "";

  beforeAll(async () => {
    // Setup only (read, no writes): the parent's child's case and the team's name.
    const parent = await apiSession(demo.app.url, "ouder");
    const child = parent.me.scopes.pupil_ids[0];
    const cases = (await parent.call("GET", "/api/cases")).body as {
      id: string;
      pupil_id: string;
      phase: string;
    }[];
    caseId = cases.find((c) => c.pupil_id === child && c.phase === "BREAKTHROUGH")?.id ?? "";
    if (!caseId) throw new Error("the demo parent's child has no breakthrough case");
    const member = await apiSession(demo.app.url, "doorbraakteam");
    team = `Doorbraakteam ${member.me.scopes.municipalities[0] ?? ""}`;
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 600_000);

  journeyHooks("consent", () => page);

  async function expectAccess(account: string, access: boolean) {
    await switchAccount(page, demo.app.url, account, "/casussen");
    const listed = await listedCaseIds(page, demo.app.url);
    if (access) expect(listed, `${account} lists the case`).toContain(caseId);
    else expect(listed, `${account} lists the case`).not.toContain(caseId);
    expect(await openCaseFile(page, demo.app.url, caseId), `${account} opens the file`).toBe(
      access ? "found" : "not-found",
    );
  }

  /**
   * Whether the case is on the team's agenda, as the `doorbraakteam` account sees it: reached
   * through the main menu right after that account's `expectAccess` (no new log-in, no page load).
   */
  async function expectOnAgenda(on: boolean) {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Doorbraakteam", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Agenda doorbraakteam" }).waitFor();
    const agenda = page.getByTestId("agenda-table");
    await agenda.waitFor();
    if (on) await poll(() => caseIdsIn(agenda)).toContain(caseId);
    else expect(await caseIdsIn(agenda)).not.toContain(caseId);
  }

  /** The parent's consent (b) for the team on /mijn-kind. */
  async function openParentConsent() {
    await switchAccount(page, demo.app.url, "ouder", "/mijn-kind");
    await page.getByRole("heading", { level: 1, name: "Mijn kind" }).waitFor();
    return page.locator('li[data-purpose="involve_partner"]', { hasText: team });
  }

  it("before: every participant sees the case", async () => {
    for (const account of [...PARTNERS, ...BY_TASK]) {
      await expectAccess(account, true);
      if (account === "doorbraakteam") await expectOnAgenda(true);
    }
  });

  it("parent: withdraws consent (b) for the team in /mijn-kind", async () => {
    const row = await openParentConsent();
    await poll(() => row.textContent()).toContain("Nu: gegeven.");
    expect(await axeViolations(page)).toEqual([]);
    // One press, as giving (AVG art. 7(3)): no confirmation step.
    await row.getByRole("button", { name: /^Toestemming intrekken voor / }).click();
    await poll(() => page.locator("main").textContent()).toContain("Uw keuze is vastgelegd.");
    await poll(() => row.textContent()).toContain("Nu: ingetrokken.");
  });

  it("after withdrawal: the team's partners lose the case, the others keep it", async () => {
    for (const account of PARTNERS) {
      await expectAccess(account, false);
      if (account === "doorbraakteam") await expectOnAgenda(false);
    }
    // The last partner's "niet gevonden" page.
    expect(await axeViolations(page)).toEqual([]);
    for (const account of BY_TASK) await expectAccess(account, true);
    // The file says what happened to the team's participations.
    const participants = page.getByTestId("case-participants");
    await poll(() => participants.locator("tr", { hasText: team }).count()).toBeGreaterThan(0);
  });

  it("parent: gives consent (b) for the team again", async () => {
    const row = await openParentConsent();
    await row.getByRole("button", { name: /^Toestemming geven voor / }).click();
    await poll(() => page.locator("main").textContent()).toContain("Uw keuze is vastgelegd.");
    await poll(() => row.textContent()).toContain("Nu: gegeven.");
  });

  it("after consent again: the partners are back, the file shows 'Toegang hersteld'", async () => {
    for (const account of PARTNERS) {
      await expectAccess(account, true);
      await poll(() => page.getByTestId("case-timeline").textContent()).toContain(
        "Toegang hersteld: toestemming opnieuw gegeven",
      );
      const me = page.getByTestId("case-participants").locator("tr", { hasText: "(u)" });
      await poll(() => me.last().textContent()).toContain(team);
      if (account === "doorbraakteam") await expectOnAgenda(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    for (const account of BY_TASK) await expectAccess(account, true);
  });
});

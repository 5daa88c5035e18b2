// Journey (issues 11 and 15): leave requests (domain.md §4, verlof) across roles. The demo
// parent asks for 3 school days of leave in /mijn-kind: leerplicht does not see it, the school
// head finds it under "Te beslissen" on /verlof and grants it, the parent reads the decision
// with the route of objection. Then a request of 15 school days: the school head sees it but
// cannot decide it, leerplicht finds it under "Te beslissen" and refuses it, the parent reads
// the refusal. After each step we check what the next role sees; every page is axe-clean.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openPage } from "../support/browser.ts";
import { demoAppAndBrowser } from "../support/demo-browser.ts";
import { journeyHooks, poll, switchAccount } from "../support/journey.ts";

const SHORT = "Bruiloft van een zus in Friesland (journey)";
const LONG = "Mantelzorg voor een grootouder in het buitenland (journey)";

describe("journey: a leave request from the parent to the decider and back", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 600_000);

  journeyHooks("leave", () => page);

  async function requestAsParent(start: string, end: string, reason: string) {
    await switchAccount(page, demo.app.url, "ouder", "/mijn-kind");
    const section = page.getByTestId("parent-leave").first();
    await section.waitFor();
    await section.getByLabel("Soort verlof").selectOption("important_circumstances");
    await section.getByLabel("Eerste dag").fill(start);
    await section.getByLabel("Laatste dag").fill(end);
    await section.getByLabel("Reden", { exact: true }).fill(reason);
    await section.getByRole("button", { name: "Aanvraag indienen" }).click();
    return section;
  }

  async function leavePage(account: string) {
    await switchAccount(page, demo.app.url, account, "/verlof");
    await page.getByRole("heading", { level: 1, name: "Verlofaanvragen" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Te beslissen/ }).waitFor();
  }

  const toDecide = () => page.locator('section[aria-labelledby="leave-to-decide"]');
  const others = () => page.locator('section[aria-labelledby="leave-others"]');
  const item = (scope: Locator, reason: string) =>
    scope.getByTestId("leave-request").filter({ hasText: reason });

  it("the parent asks for 3 school days of leave: the school head will decide", async () => {
    const section = await requestAsParent("2026-05-18", "2026-05-20", SHORT);
    await poll(() => section.getByRole("status").last().textContent()).toContain(
      "Hierover beslist: de directeur van de school.",
    );
    await poll(() => item(section, SHORT).count()).toBe(1);
    expect(await item(section, SHORT).getByTestId("leave-status").textContent()).toBe(
      "Wacht op besluit",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("leerplicht does not see it (the school head's to decide)", async () => {
    await leavePage("leerplicht");
    expect(await item(page.locator("main"), SHORT).count()).toBe(0);
  });

  it("the school head finds it under 'Te beslissen' and grants it", async () => {
    await leavePage("schooldirectie");
    const mine = item(toDecide(), SHORT);
    await mine.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await mine.getByLabel("Uw besluit").selectOption("approved");
    await mine
      .getByLabel("Motivering")
      .fill("Huwelijk van een bloedverwant: gewichtige omstandigheid.");
    await mine.getByRole("button", { name: "Besluit vastleggen" }).click();
    await poll(() => item(others(), SHORT).count()).toBe(1);
    expect(await item(toDecide(), SHORT).count()).toBe(0);
    expect(await item(others(), SHORT).getByTestId("leave-status").textContent()).toBe("Verleend");
  });

  it("the parent reads the decision with the route of objection", async () => {
    await switchAccount(page, demo.app.url, "ouder", "/mijn-kind");
    const mine = item(page.getByTestId("parent-leave").first(), SHORT);
    await mine.waitFor();
    expect(await mine.getByTestId("leave-status").textContent()).toBe("Verleend");
    const text = (await mine.textContent()) ?? "";
    expect(text).toContain("gewichtige omstandigheid");
    expect(text).toContain("binnen 6 weken");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a request of 15 school days goes to leerplicht, not to the school head", async () => {
    const section = await requestAsParent("2026-06-01", "2026-06-19", LONG);
    await poll(() => section.getByRole("status").last().textContent()).toContain(
      "Hierover beslist: de leerplichtambtenaar.",
    );
    await leavePage("schooldirectie");
    await item(others(), LONG).waitFor();
    expect(await item(toDecide(), LONG).count()).toBe(0);
    expect(
      await item(others(), LONG).getByRole("button", { name: "Besluit vastleggen" }).count(),
    ).toBe(0);
  });

  it("leerplicht finds it under 'Te beslissen' and refuses it; the parent reads the refusal", async () => {
    await leavePage("leerplicht");
    const mine = item(toDecide(), LONG);
    await mine.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await mine.getByLabel("Uw besluit").selectOption("refused");
    await mine.getByLabel("Motivering").fill("Zorg kan ook na schooltijd worden geregeld.");
    await mine.getByRole("button", { name: "Besluit vastleggen" }).click();
    await poll(() => item(others(), LONG).count()).toBe(1);
    await switchAccount(page, demo.app.url, "ouder", "/mijn-kind");
    const parentView = item(page.getByTestId("parent-leave").first(), LONG);
    await parentView.waitFor();
    expect(await parentView.getByTestId("leave-status").textContent()).toBe("Afgewezen");
    expect(await parentView.textContent()).toContain("binnen 6 weken");
  });
});

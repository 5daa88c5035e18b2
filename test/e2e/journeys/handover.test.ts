// Journey (issue 15 item 6, the warm handover PO→VO) across three accounts on a fresh demo
// database: the primary school's care coordinator finds a pupil who moves to secondary school
// after a signal (the demo's notable-sickness observation) and writes the handover; the
// secondary school's care coordinator (zorgcoordinator-vo) sees that it exists but not its
// content while consent is missing; the partnership (swv) sees it open per school, never its
// content. The primary school records the consent of parents and child; the secondary school
// reads it, takes it in and closes it; the partnership then sees it closed. axe on every page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "../support/api-session.ts";
import { axeViolations, openPage } from "../support/browser.ts";
import { demoAppAndBrowser } from "../support/demo-browser.ts";
import { journeyHooks, poll, switchAccount } from "../support/journey.ts";

const WHAT = "Vaak ziek op maandag; thuis veel spanning (journey).";
const HELPED = "Een vaste opvang bij binnenkomst en kort contact met moeder (journey).";

describe("journey: a warm handover from primary to secondary school", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilId: string;
  let pupilName: string;

  beforeAll(async () => {
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const answer = await school.call("GET", "/api/handover-candidates");
    pupilId = answer.body.candidates[0]?.pupil_id;
    pupilName = answer.body.candidates[0]?.pupil_name;
    if (!pupilId) throw new Error("the demo has no pupil for a warm handover");
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 600_000);

  journeyHooks("handover", () => page);

  const card = () => page.getByTestId("handover").filter({ hasText: pupilName });
  const swvHandovers = async () =>
    (await (await apiSession(demo.app.url, "swv")).call("GET", "/api/handovers")).body as {
      handovers: { pupil_id: string; status: string; what_was_going_on: string | null }[];
    };

  it("the sending care coordinator writes the handover for a pupil who qualifies", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", "/overdrachten");
    await page.getByRole("heading", { level: 1, name: "Warme overdracht PO-VO" }).waitFor();
    const candidate = page.getByTestId("handover-candidate").filter({ hasText: pupilName });
    await candidate.waitFor();
    expect(await candidate.textContent()).toContain("Opvallend ziekteverzuim");
    expect(await axeViolations(page)).toEqual([]);

    await candidate.getByRole("button", { name: "Overdracht schrijven" }).click();
    const form = candidate.getByRole("form", { name: "Overdracht schrijven" });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await form.getByText("Beschrijf wat er speelde.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Wat speelde er?").fill(WHAT);
    await form.getByLabel("Wat hielp?").fill(HELPED);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await card().waitFor();
    const text = (await card().textContent()) ?? "";
    expect(text).toContain("Open");
    expect(text).toContain("Nog niet gevraagd");
    expect(text).toContain(WHAT);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the receiving care coordinator sees it exists, without content while consent is missing", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator-vo", "/overdrachten");
    await card().waitFor();
    const text = (await card().textContent()) ?? "";
    expect(text).toContain("geen toestemming");
    expect(text).not.toContain(WHAT);
    expect(await card().getByRole("button", { name: "In ontvangst nemen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the partnership sees it open per school, never its content", async () => {
    await switchAccount(page, demo.app.url, "swv", "/overdrachten");
    await page.getByTestId("handovers-per-school").waitFor();
    expect(await page.locator("main").textContent()).not.toContain(WHAT);
    expect(await page.locator("main").textContent()).not.toContain(pupilName);
    expect(await axeViolations(page)).toEqual([]);
    const mine = (await swvHandovers()).handovers.find((x) => x.pupil_id === pupilId);
    expect(mine).toMatchObject({ status: "open", what_was_going_on: null });
  });

  it("the sending school records the consent of parents and child", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", "/overdrachten");
    for (const giver of ["parents", "child"]) {
      await card().getByRole("button", { name: "Toestemming vastleggen" }).click();
      const form = card().getByRole("form", { name: "Toestemming vastleggen" });
      await form.getByLabel("Wie besliste").selectOption(giver);
      await form.getByRole("button", { name: "Vastleggen" }).click();
      await card()
        .getByRole("status")
        .filter({ hasText: "Het besluit over de toestemming is vastgelegd." })
        .waitFor();
    }
    await poll(async () => (await card().textContent()) ?? "").toContain("Gegeven");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the receiving care coordinator reads it, takes it in and closes it", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator-vo", "/overdrachten");
    await card().getByText(WHAT).waitFor();
    expect(await card().textContent()).toContain(HELPED);
    expect(await axeViolations(page)).toEqual([]);
    await card().getByRole("button", { name: "In ontvangst nemen" }).click();
    await poll(async () => (await card().textContent()) ?? "").toContain("In ontvangst genomen");
    await card().getByRole("button", { name: "Overdracht afsluiten" }).click();
    await poll(async () => (await card().textContent()) ?? "").toContain("Afgesloten");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the partnership then sees it closed", async () => {
    await switchAccount(page, demo.app.url, "swv", "/overdrachten");
    await page
      .getByTestId("handovers-partnership")
      .getByRole("row")
      .filter({ hasText: "Afgesloten" })
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const mine = (await swvHandovers()).handovers.find((x) => x.pupil_id === pupilId);
    expect(mine).toMatchObject({ status: "closed", what_was_going_on: null });
  });
});

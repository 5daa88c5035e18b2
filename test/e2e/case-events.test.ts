// Issue 15 deliverable 1: the contacts and reviews a deadline waits for (domain.md §5), recorded
// in the browser — on the school's worklist (the weekly school review) and in the case file (the
// mentor's contact) — with Dutch validation, the deadlines updated at once, and axe on each page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { poll } from "./support/journey.ts";
import { openPageAs } from "./support/login.ts";

interface Deadline {
  code: string;
  due_date: string;
  status: string;
}
interface Detail {
  id: string;
  events: { kind: string; date: string }[];
  pupil_name: string;
  pupil_id: string;
  phase: string;
  allowed_actions: string[];
  deadlines: Deadline[];
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("recording contacts and reviews", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let school: Awaited<ReturnType<typeof apiSession>>;
  let today = "";
  /** Open cases of the coordinator's school on which they may record events. */
  let reviewCase: Detail;
  let contactCase: Detail;

  const detail = async (id: string) =>
    (await school.call("GET", `/api/cases/${id}`)).body as Detail;
  const deadline = (d: Detail, code: string) => d.deadlines.find((x) => x.code === code);

  beforeAll(async () => {
    today = demo.app.asOf;
    school = await apiSession(demo.app.url, "zorgcoordinator");
    const cases = (await school.call("GET", "/api/cases")).body as Detail[];
    const candidates: Detail[] = [];
    for (const c of cases.filter((x) => x.phase !== "CLOSED")) {
      const d = await detail(c.id);
      if (d.allowed_actions.includes("events")) candidates.push(d);
    }
    // The demo's cases have their first contacts already: the worklist records the weekly
    // school review (a case in SCHOOL where there is one: its next review moves a week on), the
    // case file a home visit (the partner-conversation deadline reads met).
    const first = candidates.find((d) => d.phase === "SCHOOL") ?? candidates[0];
    if (!first) throw new Error("the demo has no open case the coordinator records events on");
    reviewCase = first;
    contactCase = candidates.find((d) => d.id !== first.id) ?? first;
    page = await openPageAs(demo.browser, demo.app.url, "zorgcoordinator");
  }, 600_000);

  it("records the weekly school review from the worklist, checked in Dutch first", async () => {
    const open = page.getByRole("button", { name: "Contact of bespreking vastleggen" });
    await open.click();
    const form = page.locator("#worklist-record-event-form");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => form.textContent()).toContain("Kies wat er is gebeurd.");
    await form.getByLabel("Casus").selectOption({ value: reviewCase.id });
    await form.getByLabel("Wat is er gebeurd?").selectOption({ label: "Bespreking op school" });
    await form.getByLabel("Datum").fill(addDays(today, 1));
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => form.textContent()).toContain("De datum ligt niet in de toekomst.");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Datum").fill(today);
    await form.getByLabel("Notitie (niet verplicht)").fill("Besproken in het zorgoverleg.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("worklist-event-notice").textContent()).toBe(
      "Vastgelegd. De termijnen zijn bijgewerkt.",
    );
    // Recorded at once; in SCHOOL the next weekly review is due a week from today.
    const after = await detail(reviewCase.id);
    expect(after.events).toContainEqual(
      expect.objectContaining({ kind: "school_review", date: today }),
    );
    if (after.phase === "SCHOOL") {
      expect(deadline(after, "weekly_school_review")).toMatchObject({
        due_date: addDays(today, 7),
        status: "open",
      });
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it("records a home visit in the case file; the deadline reads met", async () => {
    await page.goto(`${demo.app.url}/casussen/${contactCase.id}`);
    await page.getByTestId("case-summary").waitFor();
    const rowOf = () =>
      page.getByTestId("case-deadlines").locator("tr", {
        hasText: /huisbezoek/i,
      });
    await page
      .getByTestId("case-deadlines")
      .locator("xpath=ancestor::section[1]")
      .getByRole("button", { name: "Contact of bespreking vastleggen" })
      .click();
    const form = page.locator("#record-event-form");
    await form.getByLabel("Wat is er gebeurd?").selectOption({ label: "Huisbezoek" });
    await form.getByLabel("Datum").fill("2000-01-03");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => form.textContent()).toContain(
      "De datum ligt niet voor het begin van het verzuim",
    );
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Datum").fill(today);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => rowOf().textContent()).toContain("Gehaald");
    expect(deadline(await detail(contactCase.id), "partner_conversation")).toMatchObject({
      status: "met",
    });
    // The timeline names it too.
    await poll(() => page.getByTestId("case-timeline").textContent()).toContain("Huisbezoek");
    expect(await axeViolations(page)).toEqual([]);
  });
});

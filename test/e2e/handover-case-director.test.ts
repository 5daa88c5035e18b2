// The warm handover PO→VO started by the case director (issue 15 item 6): the case director has
// no schools, so /overdrachten offers the pupils of their own open cases who qualify. The school
// of a pupil who moves to secondary school after a signal hands the pupil's case to the case
// director; the case director then finds the pupil on the page and writes the handover. axe
// finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

const WHAT = "Vaak afwezig na het weekend (casusregisseur e2e).";
const HELPED = "Een vast aanspreekpunt op school (casusregisseur e2e).";

describe("the case director's warm handover", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilName: string;

  beforeAll(async () => {
    // A pupil who qualifies, as the primary school sees them.
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const candidate = (await school.call("GET", "/api/handover-candidates")).body.candidates[0];
    if (!candidate) throw new Error("the demo has no pupil for a warm handover");
    pupilName = candidate.pupil_name;
    // The school the pupil is at opens a case (or has one) and hands it to the case director.
    const director = await apiSession(demo.app.url, "casusregisseur");
    const directorId = (await director.call("GET", "/api/me")).body.user.id;
    let handed = false;
    for (const account of ["zorgcoordinator", "zorgcoordinator-vo"]) {
      const staff = await apiSession(demo.app.url, account);
      const cases = (await staff.call("GET", "/api/cases")).body as {
        id: string;
        pupil_id: string;
      }[];
      let caseId = Array.isArray(cases)
        ? cases.find((c) => c.pupil_id === candidate.pupil_id)?.id
        : undefined;
      if (!caseId) {
        const opened = await staff.call("POST", "/api/cases", {
          pupil_id: candidate.pupil_id,
          absence_start_date: demo.app.asOf,
          reason: "Langdurig afwezig rond de overstap (e2e).",
        });
        if (opened.status !== 201) continue;
        caseId = opened.body.id;
      }
      const escalated = await staff.call("POST", `/api/cases/${caseId}/escalate`, {
        reason: "Het verzuim duurt naar verwachting langer dan 4 weken.",
        new_owner_user_id: directorId,
      });
      if (escalated.status !== 200) throw new Error(`escalate: ${JSON.stringify(escalated.body)}`);
      handed = true;
      break;
    }
    if (!handed) throw new Error("no school could open a case for the pupil");
    page = await newBlankPage(demo.browser);
  }, 600_000);

  it("offers the pupil of their case and writes the handover", async () => {
    // Logged in straight onto the handovers: the start page is no part of this file.
    await logInAs(page, demo.app.url, "casusregisseur", { path: "/overdrachten" });
    await page.getByRole("heading", { level: 1, name: "Warme overdracht PO-VO" }).waitFor();
    const candidate = page.getByTestId("handover-candidate").filter({ hasText: pupilName });
    await candidate.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await candidate.getByRole("button", { name: "Overdracht schrijven" }).click();
    const form = candidate.getByRole("form", { name: "Overdracht schrijven" });
    await form.getByLabel("Wat speelde er?").fill(WHAT);
    await form.getByLabel("Wat hielp?").fill(HELPED);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    const card = page.getByTestId("handover").filter({ hasText: pupilName });
    await card.waitFor();
    expect(await card.textContent()).toContain(WHAT);
    expect(await axeViolations(page)).toEqual([]);
  });
});

// Journey (issue 15 item 4, M@ZL): the care coordinator refers a pupil to the youth doctor on the
// pupil page; the youth doctor finds the referral on /jeugdarts, writes a medical note and gives
// the school its feedback (load capacity and advice); the care coordinator reads the feedback on
// the pupil page but never the note, and no other role gets the note through the API. Every page
// is axe-clean.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "../support/api-session.ts";
import { axeViolations, openPage } from "../support/browser.ts";
import { demoAppAndBrowser } from "../support/demo-browser.ts";
import { journeyHooks, poll, switchAccount } from "../support/journey.ts";

const QUESTION = "Komt elke maandag ziek terug van het weekend (journey). Wat kan zij aan?";
const NOTE = "Synthetische medische notitie van de journey: niet voor de school.";
const ADVICE = "Maandagochtend later beginnen; verder het gewone rooster (journey).";

describe("journey: a referral to the youth doctor and the feedback to the school", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilId: string;
  let referralId: string;

  beforeAll(async () => {
    // A pupil the demo's mentor referred already: a pupil of the school with sick absence.
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const referrals = await school.call("GET", "/api/youth-doctor-referrals");
    pupilId = referrals.body.referrals[0]?.pupil_id;
    if (!pupilId) throw new Error("the demo has no referral to the youth doctor");
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
  }, 600_000);

  journeyHooks("jgz", () => page);

  const section = () => page.getByRole("region", { name: "Jeugdarts (M@ZL)" });
  const mine = () => page.getByTestId("jgz-referral").filter({ hasText: QUESTION });

  it("the care coordinator refers the pupil with the school's question", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", `/leerlingen/${pupilId}`);
    // The referrals' table comes first; the school's observations of notable sickness follow.
    await section().getByRole("table").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await section().getByRole("button", { name: "Aanmelden bij de jeugdarts" }).click();
    const form = section().getByRole("form", { name: "Aanmelden bij de jeugdarts" });
    await form.waitFor();
    // Without a question nothing is sent.
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await form.getByText("Vul de vraag van de school in.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Vraag van de school aan de jeugdarts").fill(QUESTION);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await section()
      .getByRole("status")
      .filter({ hasText: "De leerling is aangemeld bij de jeugdarts." })
      .waitFor();
    const row = section().getByRole("row").filter({ hasText: QUESTION });
    await row.waitFor();
    expect(await row.textContent()).toContain("Wacht op jeugdarts");
  });

  it("the youth doctor finds it on the worklist, writes a note and gives feedback", async () => {
    await switchAccount(page, demo.app.url, "jeugdarts");
    await page.getByRole("link", { name: "Jeugdarts", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Aanmeldingen jeugdarts" }).waitFor();
    await mine().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await mine().getByRole("button", { name: "Notitie schrijven" }).click();
    const noteForm = mine().getByRole("form", { name: "Notitie schrijven" });
    await noteForm.getByLabel("Medische notitie").fill(NOTE);
    await noteForm.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => mine().getByRole("listitem").allTextContents()).toEqual([
      expect.stringContaining(NOTE),
    ]);

    await mine().getByRole("button", { name: "Terugkoppeling geven" }).click();
    const feedback = mine().getByRole("form", { name: "Terugkoppeling geven" });
    await feedback.getByLabel("Belastbaarheid").selectOption("limited");
    await feedback.getByLabel("Advies aan de school (geen medische gegevens)").fill(ADVICE);
    expect(await axeViolations(page)).toEqual([]);
    await feedback.getByRole("button", { name: "Vastleggen" }).click();
    const answered = page
      .locator('section[aria-labelledby="jgz-answered"]')
      .getByTestId("jgz-referral")
      .filter({ hasText: QUESTION });
    await answered.waitFor();
    expect(await answered.textContent()).toContain(`Beperkt belastbaar`);
    referralId = ((await answered.getAttribute("aria-labelledby")) ?? "").replace(
      "jgz-referral-",
      "",
    );
    expect(referralId).not.toBe("");
  });

  it("the school reads the feedback, never the medical note", async () => {
    await switchAccount(page, demo.app.url, "zorgcoordinator", `/leerlingen/${pupilId}`);
    const row = section().getByRole("row").filter({ hasText: QUESTION });
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("Teruggekoppeld");
    expect(text).toContain(ADVICE);
    expect(text).toContain("Beperkt belastbaar");
    expect(await page.locator("main").textContent()).not.toContain(NOTE);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("no role but the youth doctor gets the note through the API", async () => {
    const path = `/api/youth-doctor-referrals/${referralId}/medical-notes`;
    const doctor = await (await apiSession(demo.app.url, "jeugdarts")).call("GET", path);
    expect(doctor.status).toBe(200);
    expect(doctor.body.map((n: { text: string }) => n.text)).toContain(NOTE);
    // The school sees the referral (403), the others not even that (404).
    for (const account of ["zorgcoordinator", "mentor"]) {
      const answer = await (await apiSession(demo.app.url, account)).call("GET", path);
      expect(answer.status, account).toBe(403);
    }
    for (const account of ["leerplicht", "casusregisseur", "jeugdteam", "ouder"]) {
      const answer = await (await apiSession(demo.app.url, account)).call("GET", path);
      expect(answer.status, account).toBe(404);
    }
    const list = await (await apiSession(demo.app.url, "zorgcoordinator")).call(
      "GET",
      `/api/youth-doctor-referrals?pupil_id=${pupilId}`,
    );
    expect(JSON.stringify(list.body)).not.toContain(NOTE);
  });
});

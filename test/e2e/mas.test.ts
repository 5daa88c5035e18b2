// Leerplicht's procedure (MAS) in a real browser on a fresh demo database: the attendance
// officer reads a pupil's steps on the pupil page and records the next one with the keyboard;
// the case director reads the same steps in the case file without a form; a teacher of the
// school does not see the section. The attendance officer's worklist (home page) lists the open
// procedures with their last and next step and the day it is due (issue 15 item 3), and follows a
// new step. axe finds nothing on any page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, openPageAs } from "./support/login.ts";

describe("leerplicht's procedure (MAS)", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilId: string;
  let caseId: string;

  beforeAll(async () => {
    // The demo's case in which leerplicht recorded MAS steps (the prosecutor case).
    const leerplicht = await apiSession(demo.app.url, "leerplicht");
    const cases = (await leerplicht.call("GET", "/api/cases")).body as {
      id: string;
      pupil_id: string;
    }[];
    for (const c of cases) {
      const steps = await leerplicht.call("GET", `/api/pupils/${c.pupil_id}/mas-steps`);
      const list = (steps.body as { steps?: { case_id: string | null }[] }).steps ?? [];
      if (list.some((s) => s.case_id === c.id)) {
        pupilId = c.pupil_id;
        caseId = c.id;
        break;
      }
    }
    if (!pupilId) throw new Error("the demo has no MAS steps in a case");
    page = await openPageAs(demo.browser, demo.app.url, "leerplicht");
  }, 600_000);

  const section = (p: Page) => p.getByRole("region", { name: "Aanpak leerplicht (MAS)" });
  const worklistRow = async (p: Page) => {
    const leerplicht = await apiSession(demo.app.url, "leerplicht");
    const open = (await leerplicht.call("GET", "/api/mas-procedures")).body as {
      procedures: { pupil_id: string; pupil_name: string }[];
    };
    const mine = open.procedures.find((o) => o.pupil_id === pupilId);
    if (!mine) throw new Error("the pupil's procedure is not open");
    // The start page just logged in to is read afresh; after a step elsewhere it is loaded anew.
    if (new URL(p.url()).pathname !== "/") await p.goto(`${demo.app.url}/`);
    const table = p.getByTestId("worklist-mas");
    await table.waitFor();
    return table.getByRole("row").filter({ hasText: mine.pupil_name });
  };

  it("lists the open procedure on leerplicht's worklist with the next step and its day", async () => {
    const row = await worklistRow(page);
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    // The demo's last step is the official report; the outcome is due 3 months later.
    expect(text).toContain("Proces-verbaal");
    expect(text).toContain("Afloop");
    await page
      .getByRole("heading", { level: 2, name: /^Lopende aanpak leerplicht \(MAS\)/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows leerplicht the steps on the pupil page and records a new one", async () => {
    await page.goto(`${demo.app.url}/leerlingen/${pupilId}`);
    await section(page).waitFor();
    const table = section(page).getByRole("table");
    await table.waitFor();
    expect(await table.textContent()).toContain("Uitgenodigd voor gesprek (leerling en ouders)");
    const before = await table.locator("tbody tr").count();
    expect(await axeViolations(page)).toEqual([]);

    await section(page).getByRole("button", { name: "Stap vastleggen" }).click();
    const form = section(page).getByRole("form", { name: "Stap vastleggen" });
    await form.waitFor();
    // An official report asks for its route before anything is sent.
    await form.getByLabel("Soort stap").selectOption("official_report");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await form.getByText("Kies de route.").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Soort stap").selectOption("agreements");
    await form.getByLabel("Notitie (optioneel)").fill("Nieuwe afspraken met ouders en leerling.");
    await form.getByLabel("Notitie (optioneel)").press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => section(page).getByRole("status").last().textContent(), { timeout: 30_000 })
      .toBe("De stap is vastgelegd.");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before + 1);
    expect(await table.textContent()).toContain("Nieuwe afspraken met ouders en leerling.");

    // The worklist follows: the agreements are the last step now, their evaluation the next.
    const row = await worklistRow(page);
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("Afspraken gemaakt");
    expect(await row.textContent()).toContain("Afloop");
  });

  it("shows the case director the steps in the case file, without a form", async () => {
    // The file's page, logged in again as the director (logInAs clears the cookies first).
    const director = page;
    await logInAs(director, demo.app.url, "casusregisseur", { path: `/casussen/${caseId}` });
    await section(director).waitFor();
    await section(director).getByRole("table").waitFor();
    expect(await section(director).textContent()).toContain("Alleen leerplicht legt ze vast.");
    expect(await section(director).textContent()).toContain(
      "Nieuwe afspraken met ouders en leerling.",
    );
    expect(await section(director).getByRole("button", { name: "Stap vastleggen" }).count()).toBe(
      0,
    );
    expect(await axeViolations(director)).toEqual([]);
  });

  it("does not show the steps to a teacher of the school", async () => {
    const mentor = page;
    const answered = mentor.waitForResponse((r) => r.url().includes("/mas-steps"));
    await logInAs(mentor, demo.app.url, "mentor", { path: `/leerlingen/${pupilId}` });
    expect((await answered).status()).toBe(404);
    await mentor.getByRole("heading", { level: 2, name: "Verzuimkalender" }).waitFor();
    expect(await section(mentor).count()).toBe(0);
  });
});

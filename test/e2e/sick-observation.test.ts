// SICK_NOTABLE recorded by hand (issue 15 item 4, domain.md §4) in a real browser on a fresh demo
// database: the care coordinator records an observation of notable sickness in the pupil page's
// M@ZL section with the keyboard; the form refuses a date in the future before anything is sent;
// afterwards the pupil has the signal 'opvallend ziekteverzuim' in GET /api/signals. A user of
// another role that may not record sees no form. axe finds nothing on the page.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

const NOTE = "Wordt de laatste weken vaak ziek opgehaald (browsertest).";

describe("recording notable sickness (SICK_NOTABLE) on the pupil page", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let pupilId: string;
  const sickNotablePupils = async () => {
    const school = await apiSession(demo.app.url, "zorgcoordinator");
    const signals = (await school.call("GET", "/api/signals")).body as {
      pupil_id: string;
      code: string;
    }[];
    return { signals, notable: signals.filter((s) => s.code === "SICK_NOTABLE") };
  };

  beforeAll(async () => {
    // A pupil of the care coordinator's school with a signal, but not yet SICK_NOTABLE.
    const { signals, notable } = await sickNotablePupils();
    pupilId = signals.find((s) => !notable.some((n) => n.pupil_id === s.pupil_id))?.pupil_id ?? "";
    if (!pupilId) throw new Error("the demo school has no pupil without SICK_NOTABLE");
    // One page for the file, logged in as each account in turn (logInAs clears the cookies).
    page = await newBlankPage(demo.browser);
  }, 600_000);

  const part = (p: Page) => p.getByTestId("sick-observations");

  it("lets the care coordinator record an observation, which raises the signal", async () => {
    await logInAs(page, demo.app.url, "zorgcoordinator", { path: `/leerlingen/${pupilId}` });
    await part(page).getByRole("heading", { level: 3, name: "Opvallend ziekteverzuim" }).waitFor();
    await part(page).getByText("Er is geen opvallend ziekteverzuim vastgelegd.").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await part(page).getByRole("button", { name: "Opvallend ziekteverzuim vastleggen" }).click();
    const form = part(page).getByRole("form", { name: "Opvallend ziekteverzuim vastleggen" });
    await form.waitFor();
    // The date starts at today; a date in the future is refused in the form, with what to do.
    const today = await form.getByLabel("Datum observatie").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel("Datum observatie").fill("2999-01-01");
    await form.getByLabel("Wat valt op? (kort, geen medische gegevens)").fill(NOTE);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await form
      .getByText("De datum ligt na vandaag; kies vandaag of een eerdere dag.")
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Datum observatie").fill(today);
    await form.getByLabel("Wat valt op? (kort, geen medische gegevens)").press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => part(page).getByRole("status").last().textContent(), { timeout: 30_000 })
      .toBe(
        "De observatie is vastgelegd; het signaal 'opvallend ziekteverzuim' staat bij de signalen.",
      );
    await part(page).getByRole("row").filter({ hasText: NOTE }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const { notable } = await sickNotablePupils();
    expect(notable.map((n) => n.pupil_id)).toContain(pupilId);
  });

  it("shows the school head the observation without a form", async () => {
    const head = page;
    await logInAs(head, demo.app.url, "schooldirectie", { path: `/leerlingen/${pupilId}` });
    await part(head).getByRole("row").filter({ hasText: NOTE }).waitFor();
    expect(
      await part(head).getByRole("button", { name: "Opvallend ziekteverzuim vastleggen" }).count(),
    ).toBe(0);
    expect(await axeViolations(head)).toEqual([]);
  });
});

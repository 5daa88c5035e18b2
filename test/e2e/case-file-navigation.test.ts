// A case file people can work in (issue 11, deliverable 4), in a real browser on the demo: the
// case director reaches the meeting form in a few key presses through the section menu (it
// took 32 Tab stops on one long page), the section is in the URL so a reload keeps it, the
// summary stays in view while scrolling, the "what you can do" links open their form, and
// saving a meeting keeps the user where they were (it jumped to the top). axe finds nothing.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { openPageAs } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** The accessible name (or text) of the focused element and the form command it sits in. */
const focused = (page: Page) =>
  page.evaluate<{ name: string; command: string; tag: string }>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: "", command: "", tag: "body" };
    const name = (el.getAttribute("aria-label") || el.textContent || "").trim();
    const command = el.closest("[data-command]")?.getAttribute("data-command") ?? "";
    return { name, command, tag: el.tagName.toLowerCase() };
  })()`);

/** Whether the element is within the window (at least partly). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const height = await page.evaluate<number>("window.innerHeight");
  return box !== null && box.y < height && box.y + box.height > 0;
}

describe("case file navigation", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseUrl = "";

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "casusregisseur");
    // A case of the caseload in the CASE_DIRECTOR phase, which the director may record meetings in.
    const link = page
      .getByTestId("worklist-caseload")
      .locator("tbody tr", { has: page.locator("td", { hasText: /^Casusregisseur$/ }) })
      .getByRole("link")
      .first();
    await link.waitFor();
    await link.click();
    await page.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    caseUrl = page.url().split("#")[0] ?? "";
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await page.screenshot({ path: `/tmp/case-nav-${context.task.name.slice(0, 20)}.png` });
    }
  });

  it("reaches the meeting form from the page heading in at most 8 key presses", async () => {
    await page.locator("h1").focus();
    const steps: string[] = [];
    for (let n = 0; n < 40; n++) {
      const now = await focused(page);
      if (now.command === "record-meeting") break;
      // The section menu's link to the meetings: follow it, and wait until focus moved on.
      if (now.tag === "a" && now.name === "Overleggen") {
        await page.keyboard.press("Enter");
        steps.push("Enter");
        await poll(async () => (await focused(page)).tag).not.toBe("a");
      } else {
        await page.keyboard.press("Tab");
        steps.push(`Tab → ${(await focused(page)).name.slice(0, 30)}`);
      }
    }
    expect((await focused(page)).command).toBe("record-meeting");
    expect(steps.length, steps.join("\n")).toBeLessThanOrEqual(8);
    // The section is in the URL.
    expect(new URL(page.url()).hash).toBe("#overleggen");
  });

  it("keeps the section on a reload: its heading has focus and is in view", async () => {
    await page.reload();
    const heading = page.getByRole("heading", { level: 2, name: "Overleggen" });
    await heading.waitFor();
    await poll(async () => (await focused(page)).name).toBe("Overleggen");
    expect(await inViewport(page, "#overleggen h2")).toBe(true);
    expect(await page.evaluate<number>("window.scrollY")).toBeGreaterThan(0);
  });

  it("keeps the summary in view while scrolling, with phase, clock, deadline and owner", async () => {
    await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
    await poll(() => page.evaluate<number>("window.scrollY")).toBeGreaterThan(1000);
    expect(await inViewport(page, '[data-testid="case-summary"]')).toBe(true);
    const summary = (await page.getByTestId("case-summary").textContent()) ?? "";
    expect(summary).toContain("Casusregisseur");
    expect(summary).toMatch(/verzuimweek \d+/);
    expect(summary).toMatch(/Volgende termijn/);
    // The owner by name, not only by organisation.
    expect(summary).toMatch(/Casusverantwoordelijke[^,–]+, Casusregisseur – /);
    const menu = page.getByRole("navigation", { name: "Onderdelen van de casus" });
    expect(await menu.getByRole("link").count()).toBeGreaterThanOrEqual(10);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("opens a form from the summary's links and keeps the position after saving a meeting", async () => {
    const canDo = page.getByTestId("case-can-do");
    await canDo.getByRole("link", { name: "Overleg vastleggen" }).click();
    const form = page.getByRole("form", { name: "Overleg vastleggen" });
    await form.waitFor();
    // Focus is in the form, on its first field.
    await poll(() => page.evaluate<string>("document.activeElement.id")).toBe(
      "record-meeting-kind",
    );
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Soort overleg").selectOption("mdo_zat");
    await form.getByLabel("Datum van het overleg").fill(demo.app.asOf);
    await form.locator("#record-meeting-participants").check();
    await form.getByLabel("Besluit 1").fill("Afspraak: dagelijks contact met de mentor.");
    const before = await page.evaluate<number>("window.scrollY");
    expect(before).toBeGreaterThan(0);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(() => page.getByTestId("case-notice").textContent()).toBe(
      "Het overleg is vastgelegd.",
    );
    await poll(() => page.locator("#overleggen").textContent()).toContain(
      "Afspraak: dagelijks contact met de mentor.",
    );
    // No jump to the top: focus is back on the form's button, which is in view; the message is
    // in the summary beside it.
    const now = await focused(page);
    expect(now).toMatchObject({ command: "record-meeting", tag: "button" });
    expect(await inViewport(page, '[data-command="record-meeting"] button')).toBe(true);
    expect(await inViewport(page, '[data-testid="case-notice"]')).toBe(true);
    expect(await page.evaluate<number>("window.scrollY")).toBeGreaterThan(before / 2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the whole case file with its sections on a narrow screen too", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // Away first (a blank page, not another screen of the app), so the address with its section
    // is a page load of its own rather than a jump within the page shown.
    await page.goto("about:blank");
    await page.goto(`${caseUrl}#toestemming`);
    await page.getByRole("heading", { level: 2, name: "Toestemming" }).waitFor();
    await poll(async () => (await focused(page)).name).toBe("Toestemming");
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

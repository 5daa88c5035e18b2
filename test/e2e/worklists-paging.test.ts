// Issue 11 deliverable 5 in a real browser, on a demo region large enough for long lists (3,000
// pupils): leerplicht's start page has a filter bar, counts in every heading, five rows a page
// with an accessible pager, and per child of absolute absence a link to the child and an action;
// the page stays short (it was ~22,000 px on the full demo); on a phone each row is a card with
// its "Casus openen" in view. axe finds nothing.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { LARGE_DEMO_PUPILS } from "./support/demo-app.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, openPageAs } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

const demo = demoAppAndBrowser({ pupils: LARGE_DEMO_PUPILS });

/**
 * One page for the file: leerplicht's at 1366 × 768, then loaded anew at phone size, then the
 * case director's (logInAs clears the cookies and logs in again; the page load renders the
 * start page at the viewport set), rather than a context per account and size.
 */
let page: Page;

afterAll(async () => {
  await page?.context().close();
});

/** The start page of `account`, loaded anew at this viewport. */
async function open(account: string, viewport: { width: number; height: number }) {
  if (!page) page = await openPageAs(demo.browser, demo.app.url, account, viewport);
  else {
    await page.setViewportSize(viewport);
    await logInAs(page, demo.app.url, account);
  }
  return page;
}

const heading = (page: Page, id: string) => page.locator(`#${id}`);

/** Waits until every list of leerplicht's worklist has loaded (its heading carries a count). */
async function loaded(page: Page) {
  for (const id of [
    "worklist-duo",
    "worklist-absolute",
    "worklist-other-signals",
    "worklist-leerplicht-cases",
  ]) {
    await heading(page, id).filter({ hasText: /\(\d+/ }).waitFor({ timeout: 120_000 });
  }
}

function rowsOf(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator("tbody tr");
}

describe("leerplicht's worklist", () => {
  beforeAll(async () => {
    await open("leerplicht", { width: 1366, height: 768 });
    await loaded(page);
  }, 180_000);

  it("counts every list in its heading and pages long lists, the page short", async () => {
    const duo = (await heading(page, "worklist-duo").textContent()) ?? "";
    const m = /^Verzuimmeldingen bij DUO \((\d+)(?:, waarvan (\d+) te laat)?\)$/.exec(duo);
    expect(m, duo).not.toBeNull();
    const total = Number(m?.[1]);
    expect(total).toBeGreaterThan(5);
    // Five rows a page, the pager says where you are, the export keeps every row.
    expect(await rowsOf(page, "worklist-duo").count()).toBe(5);
    const pager = page.getByRole("navigation", { name: "Pagina's van Verzuimmeldingen bij DUO" });
    expect(await pager.textContent()).toContain(`Rij 1–5 van ${total}`);
    const first = await rowsOf(page, "worklist-duo").first().locator("th").textContent();
    await pager.getByRole("button", { name: "Volgende" }).click();
    await poll(() => pager.textContent()).toContain(`Rij 6–10 van ${total}`);
    expect(await pager.getByRole("button", { name: "Pagina 2" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(await rowsOf(page, "worklist-duo").first().locator("th").textContent()).not.toBe(first);
    await pager.getByRole("button", { name: "Vorige" }).click();
    await poll(() => pager.textContent()).toContain(`Rij 1–5 van ${total}`);

    for (const [id, title] of [
      ["worklist-absolute", "Absoluut verzuim"],
      ["worklist-other-signals", "Signalen die u mag zien"],
      ["worklist-leerplicht-cases", "Casussen"],
    ] as const) {
      expect(await heading(page, id).textContent()).toMatch(
        new RegExp(`^${title} \\(\\d+(, waarvan \\d+ te laat)?\\)$`),
      );
      expect(await rowsOf(page, id).count()).toBeLessThanOrEqual(5);
    }
    // It was ~22,000 px on the full demo: every row of every list on one page. Four paged
    // lists of five rows (the DUO table's status and reference columns wrap) stay near 4,000.
    const height = await page.evaluate<number>("document.documentElement.scrollHeight");
    expect(height).toBeLessThan(5000);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("filters every list at once: only what is late, one kind", async () => {
    const duoBefore = (await heading(page, "worklist-duo").textContent()) ?? "";
    const total = Number(/\((\d+)/.exec(duoBefore)?.[1]);
    const late = Number(/waarvan (\d+) te laat/.exec(duoBefore)?.[1] ?? "0");
    await page.getByLabel("Toon", { exact: true }).selectOption("overdue");
    await poll(async () => page.url()).toContain("toon=overdue");
    await poll(() => heading(page, "worklist-duo").textContent()).toBe(
      late === total
        ? `Verzuimmeldingen bij DUO (${total}, waarvan ${late} te laat)`
        : `Verzuimmeldingen bij DUO (${late} van ${total}, waarvan ${late} te laat)`,
    );
    for (const text of await rowsOf(page, "worklist-duo").allTextContents()) {
      expect(text).toContain("Melding te laat");
    }
    // A signal is not late: none is shown, and the heading says how many there are.
    expect(await heading(page, "worklist-other-signals").textContent()).toMatch(
      /^Signalen die u mag zien \(0 van \d+\)$/,
    );
    expect(await page.getByRole("status").filter({ hasText: "gefilterd op" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Filters wissen" }).click();
    await poll(() => heading(page, "worklist-duo").textContent()).toBe(duoBefore);

    await page.getByLabel("Soort signaal of melding").selectOption("signal:ABSOLUTE");
    await poll(() => heading(page, "worklist-duo").textContent()).toMatch(/\(0 van \d+\)$/);
    expect(await heading(page, "worklist-other-signals").textContent()).toMatch(/\(0 van \d+\)$/);
    expect(await heading(page, "worklist-absolute").textContent()).toMatch(
      /^Absoluut verzuim \(\d+\)$/,
    );
    await page.getByRole("button", { name: "Filters wissen" }).click();
    await poll(() => heading(page, "worklist-duo").textContent()).toBe(duoBefore);
  });

  it("links every child of absolute absence and offers the action that fits", async () => {
    const rows = rowsOf(page, "worklist-absolute");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      const link = row.locator("th").getByRole("link");
      expect(await link.getAttribute("href")).toMatch(/^\/leerlingen\/P\d{6}$/);
      const actions = row.locator("td").last();
      // A case where the child had a school this school year, else the child's page; either
      // way it can be marked known.
      const openCase = await actions.getByRole("link", { name: /^Casus openen voor/ }).count();
      const viewPupil = await actions.getByRole("link", { name: /^Leerling bekijken: / }).count();
      expect(openCase + viewPupil, (await row.textContent()) ?? "").toBe(1);
      if (viewPupil) expect(await actions.textContent()).toContain("Geen school dit schooljaar");
    }
    const first = rows.first().locator("th").getByRole("link");
    const name = (await first.textContent()) ?? "";
    await first.click();
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Leerling /);
    expect(name).toContain(
      ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace(
        /^Leerling /,
        "",
      ),
    );
    await page.goBack();
    await loaded(page);
  });
});

describe("on a phone (390 × 844)", () => {
  it("shows each signal as a card with 'Casus openen' in view, no sideways scrolling", async () => {
    await open("leerplicht", { width: 390, height: 844 });
    await loaded(page);
    const link = rowsOf(page, "worklist-other-signals")
      .first()
      .getByRole("link", { name: /^Casus openen voor/ });
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(
      await page.evaluate<boolean>(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
      ),
    ).toBe(true);
    // The cell still is a cell of a row for assistive technology.
    expect(await rowsOf(page, "worklist-other-signals").first().getAttribute("role")).toBeNull();
    expect(
      await page
        .getByTestId("worklist-other-signals")
        .getByRole("row")
        .first()
        .getByRole("columnheader")
        .count(),
    ).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the case director's caseload", () => {
  it("counts the caseload in its heading and filters it to the late cases", async () => {
    await open("casusregisseur", { width: 1366, height: 768 });
    const title = heading(page, "worklist-caseload");
    await title.filter({ hasText: /^Mijn caseload \(\d+/ }).waitFor({ timeout: 60_000 });
    const text = (await title.textContent()) ?? "";
    const total = Number(/\((\d+)/.exec(text)?.[1]);
    expect(await rowsOf(page, "worklist-caseload").count()).toBe(Math.min(total, 10));
    await page.getByLabel("Toon", { exact: true }).selectOption("overdue");
    await poll(async () => page.url()).toContain("toon=overdue");
    const late = Number(/waarvan (\d+) te laat/.exec(text)?.[1] ?? "0");
    await poll(() => rowsOf(page, "worklist-caseload").count()).toBe(Math.min(late, 10));
    expect(await axeViolations(page)).toEqual([]);
  });
});

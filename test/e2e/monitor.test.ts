// The monitor in a real browser on the demo region (domain.md §7), as the policy officer
// (beleid@demo.aanwezig.nl): the dashboard at the demo date with a chart and a table per
// section, suppressed cells shown as "< 5" exactly where the API suppressed them, the table
// alternative, CSV and XLSX export, the printable report without navigation, no pupil id or
// name on any monitor page or in any monitor answer, and axe without violations everywhere.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoRegion } from "../../src/demo/generate.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

interface MonitorRow {
  group: string;
  measure: string;
  count: number | null;
}

/** The monitor pages a policy officer has: the sub-navigation's link, and what each shows. */
const POLICY_PAGES = [
  { path: "/monitor", link: "Peildatum", heading: "Monitor" },
  { path: "/monitor/trends", link: "Trends per kwartaal", heading: "Trends per kwartaal" },
  {
    path: "/monitor/kpi",
    link: "Kritieke prestatie-indicatoren",
    heading: "Kritieke prestatie-indicatoren",
  },
  { path: "/monitor/kwartaalrapport", link: "Kwartaalrapport", heading: "Kwartaalrapport" },
  { path: "/monitor/oud-thuiszitters", link: "Oud-thuiszitters", heading: "Oud-thuiszitters" },
  {
    path: "/monitor/leerplichttelling",
    link: "Leerplichttelling",
    heading: "Leerplichttelling en jaarverslag",
  },
];

/**
 * Opens a monitor page through the monitor's own sub-navigation (a click, as a user moves
 * between its pages: no page load) and waits for its heading and its figures.
 */
async function openMonitorPage(
  page: Page,
  link: string,
  heading: string,
  path?: string,
): Promise<void> {
  await page
    .getByRole("navigation", { name: "Onderdelen van de monitor" })
    .getByRole("link", { name: link, exact: true })
    .click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  // The dashboard's link is /monitor/ (the index route).
  if (path !== undefined) expect(new URL(page.url()).pathname.replace(/\/$/, "")).toBe(path);
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.getByText("Bezig met laden…").count(), { timeout: 120_000 }).toBe(0);
  // Every chart that is shown has been drawn (recharts loads on demand).
  await expect
    .poll(
      async () =>
        (await page.locator(".aanwezig-figure__chart:not([hidden]) .aanwezig-chart").count()) ===
        (await page.locator(".aanwezig-figure__chart:not([hidden]) .recharts-wrapper").count()),
      { timeout: 60_000 },
    )
    .toBe(true);
}

async function tableCells(page: Page, section: string): Promise<string[][]> {
  const rows = page.getByTestId(`monitor-section-${section}`).locator("tbody tr");
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator("th, td").allTextContents()).map((s) => s.trim()));
  }
  return out;
}

const demo = demoAppAndBrowser();
/**
 * One page for the file: the policy officer's, then (logged in again) leerplicht's. A context of
 * its own per account proved nothing more and cost a renderer start and a cold page load.
 */
let page: Page;

afterAll(async () => {
  await page?.context().close();
});

describe("monitor for a policy officer", () => {
  let personIds: string[];
  let personNames: string[];
  const monitorBodies: string[] = [];

  beforeAll(async () => {
    page = await newBlankPage(demo.browser);
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/monitor")) {
        void response.text().then(
          (body) => monitorBodies.push(body),
          () => undefined,
        );
      }
    });
    await logInAs(page, demo.app.url, "beleid");
    // The demo region the app was made from (support/demo-app.ts: 400 pupils, seed 1).
    const region = generateDemoRegion({ pupils: 400, seed: 1 });
    personIds = [
      ...region.pupils.map((p) => p.pupilId),
      ...region.population.map((p) => p.personId),
    ];
    personNames = [
      ...region.pupils.map((p) => `${p.givenName} ${p.familyName}`),
      ...region.population.map((p) => `${p.givenName} ${p.familyName}`),
    ];
  }, 120_000);

  it("opens the dashboard at the demo date, every section as a chart", async () => {
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Monitor" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Monitor" }).waitFor();
    await settled(page);
    expect(await page.getByLabel("Peildatum").inputValue()).toBe(demo.app.asOf);
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toContain("Signalen per code");
    expect(headings).toContain("Thuiszitters: definitie van de Inspectie en brede definitie");
    // Each chart is one image to assistive technology, named by a sentence about its table.
    const chart = page.getByTestId("monitor-section-thuiszitters").locator(".aanwezig-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.getAttribute("aria-label")).toContain("De getallen staan in de tabel");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows every cell of the table as the API counted it, suppressed ones as '< 5'", async () => {
    const rows = await page.evaluate<MonitorRow[]>(
      `fetch("/api/monitor?as_of=${demo.app.asOf}&by=municipality").then((r) => r.json())`,
    );
    const thuiszitters = rows.filter((r) => r.measure.startsWith("thuiszitters_"));
    // A small region: some cells of 1–4 exist, and the API leaves them out as null.
    expect(thuiszitters.some((r) => r.count === null)).toBe(true);

    const section = page.getByTestId("monitor-section-thuiszitters");
    const toTable = section.getByRole("button", { name: "Toon als tabel" });
    await toTable.click();
    expect(await toTable.getAttribute("aria-pressed")).toBe("true");
    expect(await section.locator("figure").isHidden()).toBe(true);
    expect(await section.getByRole("table").isVisible()).toBe(true);
    expect(await section.getByRole("columnheader").allTextContents()).toEqual([
      "Groep↕",
      "Thuiszitters (definitie Inspectie)↕",
      "Thuiszitters (brede definitie)↕",
    ]);

    const groups = [...new Set(thuiszitters.map((r) => r.group))];
    const text = (measure: string, group: string) => {
      const row = thuiszitters.find((r) => r.group === group && r.measure === measure);
      if (!row) return "0";
      return row.count === null ? "< 5" : String(row.count);
    };
    const expected = groups.map((g) => [
      g === "" ? "(zonder school)" : g,
      text("thuiszitters_inspectie", g),
      text("thuiszitters_breed", g),
    ]);
    expect(await tableCells(page, "thuiszitters")).toEqual(expected);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("labels a suppressed bar '< 5' in the chart, never 0", async () => {
    const section = page.getByTestId("monitor-section-absolute");
    const rows = await page.evaluate<MonitorRow[]>(
      `fetch("/api/monitor?as_of=${demo.app.asOf}&by=municipality").then((r) => r.json())`,
    );
    const absolute = rows.filter((r) => r.measure === "signal:ABSOLUTE");
    const labels = await section.locator(".recharts-label-list text").allTextContents();
    expect(labels).toEqual(
      absolute.map((r) => (r.count === null ? "< 5" : r.count.toLocaleString("nl-NL"))),
    );
  });

  it("exports the table as CSV and XLSX", async () => {
    const section = page.getByTestId("monitor-section-thuiszitters");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: "Download als CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(
      `aanwezig-thuiszitters-definitie-van-de-inspectie-en-brede-definitie-${demo.app.asOf}.csv`,
    );
    const text = await readFile((await csv.path()) ?? "", "utf8");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Groep;Thuiszitters (definitie Inspectie);Thuiszitters (brede definitie)",
    );
    const cells = (await tableCells(page, "thuiszitters")).map((r) => r.join(";"));
    expect(lines.slice(1)).toEqual(cells);
    expect(text).toContain("< 5");

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: "Download als Excel" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await xlsx.path()) ?? "");
    // An XLSX file is a zip archive.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  // One visit per page for both checks: axe first, on the page as it opens (charts), then the
  // privacy check with every table alternative open. The dashboard's axe checks are the first
  // two tests (all charts; the thuiszitters table open), which leave the page on it.
  it("has no pupil id or name on any monitor page, nor in any monitor answer; axe passes on every monitor page, charts included", async () => {
    for (const { path, link, heading } of POLICY_PAGES) {
      await openMonitorPage(page, link, heading, path);
      if (path !== "/monitor") {
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      // Open every table alternative, so their cells are in the page too.
      for (const button of await page.getByRole("button", { name: "Toon als tabel" }).all()) {
        if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
      }
      const html = await page.content();
      expect(personIds.filter((id) => html.includes(id))).toEqual([]);
      expect(personNames.filter((name) => html.includes(name))).toEqual([]);
      expect(html).not.toMatch(/\bP\d{6}\b/);
    }
    expect(monitorBodies.length).toBeGreaterThan(0);
    const answers = monitorBodies.join("\n");
    expect(personIds.filter((id) => answers.includes(id))).toEqual([]);
    expect(personNames.filter((name) => answers.includes(name))).toEqual([]);
  });

  it("does not offer the comparison of pupil lists to policy roles", async () => {
    await openMonitorPage(page, "Peildatum", "Monitor");
    const sub = page.getByRole("navigation", { name: "Onderdelen van de monitor" });
    expect(await sub.getByRole("link").allTextContents()).toEqual([
      "Peildatum",
      "Trends per kwartaal",
      "Kritieke prestatie-indicatoren",
      "Kwartaalrapport",
      "Oud-thuiszitters",
      "Leerplichttelling",
    ]);
    // Typed in by hand, the address is no page for a policy role.
    await page.goto(`${demo.app.url}/monitor/lijsten-vergelijken`);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
  });

  it("prints the quarterly report without navigation, with its tables", async () => {
    await openMonitorPage(page, "Kwartaalrapport", "Kwartaalrapport");
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
      expect(
        await page.getByRole("navigation", { name: "Onderdelen van de monitor" }).isVisible(),
      ).toBe(false);
      expect(await page.getByRole("button", { name: "Afdrukken" }).isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Uitloggen" }).isVisible()).toBe(false);
      const tables = page.getByRole("table");
      expect(await tables.count()).toBeGreaterThan(3);
      expect(await tables.first().isVisible()).toBe(true);
      const breaks = await page.evaluate<string[]>(
        `[...document.querySelectorAll(".aanwezig-report__part")].map((e) => getComputedStyle(e).breakBefore)`,
      );
      expect(breaks).toEqual(["auto", "page", "page"]);
      // On paper the tables carry the figures; the charts stay on the screen.
      expect(await page.locator(".aanwezig-figure__chart").first().isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
});

describe("monitor for leerplicht", () => {
  beforeAll(async () => {
    // The file's page, logged in again (its cookies cleared first: a session of leerplicht's own).
    await logInAs(page, demo.app.url, "leerplicht", { path: "/monitor/lijsten-vergelijken" });
  }, 120_000);

  it("compares an uploaded list with the register, as the API does, with reasons", async () => {
    await page.getByRole("heading", { level: 1, name: "Lijsten vergelijken" }).waitFor();
    expect(await page.getByTestId("user-roles").textContent()).toBe("Leerplichtambtenaar");
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // Without a file the form says so beside the field.
    await page.getByRole("button", { name: "Vergelijk" }).click();
    await expect
      .poll(() => page.locator("#reconcile-file-error").textContent())
      .toBe("Kies een CSV-bestand.");

    const region = generateDemoRegion({ pupils: 400, seed: 1 });
    const ids = [...region.pupils.slice(0, 40).map((p) => p.pupilId), "P999999"];
    const dir = await mkdtemp(join(tmpdir(), "aanwezig-e2e-list-"));
    const file = join(dir, "thuiszitterslijst.csv");
    await writeFile(file, `naam;pupil_id\n${ids.map((id) => `Iemand;${id}`).join("\n")}\n`);
    await page.getByLabel("Thuiszitterslijst (CSV)").setInputFiles(file);
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/api/monitor/reconciliation")),
      page.getByRole("button", { name: "Vergelijk" }).click(),
    ]);
    // Only the pupil numbers leave the browser, not the other columns of the file.
    const sent = request.postDataJSON() as { pupil_ids: string[]; municipality?: string };
    expect(sent.pupil_ids).toEqual(ids);
    expect(JSON.stringify(sent)).not.toContain("Iemand");
    const answer = (await (await request.response())?.json()) as {
      list_size: number;
      only_in_list: { pupil_id: string }[];
      only_in_register: { pupil_id: string }[];
    };
    await page.getByRole("heading", { level: 2, name: "Uitkomst van de vergelijking" }).waitFor();
    expect(answer.list_size).toBe(ids.length);
    const shownIds = async (testId: string) =>
      page.getByTestId(testId).locator("tbody th").allTextContents();
    expect(await shownIds("reconcile-only-in-list")).toEqual(
      answer.only_in_list.map((l) => l.pupil_id),
    );
    expect(await shownIds("reconcile-only-in-register")).toEqual(
      answer.only_in_register.map((l) => l.pupil_id),
    );
    // Every line has its reason in Dutch, none is left as a code.
    const reasons = await page
      .locator("[data-testid^='reconcile-only'] tbody tr td:nth-of-type(1)")
      .allTextContents();
    for (const reason of reasons) expect(reason).not.toMatch(/^[a-z_0-9]+$/);
    expect(await axeViolations(page)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it("shows the other monitor pages without axe violations", async () => {
    await openMonitorPage(page, "Oud-thuiszitters", "Oud-thuiszitters");
    expect(await axeViolations(page)).toEqual([]);
    await openMonitorPage(page, "Kritieke prestatie-indicatoren", "Kritieke prestatie-indicatoren");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("chooses the quarter from a list, the last completed one by default (issue 11)", async () => {
    // The demo date lies in a running quarter: the default is the quarter before it.
    const [year, month] = demo.app.asOf.split("-").map(Number) as [number, number];
    const q = Math.ceil(month / 3);
    const last = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    for (const heading of ["Kritieke prestatie-indicatoren", "Kwartaalrapport"]) {
      await openMonitorPage(page, heading, heading);
      const field = page.getByLabel("Kwartaal", { exact: true });
      expect(await field.evaluate((el) => el.tagName)).toBe("SELECT");
      expect(await field.inputValue()).toBe(last);
      const labels = await field.locator("option").allTextContents();
      expect(labels[0]).toBe(`${year}-K${q} (loopt nog)`);
      expect(labels[1]).toBe(last.replace("-Q", "-K"));
    }
  });

  it("names every 'Toon als tabel' button after its own chart (issue 11)", async () => {
    await openMonitorPage(page, "Peildatum", "Monitor");
    const names = await page
      .getByRole("button", { name: /^Toon als tabel/ })
      .evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? "").trim()));
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^Toon als tabel: .+/);
  });

  it("links the cases behind a KPI to their case file", async () => {
    // The running quarter, chosen in the list (the page opens on the last completed one).
    const running = `${demo.app.asOf.slice(0, 4)}-Q${Math.ceil(Number(demo.app.asOf.slice(5, 7)) / 3)}`;
    await openMonitorPage(page, "Kritieke prestatie-indicatoren", "Kritieke prestatie-indicatoren");
    await page.getByLabel("Kwartaal", { exact: true }).selectOption(running);
    await page.getByRole("button", { name: "Toon indicatoren" }).click();
    await settled(page);
    const links = page.locator('a[href^="/casussen/"]');
    await links.first().waitFor({ state: "attached" });
    const report = await page.evaluate<{ kpis: { cases: { case_id: string }[] | null }[] }>(
      `fetch("/api/monitor/kpis?quarter=${demo.app.asOf.slice(0, 4)}-Q${Math.ceil(Number(demo.app.asOf.slice(5, 7)) / 3)}").then((r) => r.json())`,
    );
    const ids = [...new Set(report.kpis.flatMap((k) => (k.cases ?? []).map((c) => c.case_id)))];
    // The demo's leerplicht officer takes part in cases, so the list is not empty.
    expect(ids.length).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect([...new Set(hrefs)].sort()).toEqual(ids.map((id) => `/casussen/${id}`).sort());
  });
});

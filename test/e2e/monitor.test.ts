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
import { axeViolations, openPage } from "./support/browser.ts";
import { logInAs } from "./support/demo-app.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { openPageAs } from "./support/login.ts";

interface MonitorRow {
  group: string;
  measure: string;
  count: number | null;
}

/** The monitor pages a policy officer has, with what each shows once loaded. */
const POLICY_PAGES = [
  { path: "/monitor", heading: "Monitor" },
  { path: "/monitor/trends", heading: "Trends per kwartaal" },
  { path: "/monitor/kpi", heading: "Kritieke prestatie-indicatoren" },
  { path: "/monitor/kwartaalrapport", heading: "Kwartaalrapport" },
  { path: "/monitor/oud-thuiszitters", heading: "Oud-thuiszitters" },
  { path: "/monitor/leerplichttelling", heading: "Leerplichttelling en jaarverslag" },
];

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

describe("monitor for a policy officer", () => {
  let page: Page;
  let personIds: string[];
  let personNames: string[];
  const monitorBodies: string[] = [];

  beforeAll(async () => {
    page = await openPage(demo.browser, `${demo.app.url}/inloggen`);
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

  afterAll(async () => {
    await page?.context().close();
  });

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

  it("has no pupil id or name on any monitor page, nor in any monitor answer", async () => {
    for (const { path, heading } of POLICY_PAGES) {
      await page.goto(`${demo.app.url}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await settled(page);
      // Open every table alternative, so their cells are in the page too.
      for (const button of await page.getByRole("button", { name: "Toon als tabel" }).all()) {
        await button.click();
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

  it("passes axe on every monitor page, charts included", async () => {
    for (const { path, heading } of POLICY_PAGES) {
      await page.goto(`${demo.app.url}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await settled(page);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it("does not offer the comparison of pupil lists to policy roles", async () => {
    await page.goto(`${demo.app.url}/monitor`);
    const sub = page.getByRole("navigation", { name: "Onderdelen van de monitor" });
    await sub.waitFor();
    expect(await sub.getByRole("link").allTextContents()).toEqual([
      "Peildatum",
      "Trends per kwartaal",
      "Kritieke prestatie-indicatoren",
      "Kwartaalrapport",
      "Oud-thuiszitters",
      "Leerplichttelling",
    ]);
    await page.goto(`${demo.app.url}/monitor/lijsten-vergelijken`);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
  });

  it("prints the quarterly report without navigation, with its tables", async () => {
    await page.goto(`${demo.app.url}/monitor/kwartaalrapport`);
    await page.getByRole("heading", { level: 1, name: "Kwartaalrapport" }).waitFor();
    await settled(page);
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
  let page: Page;

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "leerplicht");
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it("compares an uploaded list with the register, as the API does, with reasons", async () => {
    await page.goto(`${demo.app.url}/monitor/lijsten-vergelijken`);
    await page.getByRole("heading", { level: 1, name: "Lijsten vergelijken" }).waitFor();
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
    await page.goto(`${demo.app.url}/monitor/oud-thuiszitters`);
    await page.getByRole("heading", { level: 1, name: "Oud-thuiszitters" }).waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${demo.app.url}/monitor/kpi`);
    await page.getByRole("heading", { level: 1, name: "Kritieke prestatie-indicatoren" }).waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("chooses the quarter from a list, the last completed one by default (issue 11)", async () => {
    // The demo date lies in a running quarter: the default is the quarter before it.
    const [year, month] = demo.app.asOf.split("-").map(Number) as [number, number];
    const q = Math.ceil(month / 3);
    const last = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    for (const [path, heading] of [
      ["/monitor/kpi", "Kritieke prestatie-indicatoren"],
      ["/monitor/kwartaalrapport", "Kwartaalrapport"],
    ] as const) {
      await page.goto(`${demo.app.url}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      const field = page.getByLabel("Kwartaal", { exact: true });
      expect(await field.evaluate((el) => el.tagName)).toBe("SELECT");
      expect(await field.inputValue()).toBe(last);
      const labels = await field.locator("option").allTextContents();
      expect(labels[0]).toBe(`${year}-K${q} (loopt nog)`);
      expect(labels[1]).toBe(last.replace("-Q", "-K"));
    }
  });

  it("names every 'Toon als tabel' button after its own chart (issue 11)", async () => {
    await page.goto(`${demo.app.url}/monitor`);
    await page.getByRole("heading", { level: 1, name: "Monitor" }).waitFor();
    await settled(page);
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
    await page.goto(`${demo.app.url}/monitor/kpi`);
    await page.getByRole("heading", { level: 1, name: "Kritieke prestatie-indicatoren" }).waitFor();
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

// Saves PNG screenshots of the monitor's screens into docs/screenshots/ (run with
// `node --disable-warning=ExperimentalWarning test/e2e/screenshots-monitor.ts`), taken in
// Debian's Chromium against a small synthetic demo region: the policy officer's dashboard,
// its table alternative, the trend, the KPIs, the quarterly report (also as printed) and, as
// leerplicht, the reconciliation of an uploaded list.
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { generateDemoRegion } from "../../src/demo/generate.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { logInAs, startDemoApp } from "./support/demo-app.ts";
import { REPO_ROOT } from "./support/paths.ts";

const OUT_DIR = join(REPO_ROOT, "docs/screenshots");

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const app = await startDemoApp();
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, `${app.url}/inloggen`);
    await logInAs(page, app.url, "beleid");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Monitor" })
      .click();
    await page
      .getByRole("heading", { level: 2, name: "Signalen per code" })
      .waitFor({ timeout: 120_000 });
    await page.locator(".recharts-surface").first().waitFor();
    await shoot(page, "monitor-dashboard.png");

    const thuiszitters = page.getByTestId("monitor-section-thuiszitters");
    await thuiszitters.getByRole("button", { name: "Toon als tabel" }).click();
    await shoot(page, "monitor-dashboard-table.png", thuiszitters);

    await page.getByRole("link", { name: "Trends per kwartaal" }).click();
    await page.getByTestId("monitor-trend").waitFor({ timeout: 120_000 });
    await page.locator(".recharts-surface").first().waitFor();
    await shoot(page, "monitor-trends.png");

    await page
      .getByRole("navigation", { name: "Onderdelen van de monitor" })
      .getByRole("link", { name: "Kritieke prestatie-indicatoren" })
      .click();
    await page.getByTestId("monitor-kpis").waitFor({ timeout: 120_000 });
    await shoot(page, "monitor-kpis.png");

    await page.getByRole("link", { name: "Kwartaalrapport" }).click();
    await page.getByTestId("monitor-trend").first().waitFor({ timeout: 120_000 });
    await shoot(page, "monitor-report.png");
    await page.emulateMedia({ media: "print" });
    await shoot(page, "monitor-report-print.png");
    // MONITOR_REPORT_PDF=file.pdf also saves the report as Chromium prints it (A4).
    if (process.env.MONITOR_REPORT_PDF) {
      await page.pdf({ path: process.env.MONITOR_REPORT_PDF, format: "A4", printBackground: true });
    }
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("link", { name: "Oud-thuiszitters" }).click();
    await page.getByTestId("monitor-cohort").waitFor({ timeout: 120_000 });
    await page.locator(".recharts-surface").first().waitFor();
    await shoot(page, "monitor-former-thuiszitters.png");

    await page.getByRole("link", { name: "Leerplichttelling" }).click();
    await page.getByTestId("monitor-telling").waitFor({ timeout: 120_000 });
    await shoot(page, "monitor-leerplichttelling.png");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((url) => url.pathname === "/inloggen");
    await logInAs(page, app.url, "leerplicht");
    await page.goto(`${app.url}/monitor/lijsten-vergelijken`);
    await page.getByRole("heading", { level: 1, name: "Lijsten vergelijken" }).waitFor();
    // Until the server offers the comparison the page says "nog niet beschikbaar" instead.
    await page.locator("#reconcile-file, .utrecht-alert").first().waitFor();
    if ((await page.locator("#reconcile-file").count()) === 0) {
      await shoot(page, "monitor-reconciliation.png");
      return;
    }
    const list = join(tmpdir(), "thuiszitterslijst.csv");
    // The demo's own pupils (same size and seed as support/demo-app.ts) and one unknown number.
    const region = generateDemoRegion({ pupils: 400, seed: 1 });
    const ids = region.pupils.slice(0, 40).map((p) => p.pupilId);
    await writeFile(list, `pupil_id;opmerking\n${ids.join(";\n")};\nP999999;niet bekend\n`);
    await page.getByLabel("Thuiszitterslijst (CSV)").setInputFiles(list);
    await page.getByRole("button", { name: "Vergelijk" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Uitkomst van de vergelijking" })
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    await shoot(page, "monitor-reconciliation.png");
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function shoot(
  page: Page,
  name: string,
  element?: ReturnType<Page["getByTestId"]>,
): Promise<void> {
  const path = join(OUT_DIR, name);
  if (element) await element.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

await main();

// The privacy officer's start page (issue 18): besides the latest audit activity it shows the
// retention procedure's last runs — figures per data class, never whose data — as a table that
// exports; the demo holds one dry run at its date. axe finds nothing.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { openPageAs } from "./support/login.ts";

describe("retention runs on the privacy officer's start page", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPageAs(demo.browser, demo.app.url, "privacy");
  }, 600_000);

  it("lists the demo's dry run with what it found, in a table that exports", async () => {
    await page.getByRole("heading", { level: 3, name: "Bewaartermijnen" }).waitFor();
    const table = page.getByRole("table", {
      name: "Laatste keren dat de bewaartermijnen zijn toegepast",
    });
    await table.waitFor();
    const row = table.getByRole("row").filter({ hasText: "proef (niets verwijderd)" });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("klaar");
    expect(await row.textContent()).toContain("niets over de termijn");
    expect(await page.getByRole("button", { name: /CSV/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

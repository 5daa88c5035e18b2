// The login page in a real browser: it renders in Dutch with its landmarks, passes axe without a
// single violation, checks its fields itself before anything is sent, and runs under the
// server's Content-Security-Policy without the browser blocking anything. The app is served from
// the test's process (startInProcessApp: what `serve` builds, headers and all); session.test.ts
// runs against the binary.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startInProcessApp } from "./support/app-server.ts";
import { axeViolations, focusedElementId, launchBrowser, openPage } from "./support/browser.ts";

describe("login page", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startInProcessApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("renders in Dutch, with its landmarks and labelled fields", async () => {
    page = await openPage(browser, `${app.url}/inloggen`);
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await expect.poll(() => page.title()).toBe("Inloggen – Aanwezig");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inloggen");
    expect(await page.getByRole("banner").count()).toBe(1);
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await page.getByRole("contentinfo").count()).toBe(1);
    expect(await page.getByLabel("E-mailadres").getAttribute("type")).toBe("email");
    expect(await page.getByLabel("Wachtwoord").getAttribute("type")).toBe("password");
    // Logged out, there is no navigation to sections the visitor cannot open.
    expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).count()).toBe(0);
  });

  it("has no axe violations (WCAG 2.2 AA and best practices)", async () => {
    await page.getByRole("button", { name: "Inloggen" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("starts with a skip link to the main content", async () => {
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de hoofdinhoud" });
    expect(await skip.getAttribute("href")).toBe("#inhoud");
    expect(await page.evaluate<string>("document.activeElement.textContent")).toBe(
      "Naar de hoofdinhoud",
    );
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await focusedElementId(page)).toBe("inhoud");
  });

  it("shows Dutch messages beside empty fields and focuses the first", async () => {
    await page.getByRole("button", { name: "Inloggen" }).click();

    const email = page.getByLabel("E-mailadres");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    const emailError = await email.getAttribute("aria-describedby");
    expect(await page.locator(`#${emailError}`).textContent()).toBe("Vul uw e-mailadres in.");
    const password = page.getByLabel("Wachtwoord");
    const passwordError = await password.getAttribute("aria-describedby");
    expect(await page.locator(`#${passwordError}`).textContent()).toBe("Vul uw wachtwoord in.");
    expect(await focusedElementId(page)).toBe("login-email");

    // The page with its error messages is as accessible as without them.
    expect(await axeViolations(page)).toEqual([]);
  });

  it("replaces the message as the user corrects the field", async () => {
    const email = page.getByLabel("E-mailadres");
    await email.fill("zorgcoordinator");
    await expect
      .poll(() => page.locator("#login-email-error").textContent())
      .toBe("Vul een geldig e-mailadres in, zoals naam@school.nl.");
    await email.fill("zorgcoordinator@school.nl");
    await expect.poll(() => page.locator("#login-email-error").count()).toBe(0);
    expect(await email.getAttribute("aria-invalid")).toBeNull();
    // The password is still empty, so its message stays.
    expect(await page.locator("#login-password-error").textContent()).toBe("Vul uw wachtwoord in.");
  });

  it("renders under the Content-Security-Policy without a single violation", async () => {
    // The file's page, loaded anew with the listeners in place (a context of its own would add
    // only a renderer start: the app keeps nothing between page loads).
    const csp = page;
    const blocked: string[] = [];
    csp.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) blocked.push(message.text());
    });
    // Injected through the DevTools protocol, so the policy does not stop the listener itself.
    await csp.addInitScript(`
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violations.push(e.violatedDirective + " " + e.blockedURI));
    `);
    const response = await csp.goto(`${app.url}/inloggen`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await csp.getByRole("button", { name: "Inloggen" }).waitFor();
    await csp.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => csp.locator("#login-email-error").count()).toBe(1);
    expect(await csp.evaluate<string[]>("window.__violations")).toEqual([]);
    expect(blocked).toEqual([]);
  });
});

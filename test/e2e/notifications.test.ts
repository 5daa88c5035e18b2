// Notifications in a real browser on a fresh demo database (issue 16 items 2 and 3): the demo's
// daily run raised notifications; the care coordinator sees the bell's unread count, opens
// /meldingen, marks one read (the count drops) and turns one kind of e-mail off; the parent finds
// their own kinds (e-mail off until chosen), chooses e-mail for leave decisions, and sees the
// letters about their child on /mijn-kind; the application administrator saves the region's mail
// server on Beheer → E-mail (the password is never shown back) and sees the mails waiting in the
// outbox. axe finds nothing on any of these screens.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe("notifications", () => {
  const demo = demoAppAndBrowser();
  let page: Page;

  beforeAll(async () => {
    // One page for the file, logged in as each account in turn (logInAs clears the cookies).
    page = await newBlankPage(demo.browser);
  }, 600_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await page.screenshot({ path: `/tmp/notifications-${context.task.name.slice(0, 20)}.png` });
    }
  });

  it("shows the coordinator their unread notifications and keeps their e-mail choice", async () => {
    const coordinator = await apiSession(demo.app.url, "zorgcoordinator");
    const mine = (await coordinator.call("GET", "/api/notifications")).body as {
      subject: string;
      read: boolean;
    }[];
    const unread = mine.filter((n) => !n.read).length;
    expect(unread).toBeGreaterThan(1);

    await logInAs(page, demo.app.url, "zorgcoordinator");
    const bell = page.getByTestId("notification-bell");
    await poll(() => bell.textContent()).toContain(`Meldingen (${unread} ongelezen)`);
    await bell.click();
    await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    await poll(() => page.getByTestId("unread-count").textContent()).toBe(
      `U hebt ${unread} ongelezen meldingen.`,
    );
    expect(await axeViolations(page)).toEqual([]);

    const first = page.getByTestId("notification").first();
    const subject = (await first.getByRole("heading").textContent()) ?? "";
    await first.getByRole("button", { name: /^Markeer als gelezen/ }).click();
    await poll(() => page.getByTestId("unread-count").textContent()).toContain(
      unread - 1 === 1 ? "1 ongelezen melding." : `${unread - 1} ongelezen meldingen.`,
    );
    await poll(() => bell.textContent()).toContain(`(${unread - 1} ongelezen)`);
    // No child's name in any notification (they go out by e-mail as they are).
    expect(subject).not.toMatch(/^\s*$/);
    const body = (await page.locator("main").textContent()) ?? "";
    const pupils = (await coordinator.call("GET", "/api/cases")).body as { pupil_name: string }[];
    for (const p of pupils) expect(body).not.toContain(p.pupil_name);

    const digest = page.getByLabel("nieuwe signalen op mijn school (één bericht per dag)");
    expect(await digest.isChecked()).toBe(true);
    await digest.uncheck();
    await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
    await poll(() => page.getByRole("status").last().textContent()).toBe(
      "Uw voorkeuren zijn opgeslagen.",
    );
    const saved = (await coordinator.call("GET", "/api/me/notification-preferences")).body as {
      kinds: { kind: string; email: boolean }[];
    };
    expect(saved.kinds).toContainEqual({ kind: "signal_digest", email: false });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets a parent choose e-mail for their own notifications and shows the letters about their child", async () => {
    await logInAs(page, demo.app.url, "ouder", { path: "/mijn-kind" });
    const letters = page.getByTestId("parent-letters");
    await letters.getByRole("heading", { name: "Brieven over uw kind" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId("notification-bell").click();
    const leave = page.getByLabel("een besluit over verlof");
    await leave.waitFor();
    expect(await leave.isChecked()).toBe(false);
    expect(await page.getByLabel("een vraag om mijn toestemming").isChecked()).toBe(false);
    expect(
      await page.getByLabel("nieuwe signalen op mijn school (één bericht per dag)").count(),
    ).toBe(0);
    await leave.check();
    await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
    await poll(() => page.getByRole("status").last().textContent()).toBe(
      "Uw voorkeuren zijn opgeslagen.",
    );
    const parent = await apiSession(demo.app.url, "ouder");
    const saved = (await parent.call("GET", "/api/me/notification-preferences")).body as {
      kinds: { kind: string; email: boolean }[];
    };
    expect(saved.kinds).toContainEqual({ kind: "parent_leave_decided", email: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the administrator set the region's mail server and see the outbox", async () => {
    await logInAs(page, demo.app.url, "beheer", { path: "/beheer/e-mail" });
    await page.getByRole("heading", { name: "Mailserver" }).waitFor();
    expect(await page.getByTestId("mail-in-force").textContent()).toContain(
      "Er is nog geen mailserver",
    );
    await page.getByLabel("Server (hostnaam)").fill("smtp.rivierland.example");
    await page.getByLabel("Poort").fill("587");
    await page.getByLabel("Gebruikersnaam (leeg: zonder inloggen)").fill("aanwezig");
    await page.getByLabel("Wachtwoord").fill("geheim-smtp-wachtwoord");
    await page.getByLabel("Afzender").fill("geen adres");
    await page.getByRole("button", { name: "Mailserver opslaan" }).click();
    await poll(() => page.locator("#mail-from-error").textContent()).toContain(
      "afzender: vul een e-mailadres in",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Afzender").fill("Aanwezig Rivierland <noreply@rivierland.example>");
    await page.getByRole("button", { name: "Mailserver opslaan" }).click();
    await poll(() => page.getByTestId("mail-in-force").textContent()).toContain(
      "smtp.rivierland.example:587 uit deze instellingen",
    );
    await poll(() => page.locator("main").textContent()).toContain(
      "Er is een wachtwoord opgeslagen.",
    );
    expect(await page.getByLabel("Wachtwoord").inputValue()).toBe("");
    expect(await page.content()).not.toContain("geheim-smtp-wachtwoord");

    // The demo's daily run raised notifications before any server was set: they wait, not lost.
    await page.getByRole("heading", { name: "Wachtrij en mislukte e-mails" }).waitFor();
    await poll(() => page.locator("main").textContent()).toContain("Wacht op verzending");
    expect(await axeViolations(page)).toEqual([]);
  });
});

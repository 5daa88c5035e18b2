// The case file's further forms in a real browser on a fresh demo database (domain.md §5–§6):
// on the demo's case in the CASE_DIRECTOR phase the case director records the week-8
// breakthrough decision, a meeting whose decision becomes a plan action, a participant (and
// sees the refusal for a partner without consent (b)), a step on the ladder and a frictiebudget
// commitment; the case file shows each result. axe finds nothing with the forms open. The care
// coordinator of the pupil's school, a teacher and a parent are offered none of the director's
// forms.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiSession } from "./support/api-session.ts";
import { axeViolations, focusedElementId } from "./support/browser.ts";
import { demoAppAndBrowser } from "./support/demo-browser.ts";
import { logInAs, newBlankPage } from "./support/login.ts";

/** The shared two-core machine is slow under load: give the screen time to refresh. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** The buttons that open the case director's forms of this file. */
const DIRECTOR_FORMS = [
  "Besluit week 8 vastleggen",
  "Afschalen",
  "Deelnemer toevoegen",
  "Deelname beëindigen",
  "Frictiebudget toezeggen",
];

describe("case file: the further forms", () => {
  const demo = demoAppAndBrowser();
  let page: Page;
  let caseId = "";

  beforeAll(async () => {
    // The demo's case held by the case director, with the week-8 decision still open.
    const director = await apiSession(demo.app.url, "casusregisseur");
    const cases = (await director.call("GET", "/api/cases")).body as {
      id: string;
      phase: string;
    }[];
    for (const c of cases.filter((x) => x.phase === "CASE_DIRECTOR")) {
      const detail = (await director.call("GET", `/api/cases/${c.id}`)).body;
      if (detail.allowed_actions.includes("breakthrough-check")) caseId = c.id;
    }
    if (!caseId) throw new Error("the demo has no case awaiting the week-8 decision");
    // One page for the file, logged in as each account in turn (logInAs clears the context's
    // cookies first): the school, the teacher and the parent look first, then the case director.
    page = await newBlankPage(demo.browser);
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await page.screenshot({
        path: `/tmp/case-file-more-${context.task.name.slice(0, 20)}.png`,
        fullPage: true,
      });
    }
  });

  const notice = () => page.getByTestId("case-notice").textContent();
  const section = (name: string) => page.locator(`[data-section="${name}"]`);
  const open = async (label: string) => {
    await page.getByRole("button", { name: label, exact: true }).click();
    return page.getByRole("form", { name: label });
  };

  it("offers the care coordinator none of the case director's forms", async () => {
    const coordinator = await apiSession(demo.app.url, "zorgcoordinator");
    const seen = await coordinator.call("GET", `/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    const allowed: string[] = seen.body.allowed_actions;
    const school = page;
    await logInAs(school, demo.app.url, "zorgcoordinator", { path: `/casussen/${caseId}` });
    await school.getByRole("heading", { level: 2, name: "Deelnemers" }).waitFor();
    expect(await school.getByTestId("user-roles").textContent()).toBe("Zorgcoördinator");
    // The steering of domain.md §5–§6 is the case director's: the school may not.
    for (const [label, route] of [
      ["Besluit week 8 vastleggen", "breakthrough-check"],
      ["Afschalen", "deescalate"],
      ["Frictiebudget toezeggen", "budget/commitments"],
    ] as const) {
      expect(allowed).not.toContain(route);
      expect(await school.getByRole("button", { name: label }).count(), label).toBe(0);
    }
    // The rest is offered exactly when the server allows it.
    for (const [label, route] of [
      ["Overleg vastleggen", "meetings"],
      ["Trede op de ladder vastleggen", "ladder"],
      ["Deelnemer toevoegen", "participants"],
    ] as const) {
      expect(await school.getByRole("button", { name: label }).count(), label).toBe(
        allowed.includes(route) ? 1 : 0,
      );
    }
  });

  it("offers a teacher none of the director's forms, and a meeting only as the server allows", async () => {
    // The web follows the server's rules (issue 12: capabilities and allowed_actions from the
    // server): a mentor who takes part in the case works on the plan (domain.md §5), nothing more.
    const teacher = page;
    await logInAs(teacher, demo.app.url, "mentor", { path: `/casussen/${caseId}` });
    await teacher.getByRole("heading", { level: 1 }).waitFor();
    for (const label of DIRECTOR_FORMS) {
      expect(await teacher.getByRole("button", { name: label }).count(), label).toBe(0);
    }
    const read = await (await apiSession(demo.app.url, "mentor")).call(
      "GET",
      `/api/cases/${caseId}`,
    );
    const allowed =
      read.status === 200 &&
      (read.body as { allowed_actions: string[] }).allowed_actions.includes("meetings");
    expect(await teacher.getByRole("button", { name: "Overleg vastleggen" }).count()).toBe(
      allowed ? 1 : 0,
    );
  });

  it("offers a parent none of these forms", async () => {
    const mine = (await (await apiSession(demo.app.url, "ouder")).call("GET", "/api/cases"))
      .body as {
      id: string;
    }[];
    const child = mine[0]?.id ?? caseId;
    const parent = page;
    await logInAs(parent, demo.app.url, "ouder", { path: `/casussen/${child}` });
    await parent.getByRole("heading", { level: 1 }).waitFor();
    for (const label of [
      ...DIRECTOR_FORMS,
      "Overleg vastleggen",
      "Trede op de ladder vastleggen",
      "Document toevoegen",
    ]) {
      expect(await parent.getByRole("button", { name: label }).count(), label).toBe(0);
    }
  });

  it("shows the case director's forms without axe violations", async () => {
    await logInAs(page, demo.app.url, "casusregisseur", { path: `/casussen/${caseId}` });
    await page.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    const labels = [
      "Besluit week 8 vastleggen",
      "Overleg vastleggen",
      "Deelnemer toevoegen",
      "Trede op de ladder vastleggen",
      "Frictiebudget toezeggen",
      "Document toevoegen",
    ];
    for (const label of labels) await open(label);
    // The inline errors in Dutch, with focus on the first problem.
    const check = page.getByRole("form", { name: "Besluit week 8 vastleggen" });
    await check.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#breakthrough-check-answer-error").textContent()).toBe(
      "Kies ja of nee.",
    );
    expect(await focusedElementId(page)).toBe("breakthrough-check-answer");
    expect(await axeViolations(page)).toEqual([]);
    for (const label of labels) {
      await page.getByRole("button", { name: `Formulier sluiten: ${label}`, exact: true }).click();
    }
  });

  it("records the week-8 decision: no offer within 4 weeks convenes the breakthrough team", async () => {
    const form = await open("Besluit week 8 vastleggen");
    await form.getByLabel("Wordt binnen 4 weken een passend aanbod verwacht?").selectOption("no");
    await form.getByLabel("Onderbouwing").fill("Wachtlijst jeugd-GGZ: geen plek binnen 4 weken.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe(
      "Het besluit van week 8 is vastgelegd: het doorbraakteam is bijeengeroepen.",
    );
    await poll(() => page.getByTestId("case-summary").textContent()).toContain("Doorbraakteam");
    expect(await page.getByTestId("case-timeline").textContent()).toContain(
      "Besluit week 8: geen passend aanbod verwacht, doorbraakteam nodig",
    );
    // Decided once: the form is no longer offered.
    expect(await page.getByRole("button", { name: "Besluit week 8 vastleggen" }).count()).toBe(0);
  });

  it("records a meeting whose decision becomes an action in the plan", async () => {
    const form = await open("Overleg vastleggen");
    await form.getByLabel("Soort overleg").selectOption("breakthrough_team");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#record-meeting-participants-error").textContent()).toBe(
      "Kies wie erbij waren.",
    );
    await form.getByRole("checkbox", { name: /\(u\)$/ }).check();
    await form
      .getByLabel("Besluit 1", { exact: true })
      .fill("Jeugdteam regelt een overbruggingsplek.");
    await form.getByLabel("Wie voert besluit 1 uit?").selectOption({ index: 1 });
    await form.getByLabel("Besluit 1 uiterlijk op").fill("2099-02-28");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("Het overleg is vastgelegd.");
    await poll(() => section("meetings").textContent()).toContain(
      "Jeugdteam regelt een overbruggingsplek.",
    );
    expect(await section("meetings").textContent()).toContain("Doorbraakteam");
    expect(await page.getByTestId("case-actions").textContent()).toContain(
      "Jeugdteam regelt een overbruggingsplek.",
    );
  });

  it("adds a participant, and shows the refusal for a partner without consent (b)", async () => {
    const swv = (await apiSession(demo.app.url, "swv")).me.user.id;
    const head = (await apiSession(demo.app.url, "schooldirectie")).me.user.id;
    let form = await open("Deelnemer toevoegen");
    await form.getByLabel("Rol in de casus").selectOption("partnership_consultant");
    await form.getByLabel("Gebruikers-id van de persoon").fill(swv);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "Voor deze partner is eerst toestemming (b) van de ouders nodig.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole("button", { name: "Formulier sluiten: Deelnemer toevoegen", exact: true })
      .click();

    form = await open("Deelnemer toevoegen");
    await form.getByLabel("Rol in de casus").selectOption("school_head");
    await form.getByLabel("Gebruikers-id van de persoon").fill(head);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De deelnemer is toegevoegd aan de casus.");
    await poll(() => page.getByTestId("case-participants").textContent()).toContain(
      "Schooldirectie",
    );
  });

  it("records a step up the ladder, with the reason it needs", async () => {
    const form = await open("Trede op de ladder vastleggen");
    await form.getByLabel("Situatie").selectOption("chaotic");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#record-ladder-reason-error").textContent()).toBe(
      "Licht toe waarom de casus hoger op de ladder komt.",
    );
    await form.getByLabel("Werkwijze").selectOption("assertive_direction");
    await form.getByLabel("Toelichting").fill("Geen zicht op een oplossing binnen de termijn.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De trede op de ladder is vastgelegd.");
    await poll(() => section("ladder").textContent()).toContain(
      "Geen zicht op een oplossing binnen de termijn.",
    );
    expect(await section("ladder").textContent()).toContain("Chaotisch");
    expect(await section("ladder").textContent()).toContain("Assertieve regie");
  });

  it("commits frictiebudget to the case", async () => {
    const form = await open("Frictiebudget toezeggen");
    await form.getByLabel("Bedrag in euro").fill("twaalf");
    await form.getByLabel("Waarvoor").fill("Vervoer naar de overbruggingsplek");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#commit-budget-amount-error").textContent()).toBe(
      "Vul een bedrag in euro in, groter dan 0 en hoogstens 1.000.000.",
    );
    await form.getByLabel("Bedrag in euro").fill("1.250,50");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("Het frictiebudget is toegezegd aan de casus.");
    await poll(() => section("budget").textContent()).toContain(
      "Vervoer naar de overbruggingsplek",
    );
    expect(await section("budget").textContent()).toContain("1.250,50");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("attributes and reverses budget, resolves stagnation, ends a participation", async () => {
    // Who should have paid: the shares must add up to the commitment.
    let form = await open("Toerekenen wie had moeten betalen");
    const commitment = form.getByLabel("Toezegging");
    const option = commitment.locator("option", { hasText: "Vervoer naar de overbruggingsplek" });
    await commitment.selectOption((await option.getAttribute("value")) ?? "");
    await form.getByLabel("Gemeente (naam)").fill("Demostad");
    await form.getByLabel("Deel van de gemeente in euro").fill("600");
    await form.getByLabel("Samenwerkingsverband (code)").fill("SWV-DEMO");
    await form.getByLabel("Deel van het samenwerkingsverband in euro").fill("600");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#attribute-budget-partnershipAmount-error").textContent()).toMatch(
      /^De delen moeten samen €\s1\.250,50 zijn\.$/,
    );
    await form.getByLabel("Deel van het samenwerkingsverband in euro").fill("650,50");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De toerekening is vastgelegd.");
    await poll(() => section("budget").textContent()).toContain("Toerekening");

    form = await open("Post terugboeken");
    const entry = form.getByLabel("Welke post");
    const toReverse = entry.locator("option", { hasText: /^Toerekening/ });
    await entry.selectOption((await toReverse.getAttribute("value")) ?? "");
    await form.getByLabel("Reden").fill("Verkeerd verdeeld.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De post is teruggeboekt.");
    await poll(() => section("budget").textContent()).toContain("Terugboeking");

    form = await open("Stagnatie opgelost");
    await form.getByLabel("Welke stagnatie").selectOption({ index: 1 });
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De stagnatie is opgelost.");
    await poll(() => page.getByTestId("case-timeline").textContent()).toContain(
      "Stagnatie opgelost",
    );

    form = await open("Deelname beëindigen");
    const who = form.getByLabel("Welke deelnemer");
    const head = who.locator("option", { hasText: /^Schooldirectie/ });
    await who.selectOption((await head.getAttribute("value")) ?? "");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De deelname is beëindigd.");
    const row = page.getByTestId("case-participants").getByRole("row", { name: /Schooldirectie/ });
    await poll(() => row.locator("td").last().textContent()).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  });

  it("attaches a document for professionals and parents", async () => {
    const form = await open("Document toevoegen");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#upload-document-file-error").textContent()).toBe(
      "Kies een bestand.",
    );
    await form.getByLabel("Bestand").setInputFiles({
      name: "Verslag overleg doorbraakteam.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Synthetisch verslag van het overleg (demotekst)."),
    });
    await form.getByLabel("Zichtbaar voor").selectOption("also_parents");
    await poll(() => page.locator("#upload-document-file-error").count()).toBe(0);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("Het document is toegevoegd.");
    await poll(() => section("documents").textContent()).toContain(
      "Verslag overleg doorbraakteam.txt",
    );
    expect(await section("documents").textContent()).toContain("Ook ouders");
  });

  it("de-escalates the case and records that the offer started", async () => {
    let form = await open("Afschalen");
    await form.getByLabel("Naar fase").selectOption("CASE_DIRECTOR");
    await form
      .getByLabel("Reden")
      .fill("Overbruggingsplek gevonden; regie weer bij de casusregisseur.");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De casus is afgeschaald.");
    await poll(() => page.getByTestId("case-summary").textContent()).toContain("Casusregisseur");

    form = await open("Start passend aanbod vastleggen");
    await form.getByLabel("Gestart op").fill("2099-01-01");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    expect(await page.locator("#offer-started-error").textContent()).toBe(
      "Deze datum ligt in de toekomst; leg de start vast als het aanbod gestart is.",
    );
    await form.getByLabel("Gestart op").fill(demo.app.asOf);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De start van het passend aanbod is vastgelegd.");
    await poll(() => page.getByTestId("case-timeline").textContent()).toContain(
      "Passend aanbod gestart",
    );
  });

  it("records the arbitration ruling the parents refuse and refers the case to the OM", async () => {
    const director = await apiSession(demo.app.url, "casusregisseur");
    const cases = (await director.call("GET", "/api/cases")).body as {
      id: string;
      phase: string;
    }[];
    const arbitration = cases.find((c) => c.phase === "ARBITRATION");
    expect(arbitration).toBeDefined();
    await page.goto(`${demo.app.url}/casussen/${arbitration?.id}`);
    await page.getByRole("heading", { level: 2, name: "Wat u kunt doen" }).waitFor();
    let form = await open("Uitspraak arbitrage vastleggen");
    await form
      .getByLabel("Uitspraak van de commissie")
      .fill("De leerling start binnen 2 weken op de voorgestelde school.");
    await form.getByLabel("Aanvaarden de ouders de uitspraak?").selectOption("no");
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De uitspraak van de arbitragecommissie is vastgelegd.");
    await poll(() => section("arbitration").textContent()).toContain(
      "De leerling start binnen 2 weken op de voorgestelde school.",
    );

    form = await open("Doorverwijzen naar het Openbaar Ministerie");
    await form.getByLabel("Route").selectOption("civil");
    await form.getByLabel("Reden").fill("Ouders weigeren de bindende uitspraak.");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Vastleggen" }).click();
    await poll(notice).toBe("De casus is doorverwezen naar het Openbaar Ministerie.");
    await poll(() => page.getByTestId("case-summary").textContent()).toContain(
      "Openbaar Ministerie",
    );
  });
});

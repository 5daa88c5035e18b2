import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { login } from "../../test/support/test-app.ts";
import type { Database } from "../db/connect.ts";
import { loadAllCases } from "../db/repositories/cases.ts";
import { eventsOfCase } from "../db/repositories/cases-events.ts";
import { loadSchoolCalendar } from "../db/repositories/cases-pupil.ts";
import { loadPlan } from "../db/repositories/plan.ts";
import { DEMO_AS_OF_KEY, readSetting } from "../db/repositories/settings.ts";
import { CONSENT_PURPOSES } from "../domain/cases/consent.ts";
import { caseDeadlines } from "../domain/cases/deadlines.ts";
import { CASE_PHASES } from "../domain/cases/model.ts";
import { buildApp } from "../http/app.ts";
import { DEMO_CASE_NAMES, pickDemoPupils } from "./case-script.ts";
import { DEMO_CASES_AS_OF } from "./cases.ts";
import { DEFAULT_DEMO_PUPILS, DEFAULT_DEMO_SEED } from "./config.ts";
import { type FullDemoResult, writeFullDemo } from "./fill.ts";
import { generateDemoRegion } from "./generate.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountName, demoEmail } from "./users.ts";

// 400 pupils: the smallest size used here whose first school has a pupil for every case
// (pickDemoPupils leaves a case out when the region is too small).
const OPTIONS = { pupils: 400, seed: 1 };

async function rows<T>(db: Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.sql.query<T>(sql, params);
}

/** What must be equal between two runs: per pupil, the case's phase and its history. */
async function caseFingerprint(db: Database) {
  const cases = await loadAllCases(db.orm);
  return cases
    .map((c) => ({
      pupilId: c.pupilId,
      phase: c.phase,
      absenceStart: c.absenceStartDate,
      history: c.history.map((h) => `${h.at} ${h.command} ${h.from}→${h.to} ${h.basis}`),
      flags: c.stagnationFlags.map((f) => `${f.flaggedAt} ${f.cause}`),
      breach: c.threeMonthBreachMarkedAt ?? null,
      closing: c.closing ?? null,
    }))
    .sort((a, b) => (a.pupilId < b.pupilId ? -1 : 1));
}

describe("the demo's case pupils", () => {
  it("are distinct residents of the region, enrolled at the first school over the case's dates", () => {
    for (const options of [OPTIONS, { pupils: DEFAULT_DEMO_PUPILS, seed: DEFAULT_DEMO_SEED }]) {
      const region = generateDemoRegion(options);
      const picked = pickDemoPupils(region, DEMO_CASES_AS_OF);
      expect(Object.keys(picked.byCase).sort(), `${options.pupils}`).toEqual(
        [...DEMO_CASE_NAMES].sort(),
      );
      const school = region.schools[0]?.schoolId;
      const regional = new Set(region.municipalities.map((m) => m.name));
      const choices = Object.values(picked.byCase);
      expect(new Set(choices.map((c) => c.pupilId)).size).toBe(choices.length);
      for (const choice of choices) {
        const pupil = region.pupils.find((p) => p.pupilId === choice.pupilId);
        expect(regional.has(pupil?.municipality ?? "")).toBe(true);
        expect(choice.absenceStart < DEMO_CASES_AS_OF).toBe(true);
        const enrolled = region.enrolments.some(
          (e) =>
            e.pupilId === choice.pupilId &&
            e.schoolId === school &&
            e.startDate <= choice.absenceStart &&
            (e.endDate === null || e.endDate >= DEMO_CASES_AS_OF),
        );
        expect(enrolled, choice.pupilId).toBe(true);
        if (choice.story) expect(choice.story.startDate).toBe(choice.absenceStart);
      }
      expect(picked.parentCase).toBe(picked.byCase.breakthrough?.pupilId);
      // Deterministic: the same region gives the same pupils and dates.
      expect(pickDemoPupils(region, DEMO_CASES_AS_OF)).toEqual(picked);
    }
  });
});

describe.each(engines())("the demo's accounts and cases on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let demo: FullDemoResult;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    demo = await writeFullDemo(db, OPTIONS);
  });
  afterAll(async () => dispose());

  it("has a case in every phase of domain.md §5, counted in the result", async () => {
    const byPhase = await rows<{ phase: string; n: string }>(
      db,
      "select phase, count(*) as n from cases group by phase",
    );
    const counts = Object.fromEntries(byPhase.map((r) => [r.phase, Number(r.n)]));
    for (const phase of CASE_PHASES) expect(counts[phase], phase).toBeGreaterThanOrEqual(1);
    expect(demo.cases.byPhase).toEqual(counts);
    expect(demo.cases.total).toBe(Object.values(counts).reduce((s, n) => s + n, 0));
    expect(demo.accounts).toBe(Object.keys(DEMO_ACCOUNTS).length);
  });

  it("freezes the database's domain date at the demo date", async () => {
    expect(await readSetting(db.orm, DEMO_AS_OF_KEY)).toBe(DEMO_CASES_AS_OF);
    expect(demo.asOf).toBe(DEMO_CASES_AS_OF);
  });

  it("records consent given and refused for every purpose", async () => {
    const decided = await rows<{ purpose: string; decision: string }>(
      db,
      "select distinct purpose, decision from consent_records",
    );
    for (const purpose of CONSENT_PURPOSES) {
      const decisions = decided.filter((d) => d.purpose === purpose).map((d) => d.decision);
      expect(decisions, purpose).toEqual(expect.arrayContaining(["given", "refused"]));
    }
  });

  it("records leerplicht's MAS steps through the command, in a case and without one", async () => {
    const steps = await rows<{ kind: string; in_case: boolean; n: string }>(
      db,
      `select kind, case_id is not null as in_case, count(*) as n from mas_steps
       group by kind, case_id is not null`,
    );
    const inCase = steps.filter((r) => r.in_case).map((r) => r.kind);
    const without = steps.filter((r) => !r.in_case).map((r) => r.kind);
    expect(inCase).toEqual(expect.arrayContaining(["warning", "official_report"]));
    expect(without).toEqual(expect.arrayContaining(["conversation_held", "outcome"]));
    const audited = await rows<{ n: string }>(
      db,
      "select count(*) as n from audit_log where action = 'record_mas_step' and outcome = 'allowed'",
    );
    expect(Number(audited[0]?.n)).toBe(steps.reduce((sum, r) => sum + Number(r.n), 0));
  });

  it("has plans, stagnation with causes, a breakthrough agenda, a running arbitration and a referral", async () => {
    const [counts] = await rows<Record<string, string>>(
      db,
      `select
         (select count(distinct case_id) from plan_goals) as goal_cases,
         (select count(*) from plan_actions) as actions,
         (select count(*) from plan_actions where status = 'done') as done_actions,
         (select count(*) from meetings) as meetings,
         (select count(distinct cause) from stagnation_flags) as causes,
         (select count(*) from waiting_list_entries where stagnation_flag_id is not null) as waiting_flags,
         (select count(*) from breakthrough_agenda where meeting_date > $1) as agenda_ahead,
         (select count(*) from breakthrough_team_members where user_id is not null) as team_accounts,
         (select count(*) from arbitrations a join cases c on c.id = a.case_id
            where c.phase = 'ARBITRATION' and a.ruling_text is null) as running_arbitrations,
         (select count(*) from prosecutor_referrals) as referrals,
         (select count(*) from case_documents) as documents,
         (select count(*) from ladder_steps) as ladder_steps`,
      [DEMO_CASES_AS_OF],
    );
    const n = (key: string) => Number(counts?.[key]);
    expect(n("goal_cases")).toBeGreaterThanOrEqual(5);
    expect(n("actions")).toBeGreaterThan(n("done_actions"));
    expect(n("done_actions")).toBeGreaterThan(0);
    expect(n("meetings")).toBeGreaterThan(0);
    expect(n("causes")).toBeGreaterThanOrEqual(3);
    expect(n("waiting_flags")).toBeGreaterThanOrEqual(1);
    expect(n("agenda_ahead")).toBeGreaterThanOrEqual(1);
    expect(n("team_accounts")).toBeGreaterThan(0);
    expect(n("running_arbitrations")).toBe(1);
    expect(n("referrals")).toBe(1);
    expect(n("documents")).toBeGreaterThan(0);
    expect(n("ladder_steps")).toBeGreaterThan(0);
  });

  it("spends and attributes frictiebudget within the contributions", async () => {
    const ledger = await rows<{ kind: string; n: string; cents: string | null }>(
      db,
      "select kind, count(*) as n, sum(amount_cents) as cents from budget_ledger group by kind",
    );
    const of = (kind: string) => ledger.find((l) => l.kind === kind);
    expect(Number(of("commitment")?.n)).toBeGreaterThanOrEqual(2);
    expect(Number(of("attribution")?.n)).toBeGreaterThanOrEqual(1);
    expect(Number(of("contribution")?.cents)).toBeGreaterThan(Number(of("commitment")?.cents));
  });

  it("writes teams, catalogue, waiting lists and contributions the way in: the set-up services, as their owners, audited", async () => {
    const audited = await rows<{ action: string; role: string; route: string; n: string }>(
      db,
      `select action, role, context->>'route' as route, count(*) as n from audit_log
        where action in ('create_breakthrough_team', 'add_team_member', 'create_arrangement',
                         'add_waiting_list_entry', 'record_contribution')
          and context->>'route' = 'cli:demo' 
        group by action, role, context->>'route' order by action, role`,
    );
    const count = (action: string, role: string) =>
      Number(audited.find((a) => a.action === action && a.role === role)?.n ?? 0);
    const teams = await rows<{ n: string }>(db, "select count(*) as n from breakthrough_teams");
    const places = await rows<{ n: string }>(db, "select count(*) as n from arrangements");
    expect(count("create_breakthrough_team", "partnership_consultant")).toBe(Number(teams[0]?.n));
    expect(count("create_arrangement", "partnership_consultant")).toBe(Number(places[0]?.n));
    // The catalogue's own waiting pupils (the cases' waiting lists come from their commands).
    expect(count("add_waiting_list_entry", "partnership_consultant")).toBe(7);
    expect(count("record_contribution", "policy_officer")).toBeGreaterThan(0);
    expect(count("record_contribution", "partnership_consultant")).toBeGreaterThan(0);
  });

  it("has overdue deadlines, a marked 3-month breach and a closed case with its outcome", async () => {
    const cases = await loadAllCases(db.orm);
    expect(cases.some((c) => c.threeMonthBreachMarkedAt !== undefined)).toBe(true);
    let overdue = 0;
    for (const c of cases.filter((x) => x.phase !== "CLOSED")) {
      const calendar = await loadSchoolCalendar(db.orm, c.schoolId);
      if (!calendar) throw new Error("no calendar");
      const deadlines = caseDeadlines(c, calendar, DEMO_CASES_AS_OF, {
        events: await eventsOfCase(db.orm, c.id),
        plan: await loadPlan(db.orm, c.id),
      });
      overdue += deadlines.filter((d) => d.status === "overdue").length;
    }
    expect(overdue).toBeGreaterThan(0);
    const closed = cases.find((c) => c.phase === "CLOSED");
    expect(closed?.closing).toMatchObject({
      outcome: "education_care_arrangement",
      guaranteeHeld: true,
    });
    expect(closed?.offerStartedOn).toBeDefined();
  });

  describe("over HTTP", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ db, oidc: null });
    });
    afterAll(async () => app.close());

    it("lets every demo account log in with the demo password on the frozen date", async () => {
      for (const name of Object.keys(DEMO_ACCOUNTS) as DemoAccountName[]) {
        const { response } = await login(app, demoEmail(name), DEMO_PASSWORD);
        expect(response.statusCode, name).toBe(200);
        const me = response.json();
        const roles = new Set(me.roles.map((r: { role: string }) => r.role));
        expect([...roles], name).toEqual([DEMO_ACCOUNTS[name]]);
        expect(me.today).toBe(DEMO_CASES_AS_OF);
      }
      const wrong = await login(app, demoEmail("beheer"), "niet-het-wachtwoord");
      expect(wrong.response.statusCode).toBe(401);
    });

    it("shows the ouder their child's open case and the professionals theirs", async () => {
      const ouder = await login(app, demoEmail("ouder"), DEMO_PASSWORD);
      const child = ouder.response.json().scopes.pupil_ids[0];
      const list = await app.inject({
        method: "GET",
        url: "/api/cases",
        headers: { cookie: ouder.cookie },
      });
      expect(list.statusCode).toBe(200);
      const seen = list.json() as { pupil_id: string; phase: string }[];
      expect(seen.length).toBeGreaterThanOrEqual(1);
      expect(seen.every((c) => c.pupil_id === child)).toBe(true);
      expect(seen.some((c) => c.phase !== "CLOSED")).toBe(true);

      const visible = async (name: DemoAccountName) => {
        const { cookie } = await login(app, demoEmail(name), DEMO_PASSWORD);
        const r = await app.inject({ method: "GET", url: "/api/cases", headers: { cookie } });
        return (r.json() as unknown[]).length;
      };
      expect(await visible("zorgcoordinator")).toBe(demo.cases.total);
      // All but the school's own case and the closed one (§2: only while the case is open).
      expect(await visible("casusregisseur")).toBeGreaterThanOrEqual(demo.cases.total - 2);
      expect(await visible("mentor")).toBeGreaterThan(0);
      expect(await visible("jeugdteam")).toBeGreaterThan(0);
      expect(await visible("beleid")).toBe(0);
    });
  });

  it("replaces everything when run again: the same cases and phases, fresh accounts", async () => {
    const before = await caseFingerprint(db);
    const [oldOuder] = await rows<{ id: string }>(db, "select id from users where email = $1", [
      demoEmail("ouder"),
    ]);
    const again = await writeFullDemo(db, OPTIONS);
    expect(again.write.replaced).toBe(true);
    expect(await caseFingerprint(db)).toEqual(before);
    expect(again.cases).toEqual(demo.cases);
    const accounts = await rows<{ n: string }>(
      db,
      "select count(*) as n from users where email like '%@demo.aanwezig.nl'",
    );
    expect(Number(accounts[0]?.n)).toBe(Object.keys(DEMO_ACCOUNTS).length);
    const [newOuder] = await rows<{ id: string }>(db, "select id from users where email = $1", [
      demoEmail("ouder"),
    ]);
    expect(newOuder?.id).not.toBe(oldOuder?.id);
    const [teams] = await rows<{ n: string }>(db, "select count(*) as n from breakthrough_teams");
    expect(Number(teams?.n)).toBe(again.region.municipalities.length);
  });
});

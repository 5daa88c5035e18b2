// The lists of items about pupils are scoped first (issue 12): GET /api/signals, GET
// /api/duo-reports and the pupil search ask src/access for the pupils in the user's reach and
// load (signals: evaluate) only theirs. So a request costs the same number of queries however
// many schools and pupils the region holds outside that reach — cold (the signal evaluation is
// recomputed after every change) — and shows the same rows as deciding over the whole region.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays } from "../../test/support/absent-days.ts";
import { engines } from "../../test/support/databases.ts";
import { statementsDuring } from "../../test/support/query-log.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../test/support/test-app.ts";
import { listDuoReports, prepareDuoReports } from "../services/duo-reports.ts";
import { runDailyEvaluation } from "../services/signal-state.ts";
import { evaluateSignalsAt } from "../services/signals.ts";
import { accessActorOf } from "./actor.ts";
import { pupilScopesOf, signalResource } from "./facts.ts";
import { visibleItems } from "./scope-list.ts";

const AS_OF = "2026-02-26";
const TRUANT_DAYS = ["2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26"];

describe.each(engines())("lists scoped first, on $name", (engine) => {
  let t: TestApp;
  const who: Record<"linde" | "lpa" | "head", LoggedIn> = {} as never;
  let schoolsElsewhere = 0;

  /** `n` more schools in another municipality, each with a truant pupil (a signal and a report). */
  async function addSchoolsElsewhere(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      schoolsElsewhere += 1;
      const nr = String(schoolsElsewhere).padStart(2, "0");
      const [schoolId, pupilId] = [`9${nr}X00`, `E00${nr}`];
      await t.db.sql.exec(`
        insert into schools values
          ('${schoolId}', 'Verre School ${nr}', 'po', 'Elders', 'PO99${nr}', 'zuid', 300, 300, 300, 300, 300);
        insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
          values ('${pupilId}', 'Fenna', 'Elders ${nr}', '2014-04-04', 'Elders');
        insert into enrolments values ('${pupilId}', '${schoolId}', '2024-08-26', null, '3');
      `);
      await absentDays(t.db, pupilId, schoolId, TRUANT_DAYS, "truant");
    }
    await runDailyEvaluation(t.db, AS_OF, { mode: "full" });
    await prepareDuoReports(t.db, AS_OF);
  }

  beforeAll(async () => {
    t = await startTestApp(engine); // today is Monday 2026-03-02
    await absentDays(t.db, "P0001", "12AB00", TRUANT_DAYS);
    await absentDays(t.db, "P0003", "34CD00", TRUANT_DAYS, "truant");
    await addSchoolsElsewhere(1);
    const users = {
      linde: ["zc@linde.example", { role: "care_coordinator", schoolId: "12AB00" }],
      head: ["directie@baken.example", { role: "school_head", schoolId: "34CD00" }],
      lpa: ["lpa@zandstad.example", { role: "attendance_officer", municipality: "Zandstad" }],
    } as const;
    for (const [key, [email, role]] of Object.entries(users)) {
      await addUser(t.db, email, [role]);
      who[key as keyof typeof who] = await login(t.app, email);
    }
  }, 120_000);
  afterAll(() => t.close());

  const LISTS = {
    signals: `/api/signals?as_of=${AS_OF}`,
    reports: `/api/duo-reports?as_of=${AS_OF}`,
    search: "/api/pupils?q=Fenna",
  } as const;

  /** Queries and rows shown of each list for each user, the first request after a change. */
  async function measure() {
    const out: Record<string, { queries: number; shown: number }> = {};
    for (const [user, login] of Object.entries(who)) {
      for (const [list, url] of Object.entries(LISTS)) {
        let status = 0;
        let shown = 0;
        const statements = await statementsDuring(t.db, async () => {
          const response = await t.app.inject({
            method: "GET",
            url,
            headers: { cookie: login.cookie },
          });
          status = response.statusCode;
          shown = (response.json() as unknown[]).length;
        });
        expect(status, `${user} ${list}`).toBe(200);
        out[`${user} ${list}`] = { queries: statements.length, shown };
      }
    }
    return out;
  }

  it("costs the same number of queries with more schools and pupils outside the reach", async () => {
    const few = await measure();
    const reportsBefore = (await listDuoReports(t.db.sql)).length;
    await addSchoolsElsewhere(4);
    expect((await listDuoReports(t.db.sql)).length).toBe(reportsBefore + 4);
    const many = await measure();
    expect(many).toEqual(few);
    // What each sees: its school's (or residents') signals and reports; one Fenna each.
    expect(few["linde signals"]?.shown).toBeGreaterThan(0);
    expect(few["lpa reports"]?.shown).toBe(2);
    expect(few["head reports"]?.shown).toBe(1);
    expect(few["linde search"]?.shown).toBe(1);
    expect(few["head search"]?.shown).toBe(0);
  });

  it("shows the signals that deciding over every signal of the region would show", async () => {
    const everything = await evaluateSignalsAt(t.db.sql, { asOf: AS_OF });
    expect(everything.some((s) => s.pupilId.startsWith("E"))).toBe(true);
    const scopes = await pupilScopesOf(
      t.db.orm,
      [...new Set(everything.map((s) => s.pupilId))],
      "2026-03-02",
    );
    const users = {
      linde: [{ role: "care_coordinator", schoolId: "12AB00" }],
      head: [{ role: "school_head", schoolId: "34CD00" }],
      lpa: [{ role: "attendance_officer", municipality: "Zandstad" }],
    } as const;
    for (const [user, roles] of Object.entries(users)) {
      const actor = accessActorOf({ userId: user, roles }, { route: "test", method: "TEST" });
      const expected = visibleItems(actor, "read_signals", everything, (s) => {
        const pupil = scopes.get(s.pupilId);
        return pupil ? signalResource(s, pupil) : null;
      }).map(({ item }) => `${item.pupilId}/${item.schoolId}/${item.code}`);
      const response = await t.app.inject({
        method: "GET",
        url: LISTS.signals,
        headers: { cookie: who[user as keyof typeof who].cookie },
      });
      const shown = (
        response.json() as { pupil_id: string; school_id: string; code: string }[]
      ).map((s) => `${s.pupil_id}/${s.school_id}/${s.code}`);
      expect(shown.sort(), user).toEqual(expected.sort());
    }
  });
});

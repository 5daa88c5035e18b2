// The lists of items about pupils are scoped first (issue 12): GET /api/signals, GET
// /api/duo-reports, GET /api/leave-requests, GET /api/youth-doctor-referrals and the pupil search
// ask src/access for the pupils in the user's reach and load (signals: evaluate) only theirs. So a request costs the same number of queries however
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
import { leaveResource } from "../http/routes/leave-requests.ts";
import { referralResource } from "../http/routes/youth-doctor.ts";
import { listDuoReports, prepareDuoReports } from "../services/duo-reports.ts";
import { listLeaveRequests } from "../services/leave-requests.ts";
import { runDailyEvaluation } from "../services/signal-state.ts";
import { evaluateSignalsAt } from "../services/signals.ts";
import { listReferrals } from "../services/youth-doctor.ts";
import { accessActorOf } from "./actor.ts";
import { pupilScopesOf, signalResource } from "./facts.ts";
import { visibleItems, visiblePupilItems } from "./scope-list.ts";

const AS_OF = "2026-02-26";
const TRUANT_DAYS = ["2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26"];
const TODAY = "2026-03-02";

type User = "linde" | "lpa" | "head" | "jgz" | "parent";
const ROLES = {
  linde: [{ role: "care_coordinator", schoolId: "12AB00" }],
  head: [{ role: "school_head", schoolId: "34CD00" }],
  lpa: [{ role: "attendance_officer", municipality: "Zandstad" }],
  jgz: [{ role: "youth_doctor", municipality: "Zandstad" }],
  parent: [{ role: "parent", pupilId: "P0001" }],
} as const;

/** A leave request (above 10 school days: leerplicht decides) and a referral of a pupil. */
function leaveAndReferralSql(id: string, pupilId: string, schoolId: string, days: number): string {
  const decider = days > 10 ? "attendance_officer" : "school_head";
  return `
    insert into leave_requests (id, pupil_id, school_id, kind, start_date, end_date, reason,
      school_days, decider, status, requested_by_kind, requested_by, requested_on)
      values ('L-${id}', '${pupilId}', '${schoolId}', 'important_circumstances', '2026-04-06',
        '2026-04-2${days > 10 ? 4 : 0}', 'Familiebezoek', ${days}, '${decider}', 'requested',
        'school', 'test', '2026-02-20');
    insert into youth_doctor_referrals (id, pupil_id, school_id, question, consent_on,
      referred_on, referred_by)
      values ('R-${id}', '${pupilId}', '${schoolId}', 'Vaak ziek?', '2026-02-19', '2026-02-20',
        'test');`;
}
describe.each(engines())("lists scoped first, on $name", (engine) => {
  let t: TestApp;
  const who: Record<User, LoggedIn> = {} as never;
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
        ${leaveAndReferralSql(pupilId, pupilId, schoolId, 12)}
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
    // In the reach: requests and referrals at the pupils' schools, and one of P0003 at the
    // school it has left (De Linde), which no school may see any more.
    await t.db.sql.exec(`
      ${leaveAndReferralSql("a", "P0001", "12AB00", 3)}
      ${leaveAndReferralSql("b", "P0003", "34CD00", 12)}
      ${leaveAndReferralSql("c", "P0003", "12AB00", 3)}
    `);
    await addSchoolsElsewhere(1);
    for (const [key, roles] of Object.entries(ROLES)) {
      const email = `${key}@lijsten.example`;
      await addUser(t.db, email, [...roles]);
      who[key as User] = await login(t.app, email);
    }
  }, 120_000);
  afterAll(() => t.close());

  const LISTS = {
    signals: `/api/signals?as_of=${AS_OF}`,
    reports: `/api/duo-reports?as_of=${AS_OF}`,
    search: "/api/pupils?q=Fenna",
    leave: "/api/leave-requests",
    referrals: "/api/youth-doctor-referrals",
  } as const;
  /** Which lists each user may open (the others answer 403). */
  const OPENS: Record<User, readonly (keyof typeof LISTS)[]> = {
    linde: ["signals", "reports", "search", "leave", "referrals"],
    head: ["signals", "reports", "search", "leave", "referrals"],
    lpa: ["signals", "reports", "search", "leave"],
    jgz: ["referrals"],
    parent: ["leave"],
  };

  /** The items of a list's answer (the referrals come with the right to refer). */
  const itemsOf = (body: unknown): { id?: string }[] =>
    (Array.isArray(body) ? body : (body as { referrals: { id: string }[] }).referrals) as never;

  /** Queries and rows shown of each list for each user, the first request after a change. */
  async function measure() {
    const out: Record<string, { queries: number; shown: number }> = {};
    for (const [user, login] of Object.entries(who)) {
      for (const list of OPENS[user as User]) {
        const url = LISTS[list];
        let status = 0;
        let shown = 0;
        const statements = await statementsDuring(t.db, async () => {
          const response = await t.app.inject({
            method: "GET",
            url,
            headers: { cookie: login.cookie },
          });
          status = response.statusCode;
          shown = itemsOf(response.json()).length;
        });
        expect(status, `${user} ${list}`).toBe(200);
        out[`${user} ${list}`] = { queries: statements.length, shown };
        // The list is loaded for the pupils in the reach only, not for the whole region.
        const table = { leave: "leave_requests", referrals: "youth_doctor_referrals" } as const;
        if (list === "leave" || list === "referrals") {
          const load = statements.filter((q) =>
            new RegExp(`from ${table[list]}\\b[\\s\\S]*order by`).test(q),
          );
          expect(load, `${user} ${list}`).toHaveLength(1);
          expect(load[0], `${user} ${list}`).toMatch(/pupil_id = any\(/);
        }
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
    // Leave: De Linde its own pupil's, the head of Het Baken P0003's there, leerplicht the one
    // above 10 days of its residents, the parent their child's; referrals likewise.
    expect(few["linde leave"]?.shown).toBe(1);
    expect(few["head leave"]?.shown).toBe(1);
    expect(few["lpa leave"]?.shown).toBe(1);
    expect(few["parent leave"]?.shown).toBe(1);
    expect(few["linde referrals"]?.shown).toBe(1);
    expect(few["head referrals"]?.shown).toBe(1);
    expect(few["jgz referrals"]?.shown).toBe(3);
  });

  it("shows the leave requests and referrals that deciding over the whole region would show", async () => {
    const leave = await listLeaveRequests(t.db.sql);
    const referrals = await listReferrals(t.db.sql, {});
    expect(leave.some((r) => r.pupil_id.startsWith("E"))).toBe(true);
    expect(referrals.some((r) => r.pupil_id.startsWith("E"))).toBe(true);
    for (const [user, roles] of Object.entries(ROLES)) {
      const actor = accessActorOf({ userId: user, roles }, { route: "test", method: "TEST" });
      const lists = {
        leave: (
          await visiblePupilItems(t.db.orm, actor, "read_leave_requests", leave, {
            onDate: TODAY,
            pupilIdOf: (r) => r.pupil_id,
            resourceOf: (r, pupil) => leaveResource(pupil, r.school_id, r.decider),
          })
        ).shown.map(({ item }) => item.id),
        referrals: (
          await visiblePupilItems(t.db.orm, actor, "read_youth_doctor_referrals", referrals, {
            onDate: TODAY,
            pupilIdOf: (r) => r.pupil_id,
            resourceOf: (r, pupil) => referralResource(pupil, r.school_id),
          })
        ).shown.map(({ item }) => item.id),
      } as const;
      for (const [list, expected] of Object.entries(lists)) {
        if (!OPENS[user as User].includes(list as keyof typeof lists)) {
          expect(expected, `${user} ${list}`).toEqual([]);
          continue;
        }
        const response = await t.app.inject({
          method: "GET",
          url: LISTS[list as keyof typeof lists],
          headers: { cookie: who[user as User].cookie },
        });
        expect(response.statusCode, `${user} ${list}`).toBe(200);
        const shown = itemsOf(response.json()).map((r) => r.id);
        // (Sorted: these rows tie on the list's order, their dates being the same.)
        expect(shown.sort(), `${user} ${list}`).toEqual([...expected].sort());
      }
    }
  });

  it("shows the signals that deciding over every signal of the region would show", async () => {
    const everything = await evaluateSignalsAt(t.db.sql, { asOf: AS_OF });
    expect(everything.some((s) => s.pupilId.startsWith("E"))).toBe(true);
    const scopes = await pupilScopesOf(
      t.db.orm,
      [...new Set(everything.map((s) => s.pupilId))],
      TODAY,
    );
    for (const user of ["linde", "head", "lpa"] as const) {
      const roles = ROLES[user];
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

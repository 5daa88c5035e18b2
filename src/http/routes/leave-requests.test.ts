// Leave requests over HTTP on both engines (domain.md §4, verlof): a parent and the school
// register requests; the school head decides up to 10 school days and leerplicht above; the §4
// rules refuse an approval with a Dutch reason; each role sees exactly its requests; every read
// and decision is audited; and decided leave changes what the signals and DUO reports count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { listDuoReports, prepareDuoReports } from "../../services/duo-reports.ts";
import { runDailyEvaluation } from "../../services/signal-state.ts";
import { evaluateSignalsAt } from "../../services/signals.ts";

interface Leave {
  id: string;
  pupil_id: string;
  status: string;
  decider: string;
  school_days: number;
  rules: { code: string; text: string }[];
  may_decide: boolean;
  objection_route: string | null;
  decision_reason: string | null;
  requested_by_kind: string;
}

describe.each(engines())("leave requests on $name", (engine) => {
  let t: TestApp;
  const who: Record<string, LoggedIn> = {};
  const ids: Record<string, string> = {};
  let headId = "";

  beforeAll(async () => {
    t = await startTestApp(engine); // today is Monday 2026-03-02
    const users = {
      parent: ["ouder@linde.example", { role: "parent", pupilId: "P0001" }],
      otherParent: ["ouder@baken.example", { role: "parent", pupilId: "P0002" }],
      zc: ["zc@linde.example", { role: "care_coordinator", schoolId: "12AB00" }],
      head: ["directie@linde.example", { role: "school_head", schoolId: "12AB00" }],
      otherHead: ["directie@baken.example", { role: "school_head", schoolId: "34CD00" }],
      lpa: ["lpa@zandstad.example", { role: "attendance_officer", municipality: "Zandstad" }],
      elders: ["lpa@elders.example", { role: "attendance_officer", municipality: "Elders" }],
      policy: ["beleid@zandstad.example", { role: "policy_officer", municipality: "Zandstad" }],
    } as const;
    for (const [key, [email, role]] of Object.entries(users)) {
      const id = await addUser(t.db, email, [role]);
      if (key === "head") headId = id;
      who[key] = await login(t.app, email);
    }
  }, 120_000);
  afterAll(() => t.close());

  const get = (user: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: user.cookie } });
  const post = (user: LoggedIn, url: string, body: object) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { cookie: user.cookie, "x-csrf-token": user.csrfToken },
      payload: body,
    });
  const list = async (user: LoggedIn) => {
    const r = await get(user, "/api/leave-requests");
    return { status: r.statusCode, body: r.json() as Leave[] };
  };
  /** A request for P0001 (a job holiday, 16–20 March, unless `fields` say otherwise). */
  const request = (user: LoggedIn, fields: Record<string, string> = {}) =>
    post(user, "/api/leave-requests", {
      pupil_id: "P0001",
      kind: "job_holiday",
      start_date: "2026-03-16",
      end_date: "2026-03-20",
      reason: "x",
      ...fields,
    });
  const decide = (user: LoggedIn, id: string, decision: "approved" | "refused", reason: string) =>
    post(user, `/api/leave-requests/${id}/decision`, { decision, reason });
  /** P0001 away whole days at 12AB00 (PO: Wednesday 180 minutes, other days 300). */
  const away = (dates: readonly string[], reason: string) =>
    t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       select 'P0001', d::date, 'day', '12AB00', case when extract(isodow from d::date) = 3
         then 180 else 300 end, $2
       from unnest($1::text[]) d`,
      [dates, reason],
    );

  it("lets a parent ask for a job holiday of 5 school days: the school head decides", async () => {
    const r = await request(who.parent!, { reason: "Seizoenswerk in de bollenteelt" });
    expect(r.statusCode).toBe(201);
    const body = r.json() as Leave;
    expect(body).toMatchObject({
      status: "requested",
      decider: "school_head",
      school_days: 5,
      rules: [],
      requested_by_kind: "parent",
    });
    ids.job = body.id;
  });

  it("lets the school register a request of 15 school days: leerplicht decides", async () => {
    const r = await request(who.zc!, {
      kind: "important_circumstances",
      start_date: "2026-04-06",
      end_date: "2026-04-24",
      reason: "Verblijf bij een ernstig zieke grootouder in het buitenland",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      decider: "attendance_officer",
      school_days: 15,
      requested_by_kind: "school",
    });
    ids.long = (r.json() as Leave).id;
  });

  it("refuses a request for another parent's child exactly like a missing pupil", async () => {
    const r = await request(who.otherParent!);
    expect(r.statusCode).toBe(404);
    const missing = await request(who.parent!, { pupil_id: "P9999" });
    expect(missing.statusCode).toBe(404);
  });

  it("refuses dates without a school day and reversed dates (409, Dutch text in the web)", async () => {
    const weekend = await request(who.parent!, {
      kind: "important_circumstances",
      start_date: "2026-03-07",
      end_date: "2026-03-08",
    });
    expect(weekend.statusCode).toBe(409);
    expect(weekend.json().type).toBe("urn:aanwezig:problem:leave-no-school-days");
    const reversed = await request(who.parent!, {
      kind: "important_circumstances",
      start_date: "2026-03-10",
      end_date: "2026-03-09",
    });
    expect(reversed.json().type).toBe("urn:aanwezig:problem:leave-end-before-start");
  });

  it("shows each role exactly its requests, with who may decide", async () => {
    const parent = await list(who.parent!);
    expect(parent.body.map((l) => l.id).sort()).toEqual([ids.job, ids.long].sort());
    expect(parent.body.every((l) => !l.may_decide)).toBe(true);
    const head = await list(who.head!);
    expect(Object.fromEntries(head.body.map((l) => [l.id, l.may_decide]))).toEqual({
      [ids.job!]: true,
      [ids.long!]: false,
    });
    const lpa = await list(who.lpa!);
    expect(lpa.body.map((l) => [l.id, l.may_decide])).toEqual([[ids.long, true]]);
    expect((await list(who.elders!)).body).toEqual([]);
    expect((await list(who.otherHead!)).body).toEqual([]);
    expect((await list(who.otherParent!)).body).toEqual([]);
    expect((await list(who.policy!)).status).toBe(403);
  });

  it("lets only the decider decide: the head ≤ 10 days, leerplicht above", async () => {
    const approve = (user: LoggedIn, id: string) => decide(user, id, "approved", "Akkoord");
    // The head sees the long request but may not decide it; leerplicht does not see the short one.
    expect((await approve(who.head!, ids.long!)).statusCode).toBe(403);
    expect((await approve(who.lpa!, ids.job!)).statusCode).toBe(404);
    expect((await approve(who.parent!, ids.job!)).statusCode).toBe(403);
    const approved = await approve(who.head!, ids.job!);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", decision_reason: "Akkoord" });
    expect((approved.json() as Leave).objection_route).toContain("binnen 6 weken");
    expect((await approve(who.head!, ids.job!)).json().type).toBe(
      "urn:aanwezig:problem:leave-already-decided",
    );
    expect((await approve(who.lpa!, ids.long!)).statusCode).toBe(200);
    const audit = await listAudit(t.db.orm, { userId: headId, limit: 100 });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual(
      expect.arrayContaining([
        ["decide_leave", "allowed"],
        ["decide_leave", "denied"],
        ["list_leave_requests", "allowed"],
      ]),
    );
    // The parent sees both decisions.
    const parent = await list(who.parent!);
    expect(parent.body.map((l) => l.status)).toEqual(["approved", "approved"]);
  });

  it("refuses to approve a second job holiday in a school year, with the rule in Dutch", async () => {
    const r = await request(who.parent!, {
      start_date: "2026-05-11",
      end_date: "2026-05-15",
      reason: "Nog een week weg",
    });
    const second = r.json() as Leave;
    expect(second.rules.map((x) => x.code)).toEqual(["job_holiday_once_a_year"]);
    expect(second.rules[0]!.text).toContain("één keer per schooljaar");
    const approve = await decide(who.head!, second.id, "approved", "Toch akkoord");
    expect(approve.statusCode).toBe(409);
    expect(approve.json().type).toBe("urn:aanwezig:problem:leave-rule-violated");
    const refuse = await decide(
      who.head!,
      second.id,
      "refused",
      "Al vakantieverlof verleend dit schooljaar",
    );
    expect(refuse.statusCode).toBe(200);
    expect(refuse.json()).toMatchObject({
      status: "refused",
      rules: [{ code: "job_holiday_once_a_year" }],
    });
    ids.refused = second.id;
  });

  it("reads absence in approved leave as leave: no LEGAL_16H", async () => {
    // 16–20 March: 23 hours registered as unreported, inside the approved job holiday.
    await away(
      ["2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20"],
      "unreported",
    );
    const at = await evaluateSignalsAt(t.db.sql, { asOf: "2026-03-20", schoolId: "12AB00" });
    expect(at.filter((s) => s.pupilId === "P0001").map((s) => s.code)).not.toContain("LEGAL_16H");
    // The same absence a week later, without leave, is unauthorized.
    await t.db.sql.query(
      `update attendance set date = date + 7 where pupil_id = 'P0001' and date between
       '2026-03-16' and '2026-03-20'`,
    );
    const later = await evaluateSignalsAt(t.db.sql, { asOf: "2026-03-27", schoolId: "12AB00" });
    expect(later.filter((s) => s.pupilId === "P0001").map((s) => s.code)).toContain("LEGAL_16H");
    await t.db.sql.query("delete from attendance where pupil_id = 'P0001'");
  });

  it("reads leave taken after a refusal as luxury, which prepares a luxe DUO report", async () => {
    await away(["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14", "2026-05-15"], "leave");
    const signals = await evaluateSignalsAt(t.db.sql, { asOf: "2026-05-15", schoolId: "12AB00" });
    expect(signals.filter((s) => s.pupilId === "P0001").map((s) => s.code)).toContain("LEGAL_16H");
    await runDailyEvaluation(t.db, "2026-05-15", { mode: "full" });
    await prepareDuoReports(t.db, "2026-05-15");
    const reports = (await listDuoReports(t.db.sql, {})).filter((r) => r.pupil_id === "P0001");
    expect(reports.map((r) => r.report_type)).toEqual(["luxe"]);
  });
});

// GET /api/signals and POST /api/signals/{id}/known on both engines: who sees which signals
// (domain.md §2: own school, leerplicht residents with consent (a) for authorized absence, no
// pupil-level signals for policy roles), the stored state with each signal, and marking one
// known — audited, CSRF-protected, 404 for a signal the user may not see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays } from "../../../test/support/absent-days.ts";
import { storedCase } from "../../../test/support/case-region.ts";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { findOpenCaseIdOfPupil } from "../../db/repositories/cases.ts";
import { runDailyEvaluation } from "../../services/signal-state.ts";
import { linkSignalsToCases } from "../../services/signal-state-handling.ts";

const AS_OF = "2026-02-26";

describe.each(engines())("signals API on $name", (engine) => {
  let t: TestApp;
  const who: Record<string, LoggedIn> = {};
  let lindeId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    // 12AB00 (PO, Wednesday 180 min) and 34CD00 (VO) in Zandstad; no closures in February.
    await absentDays(t.db, "P0001", "12AB00", ["2026-02-23", "2026-02-24", "2026-02-26"]);
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       values ('P0001', '2026-02-25', 'day', '12AB00', 180, 'unreported')`,
    );
    // Five sick days in three short episodes: SICK_FREQUENT and SICK_SPREAD (authorized absence).
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       select 'P0002', d::date, 'day', '34CD00', case when extract(isodow from d::date) = 5
         then 300 else 360 end, 'sick'
       from unnest(array['2026-02-16','2026-02-17','2026-02-19','2026-02-20','2026-02-24']) d`,
    );
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       select 'P0003', d::date, 'day', '34CD00', 360, 'truant'
       from unnest(array['2026-02-23','2026-02-24','2026-02-25','2026-02-26']) d`,
    );
    await runDailyEvaluation(t.db, AS_OF, { mode: "full" });

    lindeId = await addUser(t.db, "zc@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "zc@baken.example", [{ role: "care_coordinator", schoolId: "34CD00" }]);
    await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "lpa@elders.example", [
      { role: "attendance_officer", municipality: "Elders" },
    ]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    for (const [key, email] of [
      ["linde", "zc@linde.example"],
      ["baken", "zc@baken.example"],
      ["lpa", "lpa@zandstad.example"],
      ["elders", "lpa@elders.example"],
      ["policy", "beleid@zandstad.example"],
    ] as const) {
      who[key] = await login(t.app, email);
    }
  }, 120_000);
  afterAll(() => t.close());

  const list = async (user: LoggedIn) => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/signals?as_of=${AS_OF}`,
      headers: { cookie: user.cookie },
    });
    return { status: response.statusCode, body: response.json() };
  };
  const keys = (rows: { pupil_id: string; code: string }[]) =>
    rows.map((r) => `${r.pupil_id} ${r.code}`);
  const markKnown = (user: LoggedIn, id: string, body: unknown, csrf = true) =>
    t.app.inject({
      method: "POST",
      url: `/api/signals/${id}/known`,
      headers: { cookie: user.cookie, ...(csrf ? { "x-csrf-token": user.csrfToken } : {}) },
      payload: body as object,
    });

  it("shows a care coordinator the own school's signals only, each with its state", async () => {
    const linde = await list(who.linde!);
    expect(linde.status).toBe(200);
    expect(keys(linde.body)).toEqual(["P0001 LEGAL_16H"]);
    expect(linde.body[0]).toMatchObject({
      pupil_name: "Fenna Verbeek",
      school_id: "12AB00",
      school_name: "Basisschool De Linde",
      // Where the child lives: leerplicht's worklist filters by it (issue 11 deliverable 5).
      municipality: "Zandstad",
      as_of: AS_OF,
      evidence: { unauthorized_minutes: 1080 },
      id: expect.stringMatching(/^LEGAL_16H:\d+$/),
      state: "open",
      raised_on: AS_OF,
      last_held_on: AS_OF,
      handled_kind: null,
      case_id: null,
    });
    const baken = await list(who.baken!);
    expect(keys(baken.body)).toEqual([
      "P0002 SICK_FREQUENT",
      "P0002 SICK_SPREAD",
      "P0003 LEGAL_16H",
    ]);
  });

  it("gives policy roles no pupil-level signals", async () => {
    const policy = await list(who.policy!);
    expect(policy.status).toBe(403);
    expect(policy.body).toMatchObject({ status: 403 });
  });

  it("shows leerplicht residents' signals on authorized absence only with consent (a)", async () => {
    expect(keys((await list(who.lpa!)).body)).toEqual(["P0001 LEGAL_16H", "P0003 LEGAL_16H"]);
    expect((await list(who.elders!)).body).toEqual([]);
    // P0002 is 13: parents and child both decide (domain.md §5).
    await t.db.sql.query(
      `insert into consent_records (id, pupil_id, purpose, decision, giver_kind, giver_person_id,
         at, recorded_by)
       values ('c-a-1', 'P0002', 'share_authorized_absence_with_leerplicht', 'given', 'parent',
               'ouder-1', '2026-02-01', 'test'),
              ('c-a-2', 'P0002', 'share_authorized_absence_with_leerplicht', 'given', 'child',
               null, '2026-02-01', 'test')`,
    );
    expect(keys((await list(who.lpa!)).body)).toEqual([
      "P0001 LEGAL_16H",
      "P0002 SICK_FREQUENT",
      "P0002 SICK_SPREAD",
      "P0003 LEGAL_16H",
    ]);
    await t.db.sql.query(
      `insert into consent_records (id, pupil_id, purpose, decision, giver_kind, giver_person_id,
         at, recorded_by)
       values ('c-a-3', 'P0002', 'share_authorized_absence_with_leerplicht', 'withdrawn', 'parent',
               'ouder-1', '2026-03-01', 'test')`,
    );
    expect(keys((await list(who.lpa!)).body)).toEqual(["P0001 LEGAL_16H", "P0003 LEGAL_16H"]);
  });

  it("lets a professional who sees a signal mark it known; others get 404", async () => {
    const [signal] = (await list(who.linde!)).body as { id: string }[];
    const id = signal!.id;
    const sick = ((await list(who.baken!)).body as { id: string; code: string }[]).find(
      (s) => s.code === "SICK_SPREAD",
    )!;

    const hidden = await markKnown(who.baken!, id, { reason: "bekend" });
    const missing = await markKnown(who.baken!, "LEGAL_16H:999999", { reason: "bekend" });
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.body.replace(id, "X")).toBe(missing.body.replace("LEGAL_16H:999999", "X"));
    expect((await markKnown(who.policy!, id, { reason: "bekend" })).statusCode).toBe(404);
    // Leerplicht without consent (a) may not see the sick signal, so cannot handle it either.
    expect((await markKnown(who.lpa!, sick.id, { reason: "bekend" })).statusCode).toBe(404);

    expect((await markKnown(who.linde!, id, { reason: "  " })).statusCode).toBe(400);
    expect((await markKnown(who.linde!, id, { reason: "bekend" }, false)).statusCode).toBe(403);

    const done = await markKnown(who.linde!, id, { reason: "ouders op vakantie gemeld" });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      id,
      pupil_id: "P0001",
      code: "LEGAL_16H",
      state: "handled",
      handled_kind: "known",
      handled_reason: "ouders op vakantie gemeld",
      case_id: null,
    });
    expect((await markKnown(who.linde!, id, { reason: "nogmaals" })).statusCode).toBe(409);
    const [after] = (await list(who.linde!)).body;
    expect(after).toMatchObject({ id, state: "handled", raised_on: AS_OF });

    const transitions = await t.db.sql.query(
      `select from_status, to_status, on_date::text, reason, actor from signal_transitions
       where state_id = $1 order by id`,
      [Number(id.split(":")[1])],
    );
    expect(transitions).toEqual([
      {
        from_status: null,
        to_status: "open",
        on_date: AS_OF,
        reason: "raised",
        actor: "system:daily-evaluation",
      },
      {
        from_status: "open",
        to_status: "handled",
        on_date: "2026-03-02",
        reason: "known: ouders op vakantie gemeld",
        actor: lindeId,
      },
    ]);
    const audit = await listAudit(t.db.orm, { pupilId: "P0001", limit: 50 });
    const handling = audit.filter((a) => a.action === "handle_signal");
    // Denied: the other school's coordinator and the policy officer; allowed: the handling and
    // the refused second try (a request refused by validation or CSRF never reaches the gate).
    expect(handling.map((a) => a.outcome).sort()).toEqual([
      "allowed",
      "allowed",
      "denied",
      "denied",
    ]);
  });

  it("links a signal to the case opened from it at the daily job", async () => {
    const rows = (await list(who.baken!)).body as { id: string; code: string; pupil_id: string }[];
    const legal = rows.find((r) => r.pupil_id === "P0003")!;
    const ownerId = await addUser(t.db, "zc2@baken.example", [
      { role: "care_coordinator", schoolId: "34CD00" },
    ]);
    const c = await storedCase(t.db, ownerId, {
      pupilId: "P0003",
      schoolId: "34CD00",
      openedAt: "2026-02-27",
      absenceStartDate: "2026-02-23",
      opening: { kind: "signals", signalIds: [legal.id] },
    });
    expect(await linkSignalsToCases(t.db, "2026-03-02")).toBe(1);
    expect(await linkSignalsToCases(t.db, "2026-03-02")).toBe(0);
    const after = ((await list(who.baken!)).body as typeof rows).find((r) => r.id === legal.id);
    expect(after).toMatchObject({ state: "handled", handled_kind: "case", case_id: c.id });
  });

  it("shows a unit's signal only to its own school, also to a user with more roles", async () => {
    // P0004 left 12AB00 on 2025-09-30 and attends 34CD00 since: both schools this school year.
    await t.db.sql.query(
      "insert into enrolments values ('P0004', '34CD00', '2025-10-01', null, '1')",
    );
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       select 'P0004', d::date, 'day', '34CD00', 360, 'truant'
       from unnest(array['2026-02-23','2026-02-24','2026-02-25']) d`,
    );
    // Not staff only, so the whole region is evaluated and filtered signal by signal.
    await addUser(t.db, "zc-beleid@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    const mixed = await login(t.app, "zc-beleid@linde.example");
    expect(keys((await list(mixed)).body)).toEqual(["P0001 LEGAL_16H"]);
    expect(keys((await list(who.baken!)).body)).toContain("P0004 LEGAL_16H");
  });

  it("links an open signal by hand to a case of the same pupil the user may read", async () => {
    const rows = (await list(who.baken!)).body as { id: string; code: string; pupil_id: string }[];
    const sick = rows.find((r) => r.code === "SICK_FREQUENT")!;
    const ownerId = await addUser(t.db, "zc3@baken.example", [
      { role: "care_coordinator", schoolId: "34CD00" },
    ]);
    const own = await storedCase(t.db, ownerId, {
      pupilId: "P0002",
      schoolId: "34CD00",
      openedAt: "2026-02-27",
      absenceStartDate: "2026-02-16",
    });
    // A pupil has one open case at most: P0003's is the one the test above stored, if it ran.
    const other = {
      id:
        (await findOpenCaseIdOfPupil(t.db.orm, "P0003")) ??
        (
          await storedCase(t.db, ownerId, {
            pupilId: "P0003",
            schoolId: "34CD00",
            openedAt: "2026-02-27",
            absenceStartDate: "2026-02-23",
          })
        ).id,
    };
    const link = (user: LoggedIn, caseId: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/signals/${sick.id}/case`,
        headers: { cookie: user.cookie, "x-csrf-token": user.csrfToken },
        payload: { case_id: caseId },
      });
    // Another school may see neither the signal nor the case.
    expect((await link(who.linde!, own.id)).statusCode).toBe(404);
    expect((await link(who.baken!, "no-such-case")).statusCode).toBe(404);
    expect((await link(who.baken!, other.id)).statusCode).toBe(409);
    const linked = await link(who.baken!, own.id);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      id: sick.id,
      state: "handled",
      handled_kind: "case",
      case_id: own.id,
    });
    expect((await link(who.baken!, own.id)).statusCode).toBe(409);
  });
  it("handles the signals a case is opened from at once, not at the next daily run", async () => {
    // P0004's LEGAL_16H at 34CD00 (the test above added its attendance) gets its stored state.
    await runDailyEvaluation(t.db, AS_OF, { mode: "full" });
    type Row = { id: string; code: string; pupil_id: string; state: string };
    const rows = (await list(who.baken!)).body as Row[];
    const legal = rows.find((r) => r.pupil_id === "P0004" && r.code === "LEGAL_16H")!;
    expect(legal).toMatchObject({ state: "open" });
    const othersOpen = rows.filter((r) => r.pupil_id !== "P0004" && r.state === "open");
    const opened = await t.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: who.baken!.cookie, "x-csrf-token": who.baken!.csrfToken },
      payload: {
        pupil_id: "P0004",
        school_id: "34CD00",
        absence_start_date: "2026-02-23",
        signal_ids: [legal.id],
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = (opened.json() as { id: string }).id;
    const after = (await list(who.baken!)).body as Row[];
    expect(after.find((r) => r.id === legal.id)).toMatchObject({
      state: "handled",
      handled_kind: "case",
      case_id: caseId,
    });
    // Other pupils' open signals are left to their own handling.
    expect(after.filter((r) => r.pupil_id !== "P0004" && r.state === "open")).toEqual(othersOpen);
  });
});

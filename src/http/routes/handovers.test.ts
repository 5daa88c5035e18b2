// The warm handover PO→VO (issue 15 item 6) over HTTP on both engines: P0003 moved from primary
// school 12AB00 to secondary school 34CD00 on 1 July 2025 after a signal at 12AB00 that spring.
// The primary school's care coordinator sees the pupil qualify and writes the handover; the
// secondary school's care coordinator sees that it exists but reads nothing and cannot take it
// in until consent (b) names the school; the partnership sees it without content or name; then
// it is acknowledged and closed. Every read is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithEveryone } from "../../../test/support/case-api.ts";
import { type Engine, engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";

const WHAT = "Vaak afwezig op maandag in groep 8.";
const HELPED = "Een vaste opvang bij binnenkomst.";

/** Everyone's accounts, and pupil P0003 with a past (resolved) signal: a pupil a handover is for. */
async function startWithHandoverPupil(engine: Engine) {
  const started = await startWithEveryone(engine);
  await started.t.db.sql.query(
    `insert into signal_states (pupil_id, school_id, code, status, raised_on, last_held_on,
       evidence, attributes)
     values ('P0003', '12AB00', 'PREVENTIVE_10H', 'resolved', '2025-03-10', '2025-03-20',
       '{}'::jsonb, '{}'::jsonb)`,
  );
  return started;
}

describe.each(engines())("warm handovers PO→VO on $name", (engine) => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof startWithEveryone>>["as"];
  let id: string;

  beforeAll(async () => {
    ({ t, as } = await startWithHandoverPupil(engine));
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows the sending care coordinator the pupil who qualifies", async () => {
    const answer = await as("coordinator").get("/api/handover-candidates");
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().candidates).toEqual([
      expect.objectContaining({
        pupil_id: "P0003",
        sending_school_id: "12AB00",
        receiving_school_id: "34CD00",
        move_date: "2025-07-01",
        signal_codes: ["PREVENTIVE_10H"],
      }),
    ]);
    expect((await as("teacher").get("/api/handover-candidates")).statusCode).toBe(403);
  });

  it("lets the sending care coordinator write it; a pupil without a move is refused", async () => {
    const none = await as("coordinator").post("/api/handovers", {
      pupil_id: "P0001",
      receiving_school_id: "34CD00",
      what_was_going_on: WHAT,
      what_helped: HELPED,
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().type).toBe("urn:aanwezig:problem:handover-not-a-move");
    const written = await as("coordinator").post("/api/handovers", {
      pupil_id: "P0003",
      receiving_school_id: "34CD00",
      what_was_going_on: WHAT,
      what_helped: HELPED,
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({
      status: "open",
      consent: "not_asked",
      side: "sending",
      what_was_going_on: WHAT,
      may_record_consent: true,
    });
    id = written.json().id;
    const again = await as("coordinator").post("/api/handovers", {
      pupil_id: "P0003",
      receiving_school_id: "34CD00",
      what_was_going_on: WHAT,
      what_helped: HELPED,
    });
    expect(again.statusCode).toBe(409);
  });

  it("shows the receiving school only that it exists while consent is missing", async () => {
    const list = await as("otherCoordinator").get("/api/handovers");
    expect(list.json().handovers).toEqual([
      expect.objectContaining({
        id,
        side: "receiving",
        pupil_name: "Liv Bakker",
        what_was_going_on: null,
        what_helped: null,
        may_acknowledge: false,
      }),
    ]);
    const taken = await as("otherCoordinator").post(`/api/handovers/${id}/status`, {
      status: "acknowledged",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toBe("urn:aanwezig:problem:handover-consent-missing");
    // The sending school records consent; the receiving school does not.
    const wrongSide = await as("otherCoordinator").post(`/api/handovers/${id}/consent`, {
      decision: "given",
      giver: "parents",
    });
    expect(wrongSide.statusCode).toBe(403);
  });

  it("shows the partnership the status, never the content or the name", async () => {
    const list = await as("swv").get("/api/handovers");
    expect(list.json().handovers).toEqual([
      expect.objectContaining({ id, side: "partnership", pupil_name: null, what_helped: null }),
    ]);
    expect(list.json().open_per_school).toEqual([
      { school_id: "34CD00", school_name: "Het Baken", open: 1 },
    ]);
    expect((await as("teacher").get("/api/handovers")).statusCode).toBe(403);
  });

  it("opens the content with consent (b); the receiving school takes it in and closes it", async () => {
    const consent = await as("coordinator").post(`/api/handovers/${id}/consent`, {
      decision: "given",
      giver: "parents",
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consent).toBe("given");
    const list = await as("otherCoordinator").get("/api/handovers");
    expect(list.json().handovers[0]).toMatchObject({
      what_was_going_on: WHAT,
      what_helped: HELPED,
      may_acknowledge: true,
    });
    const closeFirst = await as("otherCoordinator").post(`/api/handovers/${id}/status`, {
      status: "closed",
    });
    expect(closeFirst.statusCode).toBe(409);
    const taken = await as("otherCoordinator").post(`/api/handovers/${id}/status`, {
      status: "acknowledged",
    });
    expect(taken.json()).toMatchObject({ status: "acknowledged", may_close: true });
    const closed = await as("otherCoordinator").post(`/api/handovers/${id}/status`, {
      status: "closed",
    });
    expect(closed.json()).toMatchObject({ status: "closed", closed_on: "2026-03-02" });
    const swv = await as("swv").get("/api/handovers");
    expect(swv.json().open_per_school).toEqual([
      { school_id: "34CD00", school_name: "Het Baken", open: 0 },
    ]);
  });

  it("audits who read the content and who saw only the status", async () => {
    const rows = (await listAudit(t.db.orm, { pupilId: "P0003", limit: 1000 })).filter(
      (r) => r.resourceType === "handover",
    );
    const actions = new Set(rows.map((r) => `${r.action}:${r.outcome}`));
    for (const expected of [
      "list_handover_candidates:allowed",
      "write_handover:allowed",
      "list_handovers:allowed",
      "read_handover_content:allowed",
      "record_handover_consent:denied",
      "settle_handover:allowed",
    ]) {
      expect(actions, expected).toContain(expected);
    }
  });
});

// The case director of the pupil's case has no schools: their candidates are the pupils of their
// open cases (the gate decides per pupil, isCaseParticipant); another director sees none.
describe.each(engines())("the case director's handover candidates on $name", (engine) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof startWithEveryone>>["s"];
  let as: Awaited<ReturnType<typeof startWithEveryone>>["as"];

  beforeAll(async () => {
    ({ t, s, as } = await startWithHandoverPupil(engine));
  });
  afterAll(async () => {
    await t.close();
  });

  it("offers the pupil of their case, and lets them write the handover", async () => {
    expect((await as("director").get("/api/handover-candidates")).json().candidates).toEqual([]);
    const opened = await as("otherCoordinator").post("/api/cases", {
      pupil_id: "P0003",
      absence_start_date: "2026-02-02",
      reason: "Langdurig afwezig sinds begin februari.",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const handed = await as("otherCoordinator").post(`/api/cases/${opened.json().id}/escalate`, {
      reason: "Het verzuim duurt naar verwachting langer dan 4 weken.",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);

    const answer = await as("director").get("/api/handover-candidates");
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().candidates).toEqual([
      expect.objectContaining({
        pupil_id: "P0003",
        sending_school_id: "12AB00",
        receiving_school_id: "34CD00",
        signal_codes: ["PREVENTIVE_10H"],
      }),
    ]);
    expect((await as("otherDirector").get("/api/handover-candidates")).json().candidates).toEqual(
      [],
    );
    const written = await as("director").post("/api/handovers", {
      pupil_id: "P0003",
      receiving_school_id: "34CD00",
      what_was_going_on: WHAT,
      what_helped: HELPED,
    });
    expect(written.statusCode, written.body).toBe(201);
    expect((await as("director").get("/api/handover-candidates")).json().candidates).toEqual([]);
    const audited = (await listAudit(t.db.orm, { pupilId: "P0003", limit: 1000 })).filter(
      (r) => r.action === "list_handover_candidates" && r.userId === s.director.id,
    );
    expect(audited.length).toBeGreaterThan(0);
  });
});

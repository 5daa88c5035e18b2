// The chain of domain.md §5 driven over HTTP on both engines: plan, consent (b) for a partner,
// stagnation, hand-over, breakthrough team, arbitration refused without consent (d), the
// prosecutor route, closing — each command with the session's CSRF token, each refusal as
// problem+json (403 role, 404 not visible, 409 the case's state or the family's consent).
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  clientOf,
  openCaseForP0001,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

function expectProblem(response: LightMyRequestResponse, status: number, problemType?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
  const body = response.json();
  expect(body.status).toBe(status);
  if (problemType) expect(body.type).toBe(problemType);
  return body;
}

describe.each(engines())("case commands over HTTP on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let id: string;
  let url: (command?: string) => string;
  const detail = async (who: keyof Sessions = "director") => {
    const response = await as(who).get(url());
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    id = await openCaseForP0001(as);
    url = (command) => `/api/cases/${id}${command ? `/${command}` : ""}`;
  });
  afterAll(() => t.close());

  it("refuses a command without the CSRF header, and an anonymous one with 401", async () => {
    const noToken = await t.app.inject({
      method: "POST",
      url: url("goals"),
      headers: { cookie: s.coordinator.cookie },
      payload: { domain: "education", text: "x", measure: "y", target_date: "2026-04-01" },
    });
    expectProblem(noToken, 403);
    expect(noToken.json().detail).toContain("x-csrf-token");
    expectProblem(await clientOf(t, null).post(url("goals"), {}), 401);
  });

  it("builds the plan: a SMART goal and an action with its owner", async () => {
    const goal = await as("coordinator").post(url("goals"), {
      domain: "education",
      text: "Fenna gaat weer halve dagen naar school",
      measure: "aanwezigheid ≥ 50% per week",
      target_date: "2026-04-01",
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const action = await as("coordinator").post(url("actions"), {
      description: "Huisbezoek door de mentor",
      owner_person_id: s.teacher.id,
      owner_organisation: "12AB00",
      due_date: "2026-03-06",
    });
    expect(action.statusCode, action.body).toBe(201);
    const notSmart = await as("coordinator").post(url("goals"), {
      domain: "care",
      text: "Terug",
      measure: "ja",
      target_date: "2026-01-01",
    });
    expectProblem(notSmart, 409, "urn:aanwezig:problem:not-smart");
    const body = await detail("coordinator");
    expect(body.plan.goals).toEqual([
      expect.objectContaining({ id: goal.json().id, set_on: "2026-03-02", domain: "education" }),
    ]);
    expect(body.plan.actions).toEqual([
      expect.objectContaining({
        id: action.json().id,
        owner_person_id: s.teacher.id,
        status: "open",
        overdue: false,
      }),
    ]);
    expect(body.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: "met", met_on: "2026-03-02" })]),
    );
    expect(body.allowed_actions).toContain("actions/{action_id}/status");
    const done = await as("coordinator").post(`${url("actions")}/${action.json().id}/status`, {
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it("adds a partner only with consent (b): refused, then given by the parent, then withdrawn", async () => {
    const add = () =>
      as("coordinator").post(url("participants"), {
        user_id: s.youthCare.id,
        role: "youth_care",
        organisation: "Jeugdteam Zandstad",
      });
    expectProblem(await add(), 409, "urn:aanwezig:problem:partner-consent-missing");
    // The partner sees nothing of the pupil yet, exactly like a case that does not exist.
    expectProblem(await as("youthCare").get(url()), 404);

    const given = await as("parent").post(url("consent"), {
      purpose: "involve_partner",
      subject: "Jeugdteam Zandstad",
      decision: "given",
    });
    expect(given.statusCode, given.body).toBe(201);
    const added = await add();
    expect(added.statusCode, added.body).toBe(201);
    expect((await as("youthCare").get(url())).statusCode).toBe(200);
    expect((await as("youthCare").get("/api/pupils/P0001")).statusCode).toBe(200);
    const status = (await detail("coordinator")).consent.status;
    expect(status).toEqual(
      expect.arrayContaining([
        {
          purpose: "involve_partner",
          subject: "Jeugdteam Zandstad",
          state: "given",
          authority: "parents",
        },
      ]),
    );

    // Withdrawal takes effect at once: the partner's participation ends today.
    const withdrawn = await as("parent").post(url("consent"), {
      purpose: "involve_partner",
      subject: "Jeugdteam Zandstad",
      decision: "withdrawn",
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expectProblem(await as("youthCare").get(url()), 404);
    // … and so does the pupil record and its attendance, the same day.
    expectProblem(await as("youthCare").get("/api/pupils/P0001"), 404);
    expectProblem(await as("youthCare").get("/api/pupils/P0001/attendance"), 404);
    const participants = (await detail("coordinator")).participants;
    expect(participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ person_id: s.youthCare.id, until: "2026-03-02" }),
      ]),
    );
    expectProblem(await add(), 409, "urn:aanwezig:problem:partner-consent-missing");
  });

  it("ends a participation: the partner no longer sees the case; the owner cannot leave", async () => {
    await as("parent").post(url("consent"), {
      purpose: "involve_partner",
      subject: "SWV PO2605",
      decision: "given",
    });
    const added = await as("coordinator").post(url("participants"), {
      user_id: s.swv.id,
      role: "partnership_consultant",
      organisation: "SWV PO2605",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await as("swv").get(url())).statusCode).toBe(200);
    expect((await detail("coordinator")).allowed_actions).toContain("participants/{person_id}/end");
    // The partner cannot push others out (403: they read the case, it is not their decision).
    expectProblem(await as("swv").post(url(`participants/${s.coordinator.id}/end`)), 403);
    const ended = await as("coordinator").post(url(`participants/${s.swv.id}/end`));
    expect(ended.statusCode, ended.body).toBe(200);
    expectProblem(await as("swv").get(url()), 404);
    expectProblem(
      await as("coordinator").post(url(`participants/${s.coordinator.id}/end`)),
      409,
      "urn:aanwezig:problem:would-leave-without-owner",
    );
  });

  it("asks a professional who records consent whose decision it is", async () => {
    const anonymous = await as("coordinator").post(url("consent"), {
      purpose: "agree_with_plan",
      decision: "given",
    });
    expectProblem(anonymous, 409, "urn:aanwezig:problem:giver-required");
    const named = await as("coordinator").post(url("consent"), {
      purpose: "agree_with_plan",
      decision: "given",
      giver: { kind: "parent", person_id: s.parent.id },
    });
    expect(named.statusCode, named.body).toBe(201);
    const records = (await detail("coordinator")).consent.records;
    expect(records.at(-1)).toMatchObject({
      purpose: "agree_with_plan",
      decision: "given",
      giver: { kind: "parent", person_id: s.parent.id },
    });
  });

  it("leaves escalation beyond SCHOOL to the director: the teacher and others are refused", async () => {
    // The teacher is not in the case (no participant): the case does not exist for them.
    expectProblem(await as("teacher").post(url("escalate"), { reason: "x" }), 404);
    // Another school's coordinator: 404 as well, the same answer as for an unknown id.
    const hidden = await as("otherCoordinator").post(url("escalate"), { reason: "x" });
    const missing = await as("otherCoordinator").post(
      `/api/cases/${"0".repeat(id.length)}/escalate`,
      { reason: "x" },
    );
    expectProblem(hidden, 404);
    expect(missing.body.replace("0".repeat(id.length), id)).toBe(hidden.body);
    // The parent reads the case but may not steer it: 403.
    expectProblem(await as("parent").post(url("escalate"), { reason: "x" }), 403);
    // Validation comes before anything else.
    expectProblem(await as("coordinator").post(url("escalate"), {}), 400);
  });

  it("hands the case to the director, who flags stagnation and convenes the breakthrough team", async () => {
    const handed = await as("coordinator").post(url("escalate"), {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({
      phase: "CASE_DIRECTOR",
      record: {
        command: "hand_to_director",
        from: "SCHOOL",
        to: "CASE_DIRECTOR",
        basis: "decision",
      },
    });
    // The school no longer closes or escalates once the director holds the case.
    expectProblem(
      await as("coordinator").post(url("close"), { outcome: "other", reason: "x" }),
      403,
    );
    // A waiting list for an arrangement the catalogue does not hold is a refusal, not a 500
    // (found by the API fuzz suite), and flags nothing.
    const unknown = await as("coordinator").post(url("stagnation"), {
      cause: "waiting_list_youth_care",
      note: "Wachtlijst",
      waiting_for_arrangement_id: "geen-arrangement",
    });
    expect(unknown.statusCode, unknown.body).toBe(409);
    expect(unknown.json().type).toBe("urn:aanwezig:problem:unknown-arrangement");
    expect((await detail("director")).stagnation).toHaveLength(0);
    const flag = await as("coordinator").post(url("stagnation"), {
      cause: "waiting_list_youth_care",
      note: "Wachtlijst jeugd-GGZ van 10 weken",
    });
    expect(flag.statusCode, flag.body).toBe(201);
    const beforeBreakthrough = await detail("director");
    expect(beforeBreakthrough.owner.person_id).toBe(s.director.id);
    expect(beforeBreakthrough.allowed_actions).toEqual(
      expect.arrayContaining([
        "breakthrough",
        "breakthrough-check",
        "deescalate",
        "close",
        "stagnation/{flag_id}/resolve",
        "budget/commitments",
      ]),
    );
    expect(beforeBreakthrough.allowed_actions).not.toContain("arbitration");
    expect(beforeBreakthrough.allowed_actions).not.toContain("escalate");

    const convened = await as("director").post(url("breakthrough"), {
      reason: "Stagnatie door wachtlijst",
    });
    expect(convened.statusCode, convened.body).toBe(200);
    expect(convened.json().record).toMatchObject({ to: "BREAKTHROUGH", basis: "stagnation" });
    // A second convening: the case's state refuses it (409), not the role.
    expectProblem(
      await as("director").post(url("breakthrough"), { reason: "nog eens" }),
      409,
      "urn:aanwezig:problem:wrong-phase",
    );
  });

  it("refuses arbitration without consent (d); a refusal of (d) opens the prosecutor route", async () => {
    const committee = {
      parents_representative: "Mr. A. de Vries",
      own_partnership_member: "SWV PO2605",
      neighbouring_partnership_member: "SWV PO2606",
    };
    expect((await detail("director")).allowed_actions).not.toContain("arbitration");
    expectProblem(
      await as("director").post(url("arbitration"), {
        reason: "Partijen zijn het oneens",
        committee,
      }),
      409,
      "urn:aanwezig:problem:arbitration-consent-missing",
    );
    // Without a ground (no refusal, term not passed) there is no referral either.
    expectProblem(
      await as("director").post(url("prosecutor"), { route: "civil", reason: "x" }),
      409,
      "urn:aanwezig:problem:no-ground-for-prosecutor",
    );
    const refused = await as("parent").post(url("consent"), {
      purpose: "binding_arbitration",
      decision: "refused",
    });
    expect(refused.statusCode, refused.body).toBe(201);
    expect((await detail("director")).allowed_actions).toContain("prosecutor");
    const referred = await as("director").post(url("prosecutor"), {
      route: "civil",
      reason: "Ouders weigeren bindende arbitrage",
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json()).toMatchObject({
      phase: "PROSECUTOR",
      record: { from: "BREAKTHROUGH", to: "PROSECUTOR", basis: "arbitration_refused" },
    });
    expect((await detail("director")).prosecutor_referral).toMatchObject({
      route: "civil",
      referred_at: "2026-03-02",
    });
  });

  it("closes the case with an outcome; a closed case is read-only", async () => {
    const closed = await as("director").post(url("close"), {
      outcome: "special_education",
      reason: "Geplaatst op het SO",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    // The school reads its closed case; the director took part only while it was open (§2),
    // like the pupil page, which is closed to them now too.
    expectProblem(await as("director").get(url()), 404);
    expectProblem(await as("director").get("/api/pupils/P0001"), 404);
    const body = await detail("coordinator");
    expect(body.phase).toBe("CLOSED");
    expect(body.closing).toEqual({
      outcome: "special_education",
      closed_at: "2026-03-02",
      duration_days: 28,
      guarantee_held: true,
    });
    expect(body.history.map((r: { command: string }) => r.command)).toEqual([
      "hand_to_director",
      "convene_breakthrough",
      "refer_prosecutor",
      "close",
    ]);
    expect(body.allowed_actions).not.toContain("goals");
    expectProblem(
      await as("coordinator").post(url("goals"), {
        domain: "care",
        text: "x",
        measure: "y",
        target_date: "2026-04-01",
      }),
      403,
    );
    // Parents keep their say over consent; budget lines are not theirs to see.
    const parentView = await detail("parent");
    expect(parentView.budget).toBeNull();
    // Not the professionals' working notes (domain.md §2: plan, deadlines, consent, documents).
    expect(body.stagnation).toHaveLength(1);
    expect(body.history).toHaveLength(4);
    expect(parentView).toMatchObject({ history: [], stagnation: [], meetings: [], events: [] });
    expect(parentView.plan.goals).toHaveLength(1);
    expect(parentView.consent.records.length).toBeGreaterThan(0);
    expect(parentView.allowed_actions).toEqual(["consent"]);
  });

  it("opens a case from signals without a reason and keeps the signal ids", async () => {
    const opened = await as("head").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-16",
      signal_ids: ["LEGAL_16H:abc"],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const body = (await as("head").get(`/api/cases/${opened.json().id}`)).json();
    expect(body.opening).toEqual({ kind: "signals", reason: null, signal_ids: ["LEGAL_16H:abc"] });
    expect(body.owner).toMatchObject({ person_id: s.head.id, role: "school_head" });
  });

  it("refuses opening a case to those without open_case: 403 if they see the pupil, else 404", async () => {
    const body = { pupil_id: "P0001", absence_start_date: "2026-02-16", reason: "zorgen" };
    expectProblem(await as("director").post("/api/cases", body), 404);
    expectProblem(await as("otherCoordinator").post("/api/cases", body), 404);
    expectProblem(await as("parent").post("/api/cases", body), 403);
    expectProblem(
      await as("otherCoordinator").post("/api/cases", { ...body, pupil_id: "P9999" }),
      404,
    );
    const byHandWithoutReason = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-16",
    });
    expectProblem(byHandWithoutReason, 409, "urn:aanwezig:problem:reason-required");
  });
});

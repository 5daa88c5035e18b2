// The case API over HTTP on both engines (interfaces.md GET/POST /api/cases, domain.md §5): a
// case opened by hand and from signals, read back with phase, clock, deadlines, plan and
// participants; the main commands with the CSRF header; problem+json for 400, 403, 404 and 409;
// allowed_actions from the same policy the commands are checked by.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  closeOpenCaseOf,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { PROBLEM_CONTENT_TYPE } from "../problem.ts";

describe.each(engines())("case API on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let caseId: string;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
  });
  afterAll(() => t.close());

  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    type?: string,
  ) => {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    const body = response.json() as {
      status: number;
      type: string;
      detail?: string;
      errors?: { in: string; path: string }[];
    };
    expect(body.status).toBe(status);
    if (type) expect(body.type).toBe(type);
    return body;
  };

  it("opens a case by hand: the care coordinator becomes owner and first participant", async () => {
    const response = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-02",
      reason: "Fenna is sinds twee weken niet op school; de mentor maakt zich zorgen.",
    });
    expect(response.statusCode, response.body).toBe(201);
    const summary = response.json();
    caseId = summary.id;
    expect(summary).toMatchObject({
      pupil_id: "P0001",
      pupil_name: "Fenna Verbeek",
      school_id: "12AB00",
      school_name: "Basisschool De Linde",
      municipality: "Zandstad",
      phase: "SCHOOL",
      opened_at: "2026-03-02",
      absence_start_date: "2026-02-02",
      owner: { person_id: s.coordinator.id, role: "care_coordinator", organisation: "12AB00" },
      three_month: { due_date: "2026-05-02", status: "open", breach_marked_at: null },
    });
    // 2026-02-02 … 2026-03-02 spans five ISO weeks; the test region has no closures.
    expect(summary.clock_weeks).toBe(5);
  });

  it("lists the case with the pupil's municipality of residence (the worklists filter by it)", async () => {
    for (const who of ["coordinator", "leerplicht"] as const) {
      const response = await as(who).get("/api/cases");
      expect(response.statusCode).toBe(200);
      const row = (response.json() as { id: string; municipality: string }[]).find(
        (c) => c.id === caseId,
      );
      expect(row?.municipality, who).toBe("Zandstad");
    }
  });

  it("reads the case back with clock, deadlines, plan, participants and allowed actions", async () => {
    const response = await as("coordinator").get(`/api/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.opening).toEqual({
      kind: "by_hand",
      reason: "Fenna is sinds twee weken niet op school; de mentor maakt zich zorgen.",
      signal_ids: [],
    });
    expect(detail.clock_mode).toBe("lesweken");
    expect(detail.participants).toEqual([
      {
        person_id: s.coordinator.id,
        role: "care_coordinator",
        organisation: "12AB00",
        name: "coordinator",
        since: "2026-03-02",
        until: null,
      },
    ]);
    expect(detail.plan).toEqual({ goals: [], actions: [] });
    const codes = (detail.deadlines as { code: string }[]).map((d) => d.code);
    expect(codes.length).toBeGreaterThan(3);
    expect(detail.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ due_date: "2026-05-02", kpi_target: 0.8 }),
      ]),
    );
    // The school holds the case in SCHOOL: it works on the plan, records consent, hands over
    // and closes; it does not convene the breakthrough team or spend the budget.
    expect(detail.allowed_actions).toEqual(
      expect.arrayContaining([
        "escalate",
        "close",
        "goals",
        "actions",
        "consent",
        "stagnation",
        "participants",
        "events",
        "meetings",
        "documents",
        "ladder",
        "offer",
      ]),
    );
    for (const never of [
      "breakthrough",
      "arbitration",
      "prosecutor",
      "deescalate",
      "budget/commitments",
      "actions/{action_id}/status",
      "stagnation/{flag_id}/resolve",
    ]) {
      expect(detail.allowed_actions).not.toContain(never);
    }
  });

  it("answers a body that breaks the schema with a 400 problem naming the field", async () => {
    const response = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2 februari",
    });
    const problem = expectProblem(response, 400, "urn:aanwezig:problem:validation");
    expect(problem.errors).toEqual([
      expect.objectContaining({ in: "body", path: "absence_start_date" }),
    ]);
  });

  it("serves a document as a download that never runs as a page, whatever its type", async () => {
    const uploaded = await as("coordinator").post(`/api/cases/${caseId}/documents`, {
      name: 'brief "ouders".html',
      mime_type: "text/html",
      visibility: "professionals",
      content_base64: Buffer.from("<script>alert(1)</script>").toString("base64"),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const response = await as("coordinator").get(
      `/api/cases/${caseId}/documents/${uploaded.json().id}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("<script>alert(1)</script>");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="brief%20%22ouders%22.html"',
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("sandbox");
    // Not readable for the parent (professionals only): 404 like a document that is not there.
    const hidden = await as("parent").get(`/api/cases/${caseId}/documents/${uploaded.json().id}`);
    expectProblem(hidden, 404);
  });

  it("hides opening signals on authorized absence from leerplicht until consent (a) holds", async () => {
    await closeOpenCaseOf(t, "P0001"); // the case opened above: one open case per pupil
    const opened = await as("head").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-09",
      absence_started_sick: true,
      signal_ids: ["SICK_LONG:7", "LEGAL_16H:8"],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const url = `/api/cases/${opened.json().id}`;
    const signalsFor = async (who: keyof Sessions) => {
      const response = await as(who).get(url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().opening.signal_ids;
    };
    expect(await signalsFor("head")).toEqual(["SICK_LONG:7", "LEGAL_16H:8"]);
    expect(await signalsFor("leerplicht")).toEqual(["LEGAL_16H:8"]);
    const consent = await as("parent").post(`${url}/consent`, {
      purpose: "share_authorized_absence_with_leerplicht",
      decision: "given",
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(await signalsFor("leerplicht")).toEqual(["SICK_LONG:7", "LEGAL_16H:8"]);
    await as("parent").post(`${url}/consent`, {
      purpose: "share_authorized_absence_with_leerplicht",
      decision: "withdrawn",
    });
    expect(await signalsFor("leerplicht")).toEqual(["LEGAL_16H:8"]);
  });

  it("opens a case at the opener's own school when the pupil had two this year", async () => {
    // P0004 left 12AB00 on 2025-09-30 and went to 34CD00: both are this school year's schools.
    await t.db.sql.exec(
      "insert into enrolments values ('P0004', '34CD00', '2025-10-01', null, '1')",
    );
    const body = { pupil_id: "P0004", absence_start_date: "2026-02-16", reason: "zorgen" };
    const own = await as("otherCoordinator").post("/api/cases", body);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().school_id).toBe("34CD00");
    await closeOpenCaseOf(t, "P0004");
    const linde = await as("coordinator").post("/api/cases", body);
    expect(linde.statusCode, linde.body).toBe(201);
    expect(linde.json().school_id).toBe("12AB00");
    await closeOpenCaseOf(t, "P0004");
    const elsewhere = await as("otherCoordinator").post("/api/cases", {
      ...body,
      school_id: "12AB00",
    });
    expectProblem(elsewhere, 409, "urn:aanwezig:problem:school-required");
    const lpa = await as("leerplicht").post("/api/cases", { ...body, school_id: "12AB00" });
    expect(lpa.statusCode, lpa.body).toBe(201);
    expect(lpa.json().school_id).toBe("12AB00");
  });

  it("refuses a second open case for a pupil, naming the open one (issue 20 item 8b)", async () => {
    const body = { pupil_id: "P0002", absence_start_date: "2026-02-16", reason: "zorgen" };
    const first = await as("otherCoordinator").post("/api/cases", body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await as("otherCoordinator").post("/api/cases", body);
    const problem = expectProblem(again, 409, "urn:aanwezig:problem:case-already-open");
    expect(problem).toMatchObject({
      existing_case_id: first.json().id,
      detail: expect.stringContaining("al een open casus"),
    });
    // Someone else who may open a case for the pupil is refused the same way.
    const lpa = await as("leerplicht").post("/api/cases", body);
    expectProblem(lpa, 409, "urn:aanwezig:problem:case-already-open");
    // Someone who may not see the pupil learns nothing about the open case.
    const linde = await as("coordinator").post("/api/cases", body);
    expect(expectProblem(linde, 404)).not.toHaveProperty("existing_case_id");
    expect(await openCasesOf("P0002")).toBe(1);
    // Once it is closed, the pupil may get a new case.
    await closeOpenCaseOf(t, "P0002");
    const next = await as("otherCoordinator").post("/api/cases", body);
    expect(next.statusCode, next.body).toBe(201);
  });

  it("opens exactly one case when the same request arrives twice at once", async () => {
    const body = { pupil_id: "P0003", absence_start_date: "2026-02-16", reason: "zorgen" };
    const responses = await Promise.all([
      as("otherCoordinator").post("/api/cases", body),
      as("otherCoordinator").post("/api/cases", body),
      as("leerplicht").post("/api/cases", body),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses, responses.map((r) => r.body).join("\n")).toEqual([201, 409, 409]);
    const created = responses.find((r) => r.statusCode === 201)!.json().id;
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().existing_case_id).toBe(created);
    }
    expect(await openCasesOf("P0003")).toBe(1);
  });

  it("holds one open case per pupil in the database itself", async () => {
    // P0003 has its open case from the test above; a second insert past the command fails.
    await expect(
      t.db.sql.query(
        `insert into cases (id, pupil_id, school_id, phase, owner_person_id, owner_role,
           owner_organisation, opened_at, opening_kind, absence_start_date, clock_mode)
         values ('tweede', 'P0003', '34CD00', 'SCHOOL', 'x', 'care_coordinator', '34CD00',
           '2026-03-02', 'by_hand', '2026-02-16', 'lesweken')`,
      ),
    ).rejects.toThrow(/cases_one_open_per_pupil_idx/);
    expect(await openCasesOf("P0003")).toBe(1);
  });

  async function openCasesOf(pupilId: string): Promise<number> {
    const [row] = await t.db.sql.query<{ n: number }>(
      "select count(*)::int as n from cases where pupil_id = $1 and phase <> 'CLOSED'",
      [pupilId],
    );
    return row?.n ?? 0;
  }
});

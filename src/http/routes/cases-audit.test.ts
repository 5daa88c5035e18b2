// domain.md §2 "Every read of personal data is logged": each read of a case or its pupil — the
// list, the detail, a document, the pupil record — and each change appears in the audit trail
// (GET /api/audit, privacy officer and application admin) with who (user, role), what (action,
// resource), when (at), why (the policy rule that allowed it or the check that failed) and the
// request's context (route, method, request id, case). Refused attempts are logged too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  clientOf,
  loginEveryone,
  type Sessions,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import { startTestApp, type TestApp } from "../../../test/support/test-app.ts";

interface Entry {
  id: number;
  at: string;
  user_id: string | null;
  user_email: string | null;
  role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  pupil_id: string | null;
  context: Record<string, string>;
  outcome: "allowed" | "denied";
}

describe.each(engines())("audit trail of the case API on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let caseId: string;
  let documentId: string;
  let started: number;
  let trail: Entry[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    s = await loginEveryone(t);
    as = (who) => clientOf(t, s[who]);
    started = Date.now();
    const opened = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-02",
      reason: "Zorgen",
    });
    caseId = opened.json().id;
    documentId = (
      await as("coordinator").post(`/api/cases/${caseId}/documents`, {
        name: "verslag.txt",
        mime_type: "text/plain",
        visibility: "also_parents",
        content_base64: Buffer.from("Verslag van het gesprek").toString("base64"),
      })
    ).json().id;
    await as("coordinator").post(`/api/cases/${caseId}/goals`, {
      domain: "education",
      text: "Weer naar school",
      measure: "4 dagen per week",
      target_date: "2026-04-01",
    });
    expect((await as("coordinator").get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await as("head").get("/api/cases")).statusCode).toBe(200);
    expect((await as("parent").get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect(
      (await as("parent").get(`/api/cases/${caseId}/documents/${documentId}`)).statusCode,
    ).toBe(200);
    const medical = await as("coordinator").post(`/api/cases/${caseId}/documents`, {
      name: "medisch.txt",
      mime_type: "text/plain",
      visibility: "jgz_only",
      content_base64: Buffer.from("medisch").toString("base64"),
    });
    expect(medical.statusCode).toBe(403);
    expect((await as("otherCoordinator").get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await as("youthCare").get("/api/pupils/P0001")).statusCode).toBe(404);
    expect((await as("teacher").get("/api/pupils/P0001")).statusCode).toBe(200);
    const response = await as("privacy").get("/api/audit?pupil_id=P0001&limit=1000");
    expect(response.statusCode).toBe(200);
    trail = response.json().entries;
  });
  afterAll(() => t.close());

  const find = (where: Partial<Entry>, context: Record<string, string> = {}) =>
    trail.filter(
      (e) =>
        Object.entries(where).every(([k, v]) => e[k as keyof Entry] === v) &&
        Object.entries(context).every(([k, v]) => e.context[k] === v),
    );

  it("logs a case read with who, what, when, why and where", () => {
    const [entry] = find(
      { user_id: s.coordinator.id, action: "read_case", outcome: "allowed" },
      { method: "GET", route: "/api/cases/:id" },
    );
    expect(entry).toMatchObject({
      user_email: s.coordinator.email,
      role: "care_coordinator",
      resource_type: "case",
      resource_id: caseId,
      pupil_id: "P0001",
      context: {
        caseId,
        reason: "care_coordinator may read_case on case when sameSchool",
      },
    });
    expect(entry?.context.requestId).toBeTruthy();
    const at = Date.parse(entry?.at ?? "");
    expect(at).toBeGreaterThanOrEqual(started - 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("logs each case shown in a list, the parent's read and the document download", () => {
    expect(find({ user_id: s.head.id, action: "read_case" }, { list: "true" })).toHaveLength(1);
    expect(find({ user_id: s.parent.id, action: "read_case", role: "parent" })).toHaveLength(1);
    expect(
      find({
        user_id: s.parent.id,
        action: "read_document",
        resource_type: "document",
        resource_id: documentId,
        outcome: "allowed",
      }),
    ).toHaveLength(1);
  });

  it("logs refused attempts with the check that failed", () => {
    const [hidden] = find({ user_id: s.otherCoordinator.id, action: "read_case" });
    expect(hidden).toMatchObject({ outcome: "denied", role: "care_coordinator" });
    expect(hidden?.context.reason).toContain("sameSchool");
    const [pupil] = find({ user_id: s.youthCare.id, action: "read_pupil" });
    expect(pupil).toMatchObject({ outcome: "denied", resource_type: "pupil" });
    expect(find({ user_id: s.teacher.id, action: "read_pupil", outcome: "allowed" })).toHaveLength(
      1,
    );
  });

  it("logs why a medical document could not be filed by the school", () => {
    const refused = find({
      user_id: s.coordinator.id,
      action: "upload_document",
      outcome: "denied",
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]?.context).toMatchObject({ caseId, visibility: "jgz_only" });
    expect(refused[0]?.context.reason).toContain("jgzOnly");
  });

  it("logs the changes: opening, the goal, the upload", () => {
    // The refused medical upload passed the case gate too: two allowed upload rows.
    const counts = { open_case: 1, add_plan_goal: 1, upload_document: 2 };
    for (const [action, count] of Object.entries(counts)) {
      expect(find({ user_id: s.coordinator.id, action, outcome: "allowed" }), action).toHaveLength(
        count,
      );
    }
  });

  it("shows the same trail to the application admin, to nobody else", async () => {
    const admin = await as("admin").get("/api/audit?pupil_id=P0001&limit=1000");
    expect(admin.statusCode).toBe(200);
    expect((admin.json().entries as Entry[]).map((e) => e.id)).toEqual(
      expect.arrayContaining(trail.map((e) => e.id)),
    );
    for (const who of ["director", "coordinator", "parent", "policy"] as const) {
      expect((await as(who).get("/api/audit?pupil_id=P0001")).statusCode, who).toBe(403);
    }
  });
});

// Issue 13 item 1 at the HTTP edge, on both engines: a NUL, a control character or an invisible
// or bidirectional character anywhere in a path parameter, query or JSON body is a 400
// problem+json naming the field (never a 500 from PostgreSQL, never a second "same" pupil);
// ids are checked by kind; text is stored as NFC; an oversized body is a 413 problem+json;
// ordinary Dutch text with accents, tabs and newlines still goes through.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Sessions,
  startWithEveryone,
} from "../../test/support/case-api.ts";
import { engines } from "../../test/support/databases.ts";
import type { TestApp } from "../../test/support/test-app.ts";
import { PUPIL_ID_PATTERN, SCHOOL_ID_PATTERN } from "../domain/input/identifiers.ts";
import { PROBLEM_CONTENT_TYPE } from "./problem.ts";

function expectFieldRefused(
  response: LightMyRequestResponse,
  where: "path" | "query" | "body",
  field: string,
) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
  const problem = response.json();
  expect(problem.status).toBe(400);
  expect(problem.detail).toMatch(/ongeldig|niet toegestaan|teken/i);
  expect(problem.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ in: where, path: field })]),
  );
  return problem;
}

describe.each(engines())("input hygiene at the HTTP edge on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let caseId: string;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    caseId = await openCaseForP0001(as);
  });
  afterAll(() => t.close());

  describe("a NUL byte is a 400 naming the field, not a 500 from the database", () => {
    it("in a path parameter", async () => {
      expectFieldRefused(await as("teacher").get("/api/pupils/%00"), "path", "pupil_id");
      expectFieldRefused(await as("coordinator").get("/api/cases/%00"), "path", "id");
      expectFieldRefused(await as("coordinator").get("/api/duo-reports/%00"), "path", "id");
      expectFieldRefused(
        await as("coordinator").get("/api/pupils/P0001%00/attendance"),
        "path",
        "pupil_id",
      );
    });

    it("in a query parameter", async () => {
      expectFieldRefused(await as("admin").get("/api/audit?pupil_id=%00"), "query", "pupil_id");
    });

    it("in the e-mail address of a login", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: "juf\u0000@linde.example", password: "wat-dan-ook-123" },
      });
      expectFieldRefused(response, "body", "email");
    });

    it("in the text of a case event, a document name and a case opening", async () => {
      expectFieldRefused(
        await as("coordinator").post(`/api/cases/${caseId}/events`, {
          kind: "mentor_contact",
          date: "2026-02-27",
          note: "gebeld\u0000",
        }),
        "body",
        "note",
      );
      expectFieldRefused(
        await as("coordinator").post(`/api/cases/${caseId}/documents`, {
          name: "verslag\u0000.pdf",
          mime_type: "application/pdf",
          visibility: "professionals",
          content_base64: "aGFsbG8=",
        }),
        "body",
        "name",
      );
      expectFieldRefused(
        await as("otherCoordinator").post("/api/cases", {
          pupil_id: "P0002",
          absence_start_date: "2026-02-02",
          reason: "afwezig\u0000",
        }),
        "body",
        "reason",
      );
    });

    it("in a key of a JSON object, named by its path", async () => {
      const response = await as("coordinator").post(`/api/cases/${caseId}/meetings`, {
        kind: "mdo_zat",
        date: "2026-02-27",
        participant_ids: [s.coordinator.id],
        decisions: [{ text: "ok", "x\u0000": 1 }],
      });
      expectFieldRefused(response, "body", "decisions.0");
    });
  });

  describe("invisible and bidirectional characters make no second 'same' pupil", () => {
    it("refuses a pupil id with a zero-width space or a right-to-left override", async () => {
      for (const hidden of ["%E2%80%8B", "%E2%80%AE", "%EF%BB%BF", "%E2%81%A6"]) {
        expectFieldRefused(
          await as("teacher").get(`/api/pupils/P0001${hidden}`),
          "path",
          "pupil_id",
        );
      }
      expectFieldRefused(
        await as("coordinator").post("/api/cases", {
          pupil_id: "P0001\u200B",
          absence_start_date: "2026-02-02",
          reason: "Langdurig afwezig.",
        }),
        "body",
        "pupil_id",
      );
    });

    it("refuses one in free text too, and other control characters (C0 and C1)", async () => {
      for (const note of ["let op: \u202Efdp.exe", "a\u0007b", "a\u0085b", "a\u007Fb"]) {
        expectFieldRefused(
          await as("coordinator").post(`/api/cases/${caseId}/events`, {
            kind: "mentor_contact",
            date: "2026-02-27",
            note,
          }),
          "body",
          "note",
        );
      }
    });

    it("refuses a pupil id that is not of the documented pattern", async () => {
      for (const pupilId of ["P 0001", "-P0001", "P0001/../x", "x".repeat(65)]) {
        expectFieldRefused(
          await as("coordinator").post("/api/cases", {
            pupil_id: pupilId,
            absence_start_date: "2026-02-02",
            reason: "Langdurig afwezig.",
          }),
          "body",
          "pupil_id",
        );
      }
    });
  });

  describe("a school id is BRIN + vestiging wherever one is taken", () => {
    it("refuses a 1,000-character or non-BRIN school id when opening a case", async () => {
      for (const schoolId of ["1".repeat(1000), "12ab00", "ABCD00", "12AB0", "12AB000"]) {
        expectFieldRefused(
          await as("coordinator").post("/api/cases", {
            pupil_id: "P0001",
            school_id: schoolId,
            absence_start_date: "2026-02-02",
            reason: "Langdurig afwezig.",
          }),
          "body",
          "school_id",
        );
      }
    });

    it("refuses a non-BRIN school id for a school-scoped account", async () => {
      const response = await as("admin").post("/api/admin/users", {
        email: "mentor@baken.example",
        name: "Mentor",
        role: "teacher",
        school_id: "Het Baken",
      });
      expectFieldRefused(response, "body", "school_id");
    });
  });

  describe("text is normalised and limited", () => {
    it("stores a name typed in decomposed form (NFD) as NFC", async () => {
      const nfd = "Rene\u0301e Ba\u0308cker";
      const response = await as("admin").post("/api/admin/users", {
        email: "renee@linde.example",
        name: nfd,
        role: "teacher",
        school_id: "12AB00",
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().name).toBe("Renée Bäcker");
      const [row] = await t.db.sql.query<{ name: string }>(
        "select name from users where email = 'renee@linde.example'",
      );
      expect(row?.name).toBe("Renée Bäcker");
      expect(row?.name).toBe(nfd.normalize("NFC"));
    });

    it("keeps ordinary Dutch text with accents, tabs and newlines in a free-text field", async () => {
      const note =
        "Gesprek met ouders gehad.\n\tVolgende week huisbezoek (één keer, café).\r\nZie ‘plan’ — €0,00.";
      const response = await as("coordinator").post(`/api/cases/${caseId}/events`, {
        kind: "mentor_contact",
        date: "2026-02-27",
        note,
      });
      expect(response.statusCode, response.body).toBe(201);
      const [row] = await t.db.sql.query<{ note: string }>(
        "select note from case_events where id = $1",
        [response.json().id],
      );
      expect(row?.note).toBe(note);
    });

    it("refuses a free-text field over its limit, naming it", async () => {
      expectFieldRefused(
        await as("coordinator").post(`/api/cases/${caseId}/events`, {
          kind: "mentor_contact",
          date: "2026-02-27",
          note: "a".repeat(10_001),
        }),
        "body",
        "note",
      );
    });

    it("refuses a tab or newline in a single-line field such as a name", async () => {
      expectFieldRefused(
        await as("admin").post("/api/admin/users", {
          email: "regel@linde.example",
          name: "Twee\nregels",
          role: "teacher",
          school_id: "12AB00",
        }),
        "body",
        "name",
      );
    });
  });

  it("states the id patterns and text lengths in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const [pupilParam] = doc.paths["/pupils/{pupil_id}"].get.parameters;
    expect(pupilParam.schema).toMatchObject({ pattern: PUPIL_ID_PATTERN.source, maxLength: 64 });
    const body = doc.paths["/cases"].post.requestBody.content["application/json"].schema;
    const openCase = doc.components.schemas[body.$ref.split("/").pop()].properties;
    expect(openCase.school_id).toMatchObject({ pattern: SCHOOL_ID_PATTERN.source });
    expect(openCase.reason).toMatchObject({ maxLength: 10_000 });
  });

  describe("body size", () => {
    it("answers a 10 MB JSON body with a 413 problem+json that says the limit", async () => {
      const response = await as("coordinator").post(`/api/cases/${caseId}/events`, {
        kind: "mentor_contact",
        date: "2026-02-27",
        note: "a".repeat(10 * 1024 * 1024),
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.json().detail).toMatch(/te groot.*\d/);
    });

    it("lets a document upload up to its own, larger limit", async () => {
      const content = Buffer.alloc(2 * 1024 * 1024, 7).toString("base64");
      const response = await as("coordinator").post(`/api/cases/${caseId}/documents`, {
        name: "Verslag schoolgesprek.pdf",
        mime_type: "application/pdf",
        visibility: "professionals",
        content_base64: content,
      });
      expect(response.statusCode, response.body).toBe(201);
    });
  });
});

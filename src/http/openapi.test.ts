import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { startTestApp, type TestApp } from "../../test/support/test-app.ts";
import { openApiDocumentOf } from "./openapi.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

describe.each(engines())("OpenAPI document and health on $name", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it("serves an OpenAPI 3.1 document listing the stable paths with their schemas", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    const doc = JSON.parse(response.body);
    // The alias serves the /api/v1 form, so linters and generators pointed at either agree.
    expect((await t.app.inject({ url: "/api/v1/openapi.json" })).body).toBe(response.body);
    expect(doc.servers[0]).toEqual({ url: "/api/v1" });
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/session", "/me", "/pupils/{pupil_id}", "/audit"]),
    );
    expect(Object.keys(doc.paths["/session"])).toEqual(expect.arrayContaining(["post", "delete"]));
    expect(doc.paths["/openapi.json"]).toBeUndefined();
    const login = doc.paths["/session"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual([
      "email",
      "password",
    ]);
    const notFound = doc.paths["/pupils/{pupil_id}"].get.responses["404"];
    expect(Object.keys(notFound.content)).toEqual(["application/problem+json"]);
    expect(doc.components.schemas).toHaveProperty("Problem");
    // Every problem type is listed: a client can switch on them (src/http/problem-codes.ts).
    const problemTypes = doc.components.schemas.Problem.properties.type.enum;
    expect(problemTypes).toEqual(
      expect.arrayContaining([
        "about:blank",
        "urn:aanwezig:problem:wrong-phase",
        "urn:aanwezig:problem:case-already-open",
        "urn:aanwezig:problem:validation",
      ]),
    );
    expect(problemTypes).toHaveLength(PROBLEM_CODES.length + 1);
    expect(doc.components.schemas).toHaveProperty("Pupil");
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
  });

  it("describes /api/v1 by the NL API Design Rules: server, contact, named and tagged operations", async () => {
    const response = await t.app.inject({ url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = JSON.parse(response.body);
    expect(doc.servers).toEqual([{ url: "/api/v1" }, { url: "https://aanwezig.example/api/v1" }]);
    expect(doc.info.version).toBe("0.1.0");
    expect(doc.info.contact).toEqual({
      name: "Aanwezig",
      email: "beheer@aanwezig.example",
      url: "https://aanwezig.example",
    });
    // The paths are relative to the server: /api/v1 + /cases/{id} is what a client calls.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/session", "/cases", "/cases/{id}", "/monitor"]),
    );
    expect(Object.keys(doc.paths).filter((path) => path.startsWith("/api"))).toEqual([]);
    const operations = Object.values<Record<string, Record<string, unknown>>>(doc.paths).flatMap(
      (item) => Object.values(item),
    );
    expect(operations.length).toBeGreaterThan(50);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.operationId, JSON.stringify(op.summary)).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(op.tags, String(op.operationId)).toEqual([expect.any(String)]);
      expect(op.description, String(op.operationId)).toEqual(expect.any(String));
    }
    expect(doc.paths["/cases"].get.operationId).toBe("getCases");
    expect(doc.paths["/cases/{id}"].get.operationId).toBe("getCase");
    expect(doc.paths["/cases/{id}/escalate"].post.operationId).toBe("postCaseEscalate");
    expect(doc.paths["/cases/{id}"].get.tags).toEqual(["cases"]);
    expect(doc.paths["/monitor/kpis"].get.tags).toEqual(["monitor"]);
    // Every tag used is listed at the top.
    const listed = doc.tags.map((tag: { name: string }) => tag.name);
    expect(listed).toEqual(
      expect.arrayContaining([...new Set(operations.flatMap((op) => op.tags))]),
    );

    // The in-process form with the full /api paths (the web's types), same names.
    const full = openApiDocumentOf(t.app, false) as typeof doc;
    expect(full.paths["/api/cases/{id}"].get.operationId).toBe("getCase");
    expect(full.info.contact).toEqual(doc.info.contact);
    expect(full.servers).toEqual([{ url: "/" }]);
  });

  it("answers liveness without authentication", async () => {
    const response = await t.app.inject({ url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: engine.name });
  });

  it("answers unknown API paths with a 404 problem", async () => {
    const response = await t.app.inject({ url: "/api/bestaat-niet" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      instance: "/api/bestaat-niet",
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { startTestApp, type TestApp } from "./test-helpers.ts";

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
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/session",
        "/api/me",
        "/api/pupils/{pupil_id}",
        "/api/audit",
      ]),
    );
    expect(Object.keys(doc.paths["/api/session"])).toEqual(
      expect.arrayContaining(["post", "delete"]),
    );
    expect(doc.paths["/api/openapi.json"]).toBeUndefined();
    const login = doc.paths["/api/session"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual([
      "email",
      "password",
    ]);
    const notFound = doc.paths["/api/pupils/{pupil_id}"].get.responses["404"];
    expect(Object.keys(notFound.content)).toEqual(["application/problem+json"]);
    expect(doc.components.schemas).toHaveProperty("Problem");
    expect(doc.components.schemas).toHaveProperty("Pupil");
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
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

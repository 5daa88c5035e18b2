import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { PROBLEM_CONTENT_TYPE, problem, registerProblemHandlers } from "./problem.ts";
import { PROBLEM_CODES, PROBLEM_STATUS } from "./problem-codes.ts";

function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  registerProblemHandlers(app);
  app.get("/api/boom", async () => {
    throw error;
  });
  return app;
}

describe("problem+json errors", () => {
  it("turns a coded problem into an RFC 9457 body with its status, type and detail", async () => {
    const app = appThrowing(problem("case-closed", "A closed case takes no changes."));
    const response = await app.inject({ url: "/api/boom?x=1" });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toEqual({
      type: "urn:aanwezig:problem:case-closed",
      title: "Conflict",
      status: 409,
      detail: "A closed case takes no changes.",
      instance: "/api/boom",
    });
  });

  it("gives every problem code a client-error or unavailable status of its own", () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(50);
    for (const code of PROBLEM_CODES) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect([400, 401, 409, 429, 503]).toContain(PROBLEM_STATUS[code]);
    }
    expect(PROBLEM_STATUS["wrong-phase"]).toBe(409);
    expect(PROBLEM_STATUS.validation).toBe(400);
    expect(PROBLEM_STATUS["monitor-queue-full"]).toBe(503);
  });

  it("hides an unexpected error's message, stack and data behind a plain 500", async () => {
    const app = appThrowing(
      new Error('duplicate key value violates unique constraint "pupils_pkey": Fenna Verbeek'),
    );
    const response = await app.inject({ url: "/api/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).not.toMatch(/Fenna|pupils_pkey|duplicate|at /);
    expect(response.json()).toMatchObject({ type: "about:blank", title: "Internal Server Error" });
  });
});

import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { HttpProblem, PROBLEM_CONTENT_TYPE, registerProblemHandlers } from "./problem.ts";

function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  registerProblemHandlers(app);
  app.get("/api/boom", async () => {
    throw error;
  });
  return app;
}

describe("problem+json errors", () => {
  it("turns an HttpProblem into an RFC 9457 body with its status, type and detail", async () => {
    const app = appThrowing(
      new HttpProblem(409, "This e-mail address is already in use.", {
        type: "urn:aanwezig:problem:duplicate-email",
      }),
    );
    const response = await app.inject({ url: "/api/boom?x=1" });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toEqual({
      type: "urn:aanwezig:problem:duplicate-email",
      title: "Conflict",
      status: 409,
      detail: "This e-mail address is already in use.",
      instance: "/api/boom",
    });
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

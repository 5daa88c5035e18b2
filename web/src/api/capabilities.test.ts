// The web finds its screens' endpoints in the served OpenAPI document, whose paths are relative
// to its server /api/v1; the web calls them under /api (the alias), so that is put before them.
import { describe, expect, it } from "vitest";
import { findGet, operationsOf } from "./capabilities.ts";

describe("operationsOf", () => {
  it("puts /api before the paths of the /api/v1 document", () => {
    const operations = operationsOf({
      servers: [{ url: "/api/v1" }, { url: "https://aanwezig.example/api/v1" }],
      paths: {
        "/monitor/kpis": { get: { summary: "KPIs", tags: ["monitor"] } },
        "/duo-reports": { get: {}, post: {} },
      },
    });
    expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual([
      "GET /api/duo-reports",
      "POST /api/duo-reports",
      "GET /api/monitor/kpis",
    ]);
    expect(findGet(operations, /^\/api\/monitor\/kpis$/)).toBe("/api/monitor/kpis");
  });

  it("keeps full paths of a document served at /", () => {
    const operations = operationsOf({
      servers: [{ url: "/" }],
      paths: { "/api/monitor": { get: {} } },
    });
    expect(operations.map((op) => op.path)).toEqual(["/api/monitor"]);
  });
});

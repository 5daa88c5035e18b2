import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerProblemHandlers } from "./problem.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { registerWebApp } from "./web-app.ts";

function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), "aanwezig-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Aanwezig</title><div id=root>");
  writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1)");
  return dist;
}

async function appWith(dist: string) {
  const app = Fastify();
  await registerSecurityHeaders(app);
  registerProblemHandlers(app);
  app.get("/api/health", async () => ({ status: "ok" }));
  await registerWebApp(app, dist);
  return app;
}

describe("serving the built web app", () => {
  it("answers every page route of the single-page app with index.html and no caching", async () => {
    const app = await appWith(builtDist());
    for (const url of ["/", "/casussen/C-1?tab=plan", "/mijn-kind"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("<title>Aanwezig</title>");
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    }
    await app.close();
  });

  it("serves hashed assets with a year of caching, and a missing asset is a 404", async () => {
    const app = await appWith(builtDist());
    const asset = await app.inject({ method: "GET", url: "/assets/app-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log(1)");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const missing = await app.inject({ method: "GET", url: "/assets/gone-000.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain("<title>Aanwezig</title>");
    await app.close();
  });

  it("never answers an unknown /api path with the app: it stays a problem+json 404", async () => {
    const app = await appWith(builtDist());
    const response = await app.inject({ method: "GET", url: "/api/unknown" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({
      status: "ok",
    });
    await app.close();
  });

  it("says how to build when web/dist is missing", async () => {
    const app = await appWith(join(tmpdir(), "aanwezig-no-such-dist"));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("npm run build:web");
    await app.close();
  });
});

// The headers every answer carries (docs/security.md): a content security policy and no framing
// for the web app's pages, in every way they are reached; no source maps; HSTS only over TLS;
// API answers not cached; and the answers Node's parser gives itself (431) as problem+json.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import {
  addUser,
  login,
  PASSWORD,
  startTestApp,
  type TestApp,
} from "../../test/support/test-app.ts";
import { registerProblemHandlers } from "./problem.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { registerWebApp } from "./web-app.ts";

function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), "aanwezig-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Aanwezig</title><div id=root>");
  writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1)");
  // An old build with source maps: they must still not be served.
  writeFileSync(join(dist, "assets", "app-abc123.js.map"), '{"sources":["../src/main.tsx"]}');
  writeFileSync(join(dist, "root.js.map"), "{}");
  return dist;
}

function expectPageHeaders(headers: Record<string, unknown>, what: string): void {
  const csp = String(headers["content-security-policy"]);
  for (const directive of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-inline");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

describe("security headers of the web app", () => {
  const app = Fastify();
  beforeAll(async () => {
    await registerSecurityHeaders(app);
    registerProblemHandlers(app);
    await registerWebApp(app, builtDist());
  });
  afterAll(() => app.close());

  it("sends the policy with index.html however it is asked for, and with its files", async () => {
    for (const url of ["/", "/index.html", "/casussen/C-1?tab=plan", "/assets/app-abc123.js"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expectPageHeaders(response.headers, url);
    }
  });

  it("never serves a source map, and does not answer one with the app", async () => {
    for (const url of ["/assets/app-abc123.js.map", "/root.js.map"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"], url).toContain("application/problem+json");
      expect(response.body, url).not.toContain("sources");
      expect(response.body, url).not.toContain("<title>Aanwezig</title>");
    }
  });
});

describe.each(engines())("security headers of the API on $name", (engine) => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    proxied = await startTestApp(engine, { trustProxy: ["127.0.0.1"] });
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    await addUser(proxied.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it("keeps API answers out of every cache, successes and problems alike", async () => {
    const teacher = await login(t.app, "juf@linde.example");
    const pupil = await t.app.inject({
      method: "GET",
      url: "/api/pupils/P0001",
      headers: { cookie: teacher.cookie },
    });
    expect(pupil.statusCode).toBe(200);
    expect(pupil.json()).toMatchObject({ pupil_id: "P0001" });
    const health = await t.app.inject({ method: "GET", url: "/api/health?x=1" });
    const anonymous = await t.app.inject({ method: "GET", url: "/api/pupils/P0001" });
    const unknown = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(anonymous.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(404);
    for (const response of [pupil, health, anonymous, unknown]) {
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    // Pages are not API answers: the app itself may be revalidated from cache.
    const page = await t.app.inject({ method: "GET", url: "/" });
    expect(page.headers["cache-control"]).not.toBe("no-store");
    expectPageHeaders(page.headers, "/");
  });

  it("sends HSTS only for requests that came over TLS, as a trusted proxy says", async () => {
    const https = { "x-forwarded-proto": "https" };
    const overTls = await proxied.app.inject({ method: "GET", url: "/", headers: https });
    expect(overTls.headers["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const apiOverTls = await proxied.app.inject({
      method: "GET",
      url: "/api/health",
      headers: https,
    });
    expect(apiOverTls.headers["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const plain = await proxied.app.inject({ method: "GET", url: "/" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    // Without a trusted proxy the header is anyone's claim: plain http, no HSTS.
    const claimed = await t.app.inject({ method: "GET", url: "/", headers: https });
    expect(claimed.headers["strict-transport-security"]).toBeUndefined();
  });

  it("gives Fastify's early answers (too long a path parameter, a malformed URL) as problem+json with every security header", async () => {
    // Found by the fuzz suite: these were bare JSON without the policy (helmet never saw them).
    const ordinary = await t.app.inject({ method: "GET", url: "/api/nope" });
    const policy = [
      "content-security-policy",
      "cross-origin-opener-policy",
      "cross-origin-resource-policy",
      "origin-agent-cluster",
      "referrer-policy",
      "x-content-type-options",
      "x-dns-prefetch-control",
      "x-download-options",
      "x-frame-options",
      "x-permitted-cross-domain-policies",
      "x-xss-protection",
      "cache-control",
    ];
    for (const name of policy) expect(ordinary.headers[name], name).toEqual(expect.any(String));
    const tooLong = await t.app.inject({
      method: "POST",
      url: `/api/cases/${"x".repeat(500)}/arbitration`,
    });
    const badUrl = await t.app.inject({ method: "GET", url: "/api/pupils/%E0%A4%A" });
    for (const [response, status] of [
      [tooLong, 414],
      [badUrl, 400],
    ] as const) {
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ type: "about:blank", status });
      for (const name of policy) {
        expect(response.headers[name], `${status} ${name}`).toBe(ordinary.headers[name]);
      }
    }
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, path /, and Secure over TLS (directly or as a trusted proxy says)", async () => {
    const flags = (setCookie: unknown) => {
      const line = (Array.isArray(setCookie) ? setCookie : [setCookie])
        .map(String)
        .find((c) => c.startsWith("aanwezig_session="));
      expect(line).toBeDefined();
      return line!.split(";").map((part) => part.trim().toLowerCase());
    };
    const payload = { email: "juf@linde.example", password: PASSWORD };
    const plain = await t.app.inject({ method: "POST", url: "/api/session", payload });
    expect(plain.statusCode).toBe(200);
    const plainFlags = flags(plain.headers["set-cookie"]);
    expect(plainFlags).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(plainFlags).not.toContain("secure");
    // X-Forwarded-Proto from a client that is not a trusted proxy changes nothing.
    const claimed = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(flags(claimed.headers["set-cookie"])).not.toContain("secure");
    const tls = await proxied.app.inject({
      method: "POST",
      url: "/api/session",
      payload,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(tls.statusCode).toBe(200);
    expect(flags(tls.headers["set-cookie"])).toEqual(
      expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]),
    );
    // Logging out clears it with the same flags.
    const session = tls.cookies.find((c) => c.name === "aanwezig_session")!;
    const out = await proxied.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: {
        cookie: `aanwezig_session=${session.value}`,
        "x-csrf-token": tls.json().csrf_token,
        "x-forwarded-proto": "https",
      },
    });
    expect(out.statusCode).toBeLessThan(300);
    const cleared = flags(out.headers["set-cookie"]);
    expect(cleared).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
    expect(cleared.some((f) => f.startsWith("expires=thu, 01 jan 1970") || f === "max-age=0")).toBe(
      true,
    );
  });

  it("answers headers that are too large with a problem+json 431 on a real socket", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as { port: number };
    const answer = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`,
    );
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head.toLowerCase()).toContain("content-type: application/problem+json");
    expect(head.toLowerCase()).toContain("connection: close");
    expect(JSON.parse(body)).toEqual({
      type: "about:blank",
      title: "Request Header Fields Too Large",
      status: 431,
      detail: "De headers van het verzoek zijn te groot.",
    });
    const malformed = await rawRequest(port, "NOT HTTP AT ALL\r\n\r\n");
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(malformed.split("\r\n\r\n")[1] ?? "")).toMatchObject({ status: 400 });
  });
});

/** Sends raw bytes and collects everything the server answers until it closes the connection. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      // The server may close while the rest of an oversized request is still being sent.
      answer ? resolve(answer) : reject(error),
    );
    socket.on("end", () => resolve(answer));
    socket.on("close", () => resolve(answer));
    socket.write(request);
  });
}

// Response headers that protect the people using the app (docs/security.md): one policy for every
// response, so the web app, its files, the API and the error answers cannot drift apart. The web
// app loads only its own scripts, styles, images and API; no page may frame it (clickjacking).
// A route may still set a stricter header of its own (a downloaded document is sandboxed).
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";

export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** A year, subdomains included: only ever sent over TLS, where the browser will remember it. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY_DIRECTIVES },
    xFrameOptions: { action: "deny" },
    // Not no-referrer: under it a browser sends `Origin: null` with the app's own POSTs, which the
    // CSRF guard (auth/csrf.ts) refuses. same-origin sends nothing to other sites either.
    referrerPolicy: { policy: "same-origin" },
    // HSTS over plain http would be ignored at best; it is added below for TLS requests only.
    strictTransportSecurity: false,
  });
  app.addHook("onRequest", async (request, reply) => {
    // request.protocol honours X-Forwarded-Proto only from a trusted proxy (trustProxy).
    if (request.protocol === "https") {
      reply.header("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    }
    // API answers carry personal data: no browser or proxy cache may keep them.
    if (isApiPath(request)) reply.header("cache-control", "no-store");
  });
}

/**
 * The same policy as plain headers, for the few answers Fastify gives before any hook runs (a
 * path parameter over its length limit, a malformed URL: `frameworkErrors` in app.ts), which
 * helmet never sees. security-headers.test.ts checks they equal helmet's on an ordinary answer.
 */
export function securityHeadersWithoutHooks(request: FastifyRequest): Record<string, string> {
  const csp = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join(";");
  return {
    "content-security-policy": csp,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
    ...(request.protocol === "https" && { "strict-transport-security": STRICT_TRANSPORT_SECURITY }),
    ...(isApiPath(request) && { "cache-control": "no-store" }),
  };
}

function isApiPath(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return path === "/api" || path.startsWith("/api/");
}

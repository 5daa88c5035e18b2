// The API's version (NL API Design Rules, interfaces.md "HTTP API"): served under /api/v1/, the
// paths under /api/ answering as aliases, and every answer carrying an API-Version header with
// the full semantic version — the one in package.json, read once at start-up.
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";

const packageJson = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

/** The full semantic version of the API, e.g. "0.1.0". */
export const API_VERSION: string = packageJson.version;

/** The major version's prefix: /api/v1 for 0.x and 1.x alike (the URI carries the major). */
export const API_V1_PREFIX = "/api/v1";

export const API_VERSION_HEADER = "api-version";

/** A path under /api/v1 (the path part only, without the query string). */
export function isVersionedPath(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return path === API_V1_PREFIX || path.startsWith(`${API_V1_PREFIX}/`);
}

/**
 * Fastify's `rewriteUrl` (server option): /api/v1/x?q is routed as /api/x?q, so every route,
 * hook, authorization rule and audit line serves both. `request.originalUrl` keeps what came in.
 */
export function rewriteVersionedUrl(request: IncomingMessage): string {
  const url = request.url ?? "/";
  if (!isVersionedPath(url)) return url;
  const at = url.indexOf("?");
  const path = `/api${(at < 0 ? url : url.slice(0, at)).slice(API_V1_PREFIX.length)}`;
  return at < 0 ? path : `${path}?${snakeCaseQueryKeys(url.slice(at + 1))}`;
}

/**
 * Under /api/v1 the query keys are lowerCamelCase (NL API Design Rules), `?asOf=`, while the
 * routes and interfaces.md's contract name them in snake_case, `?as_of=`, which keeps working:
 * a camelCase key is renamed to its snake_case form, the raw value left as it came.
 */
export function snakeCaseQueryKeys(query: string): string {
  return query
    .split("&")
    .map((part) => {
      const eq = part.indexOf("=");
      const key = eq < 0 ? part : part.slice(0, eq);
      if (!/^[a-z][a-z\d]*([A-Z][a-z\d]*)+$/.test(key)) return part;
      return snakeCase(key) + (eq < 0 ? "" : part.slice(eq));
    })
    .join("&");
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function camelCase(name: string): string {
  return name.replace(/_([a-z\d])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Registered first, so every answer carries the header: API, pages, errors and 404s. */
export function registerApiVersionHeader(app: FastifyInstance): void {
  app.addHook("onRequest", async (_request, reply) => {
    reply.header(API_VERSION_HEADER, API_VERSION);
  });
}

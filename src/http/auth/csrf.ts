// CSRF protection for state-changing requests (POST, PUT, PATCH, DELETE). Two layers:
// 1. Origin check: a browser request whose Origin (or, without one, Sec-Fetch-Site) shows it came
//    from another site is refused, logged in or not (this also stops login CSRF).
// 2. Synchroniser token: a request authenticated by the session cookie must send the session's
//    own CSRF token in the X-CSRF-Token header. The token is random per session, stored with it
//    server-side, and handed to the web app in the login response and GET /api/me; another site
//    cannot read it. Bearer-token requests carry no ambient credential and need neither.
//    Logging out (DELETE /api/session) needs only layer 1: interfaces.md names it as the way to
//    log out with the session cookie, without a token, and the worst a forged logout could do is
//    end a session (a cross-site DELETE needs a CORS preflight this server never grants, and
//    layer 1 still refuses a cross-site Origin).
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { HttpContext } from "../context.ts";
import { forbidden } from "../problem.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerCsrfGuard(app: FastifyInstance, ctx: HttpContext): void {
  // Runs after the actor hook (hooks run in registration order).
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method) || request.actor?.via === "token") return;
    if (!fromOwnOrigin(request, ctx)) {
      throw forbidden("Cross-site request refused.");
    }
    if (isLogout(request)) return;
    const session = request.actor?.session;
    if (session && !sameToken(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw forbidden(`Missing or wrong ${CSRF_HEADER} header for this session.`);
    }
  });
}

function isLogout(request: FastifyRequest): boolean {
  return request.method === "DELETE" && request.routeOptions.url === "/api/session";
}

function fromOwnOrigin(request: FastifyRequest, ctx: HttpContext): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (ctx.settings.publicOrigin !== undefined) return origin === ctx.settings.publicOrigin;
    // Without a configured origin, the host the request was sent to must be the Origin's host
    // (its scheme may differ behind a TLS-terminating proxy).
    return URL.canParse(origin) && sameHost(new URL(origin).host, request.host);
  }
  // Browsers that send no Origin still say where a request came from.
  return request.headers["sec-fetch-site"] !== "cross-site";
}

/** Hosts compared without the default ports, which browsers leave out of Origin. */
function sameHost(a: string, b: string): boolean {
  const plain = (host: string) => host.toLowerCase().replace(/:(80|443)$/, "");
  return plain(a) === plain(b);
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

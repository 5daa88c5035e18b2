// The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
// POSTs), Secure in production and whenever the request came over https.
// The cookie plugin's type augmentation of request and reply, also where only types are read
// (the web app type-checks against the server's schemas).
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionGrant } from "../../db/repositories/users.ts";
import type { HttpContext } from "../context.ts";

export const SESSION_COOKIE = "aanwezig_session";

function secure(request: FastifyRequest, ctx: HttpContext): boolean {
  return ctx.settings.secureCookies || request.protocol === "https";
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: HttpContext,
  grant: SessionGrant,
): void {
  reply.setCookie(SESSION_COOKIE, grant.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secure(request, ctx),
    expires: grant.expiresAt,
  });
}

export function clearSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: HttpContext,
): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secure(request, ctx),
  });
}

// Who is making the request: a user from the session cookie (web) or a bearer token
// (integrations), with their scoped roles. Resolved once per request; routes never read
// credentials themselves.
// The cookie plugin's type augmentation of request and reply, also where only types are read
// (the web app type-checks against the server's schemas).
import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { appendAudit } from "../../access/index.ts";
import {
  type ApiTokenGrant,
  findActiveSession,
  findApiTokenUser,
  type RoleScope,
} from "../../db/repositories/users.ts";
import type { HttpContext } from "../context.ts";
import { unauthorized } from "../problem.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: RoleScope[];
  via: "session" | "token";
  /** Only for cookie sessions: the token state-changing requests must echo (see csrf.ts). */
  session: { token: string; csrfToken: string } | null;
  /** Only for bearer tokens: the token's id, and a service token's scopes and schools. */
  token?: ApiTokenGrant;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function registerActorResolution(app: FastifyInstance, ctx: HttpContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    request.actor = await resolveActor(request, ctx);
  });
}

async function resolveActor(request: FastifyRequest, ctx: HttpContext): Promise<Actor | null> {
  const orm = ctx.db.orm;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match?.[1] ? await findApiTokenUser(orm, match[1], ctx.now()) : undefined;
    // Every use of a token, usable or not, is in the audit trail (interfaces.md).
    await appendAudit(orm, {
      userId: user?.id ?? null,
      role: user ? (user.token.scopes.length > 0 ? "service_token" : null) : null,
      action: "use_token",
      resourceType: "api_token",
      resourceId: user ? String(user.token.id) : null,
      pupilId: null,
      context: { route: request.url, method: request.method, requestId: request.id },
      outcome: user ? "allowed" : "denied",
    });
    // A presented but unusable credential is an error, not an anonymous request.
    if (!user) throw unauthorized("The bearer token is unknown, expired or revoked.");
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      via: "token",
      session: null,
      token: user.token,
    };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await findActiveSession(orm, token, ctx.now());
  if (!session) return null;
  const { user } = session;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    via: "session",
    session: { token, csrfToken: session.csrfToken },
  };
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

// Logging in and out with e-mail and password (interfaces.md: POST/DELETE /api/session), and
// GET /api/me. Failed logins are limited per account and per source address (login-throttle.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createSession,
  deleteSession,
  findLoginByEmail,
  findUserById,
  normaliseEmail,
  verifyPassword,
} from "../../db/repositories/users.ts";
import { requireActor } from "../auth/actor.ts";
import { LoginThrottle } from "../auth/login-throttle.ts";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import type { HttpContext } from "../context.ts";
import { MeSchema, presentMe } from "../presenters/me.ts";
import { type HttpProblem, problem, problemResponses } from "../problem.ts";

const LoginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export function registerSessionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new LoginThrottle(ctx.settings.loginLimits);

  api.post(
    "/api/session",
    {
      schema: {
        summary: "Log in with e-mail and password; sets the session cookie",
        tags: ["session"],
        security: [],
        body: LoginSchema,
        response: { 200: MeSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const account = normaliseEmail(request.body.email);
      // request.ip honours X-Forwarded-For only as far as AANWEZIG_TRUST_PROXY trusts (app.ts).
      const source = request.ip;
      // Checked before the password, and the same for every e-mail address whether it has an
      // account or not, so a limited answer tells nothing about the account.
      const waitMs = throttle.waitMs(account, source, ctx.now().getTime());
      if (waitMs > 0) throw tooManyFailedLogins(waitMs);
      const login = await findLoginByEmail(ctx.db.orm, request.body.email);
      const ok = await verifyPassword(login?.passwordHash ?? null, request.body.password);
      const user = ok && login ? await findUserById(ctx.db.orm, login.id) : undefined;
      if (!user) {
        throttle.recordFailure(account, source, ctx.now().getTime());
        throw problem("invalid-credentials", "E-mail address or password is wrong.");
      }
      throttle.recordSuccess(account);
      const grant = await createSession(
        ctx.db.orm,
        user.id,
        "password",
        ctx.settings.sessionLifetimeMs,
        ctx.now(),
      );
      setSessionCookie(request, reply, ctx, grant);
      return presentMe(user, "session", grant.csrfToken, clockOf(ctx));
    },
  );

  api.delete(
    "/api/session",
    {
      schema: {
        summary: "Log out: ends the session and clears its cookie",
        tags: ["session"],
        response: { 204: z.undefined(), ...problemResponses(400, 403) },
      },
    },
    async (request, reply) => {
      // Logging out without a (valid) session is not an error: the cookie is cleared either way.
      if (request.actor?.via === "session" && request.actor.session) {
        await deleteSession(ctx.db.orm, request.actor.session.token);
      }
      clearSessionCookie(request, reply, ctx);
      return reply.code(204).send();
    },
  );

  api.get(
    "/api/me",
    {
      schema: {
        summary: "The logged-in user, their roles and scopes",
        tags: ["session"],
        response: { 200: MeSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      // One's own account needs only a login: no policy decision, no audit row.
      const actor = requireActor(request);
      const user = { id: actor.userId, email: actor.email, name: actor.name, roles: actor.roles };
      return presentMe(user, actor.via, actor.session?.csrfToken ?? null, clockOf(ctx));
    },
  );
}

function tooManyFailedLogins(waitMs: number): HttpProblem {
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  return problem(
    "too-many-login-attempts",
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes === 1 ? "1 minuut" : `${minutes} minuten`} opnieuw.`,
    { headers: { "retry-after": String(seconds) } },
  );
}

function clockOf(ctx: HttpContext): { today: string; demoAsOf: string | undefined } {
  return { today: ctx.today(), demoAsOf: ctx.demoAsOf };
}

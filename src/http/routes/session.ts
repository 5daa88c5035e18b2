// Logging in and out with e-mail and password (interfaces.md: POST/DELETE /api/session), and
// GET /api/me. Login attempts are rate limited per client address and e-mail address.
import type { FastifyInstance, FastifyRequest } from "fastify";
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
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import { authorize } from "../authorize.ts";
import type { HttpContext } from "../context.ts";
import { MeSchema, presentMe } from "../presenters/me.ts";
import { HttpProblem, problemResponses } from "../problem.ts";

const LoginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export function registerSessionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limit = ctx.settings.loginRateLimit;

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
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: limit.timeWindowMs,
          // After validation, so the body (and its e-mail address) is there to key on.
          hook: "preHandler",
          keyGenerator: (request: FastifyRequest) =>
            `${request.ip}|${normaliseEmail((request.body as { email: string }).email)}`,
        },
      },
    },
    async (request, reply) => {
      const login = await findLoginByEmail(ctx.db.orm, request.body.email);
      const ok = await verifyPassword(login?.passwordHash ?? null, request.body.password);
      const user = ok && login ? await findUserById(ctx.db.orm, login.id) : undefined;
      if (!user) {
        throw new HttpProblem(401, "E-mail address or password is wrong.", {
          type: "urn:aanwezig:problem:invalid-credentials",
        });
      }
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
        response: { 204: z.undefined(), ...problemResponses(403) },
      },
    },
    async (request, reply) => {
      // Logging out without a (valid) session is not an error: the cookie is cleared either way.
      if (request.actor?.via === "session" && request.actor.session) {
        await authorize(request, ctx, "end_own_session", { type: "own_account" });
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
      const { actor } = await authorize(request, ctx, "read_own_account", { type: "own_account" });
      const user = { id: actor.userId, email: actor.email, name: actor.name, roles: actor.roles };
      return presentMe(user, actor.via, actor.session?.csrfToken ?? null, clockOf(ctx));
    },
  );
}

function clockOf(ctx: HttpContext): { today: string; demoAsOf: string | undefined } {
  return { today: ctx.today(), demoAsOf: ctx.demoAsOf };
}

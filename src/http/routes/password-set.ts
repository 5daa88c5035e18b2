// POST /api/password-set (issue 14): the one-time link `aanwezig admin create` prints without
// --password-stdin lands on /wachtwoord-instellen#token=…; that page sends the token with the new
// password here. Public (the token is the credential: 256 random bits, stored hashed, one use,
// 24 h). The answer for an unknown, used or expired token is the same, so it tells nothing.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { appendAudit } from "../../access/index.ts";
import { setPasswordWithToken } from "../../db/repositories/password-set-tokens.ts";
import { PASSWORD_MAX_LENGTH } from "../../domain/policy/password-length.ts";
import type { HttpContext } from "../context.ts";
import { problem, problemResponses } from "../problem.ts";

const PasswordSetSchema = z.object({
  // base64url, as newSecret makes it: anything else cannot be a token.
  token: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/),
  // Code points are counted by the policy; UTF-16 units are at most twice as many.
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 2),
});

export function registerPasswordSetRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/password-set",
    {
      schema: {
        summary: "Set an account's password once with the link of `aanwezig admin create`",
        tags: ["session"],
        security: [],
        body: PasswordSetSchema,
        response: { 204: z.undefined(), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const outcome = await setPasswordWithToken(
        ctx.db,
        request.body.token,
        request.body.password,
        ctx.now(),
      );
      if (!outcome.ok && outcome.reason === "invalid_token") {
        throw problem(
          "password-set-token",
          "Deze link om een wachtwoord in te stellen is ongeldig, al gebruikt of verlopen " +
            "(een link is 24 uur geldig). Vraag de beheerder om een nieuwe.",
        );
      }
      if (!outcome.ok) {
        throw problem("validation", `password: ${outcome.message}`);
      }
      await appendAudit(ctx.db.orm, {
        userId: outcome.userId,
        role: null,
        action: "set_password",
        resourceType: "user",
        resourceId: outcome.userId,
        pupilId: null,
        context: { route: "/api/password-set", method: "POST", requestId: request.id },
        outcome: "allowed",
      });
      return reply.code(204).send();
    },
  );
}

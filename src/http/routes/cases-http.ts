// What the case routes share: the acting user as a command actor, today's date, the case id
// parameter, and the mapping of a command's refusal to problem+json (not_found → 404,
// forbidden → 403, a refusal by the domain's rules → 409 with a stable problem type).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { CommandActor } from "../../commands/case-access.ts";
import type { CaseRefusalCode } from "../../domain/refusals.ts";
import { requireActor } from "../auth/actor.ts";
import { policyActor } from "../authorize.ts";
import type { HttpContext } from "../context.ts";
import { RecordId } from "../input-schemas.ts";
import { forbidden, notFound, problem } from "../problem.ts";
import { kebab } from "../problem-codes.ts";

export const CaseParams = z.object({ id: RecordId });

export const IsoDate = z.iso.date();

export function commandActor(request: FastifyRequest): CommandActor {
  const actor = requireActor(request);
  return {
    userId: actor.userId,
    policy: policyActor(actor),
    origin: {
      route: request.routeOptions.url ?? request.url,
      method: request.method,
      requestId: request.id,
    },
  };
}

/**
 * Route hook: an anonymous request is answered 401 before its body or parameters are looked at
 * (validation runs before the handler, which would otherwise answer 400 first).
 */
export async function requireLogin(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

export function today(ctx: HttpContext): string {
  return ctx.today();
}

export type CommandRefusal = {
  ok: false;
  error: CaseRefusalCode | "not_found" | "forbidden";
  message: string;
};

/** Returns the success value or throws the problem the refusal stands for. */
export function unwrap<T extends { ok: boolean }>(
  result: T | CommandRefusal,
): Extract<T, { ok: true }> {
  if (result.ok) return result as Extract<T, { ok: true }>;
  const refusal = result as CommandRefusal;
  if (refusal.error === "not_found") throw notFound();
  if (refusal.error === "forbidden") throw forbidden(refusal.message);
  throw problem(kebab(refusal.error), refusal.message);
}

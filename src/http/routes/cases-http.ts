// What the case routes share: the acting user as a command actor, today's date, the case id
// parameter, and the mapping of a command's refusal to problem+json (not_found → 404,
// forbidden → 403, a refusal by the domain's rules → 409 with a stable problem type).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { type AccessActor, accessActorOf, type Grant, type Verdict } from "../../access/index.ts";
import type { CaseRefusalCode } from "../../domain/refusals.ts";
import { requireActor } from "../auth/actor.ts";
import type { HttpContext } from "../context.ts";
import { RecordId } from "../input-schemas.ts";
import { forbidden, notFound, problem } from "../problem.ts";
import { kebab } from "../problem-codes.ts";

export const CaseParams = z.object({ id: RecordId });

export const IsoDate = z.iso.date();

/** The logged-in user as src/access sees them (401 when there is none). */
export function commandActor(request: FastifyRequest): AccessActor {
  const actor = requireActor(request);
  return accessActorOf(actor, {
    route: request.routeOptions.url ?? request.url,
    method: request.method,
    requestId: request.id,
  });
}

/**
 * The grant of a gate, or the problem its refusal stands for: not_found → 404 (exactly like a
 * missing resource), forbidden → 403 with `forbiddenDetail` (default: "Your roles do not allow this.").
 */
export function admitted(verdict: Verdict, forbiddenDetail?: string): Grant {
  if (verdict.ok) return verdict;
  if (verdict.error === "not_found") throw notFound();
  throw forbiddenDetail === undefined ? forbidden() : forbidden(forbiddenDetail);
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

// One POST route per case command, all alike: validate the body with its zod schema, run the
// command as the acting user on today's date, map a refusal to problem+json (cases-http.ts).
// Keeping the shape in one place keeps each command's route a few declarative lines.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessActor } from "../../access/index.ts";
import { CASE_PHASES } from "../../domain/cases/model.ts";
import type { CaseCommandName } from "../../domain/policy/case-actions.ts";
import { type CaseActionName, caseActionOf } from "../case-action-names.ts";
import type { HttpContext } from "../context.ts";
import { problemResponses } from "../problem.ts";
import {
  CaseParams,
  type CommandRefusal,
  commandActor,
  requireLogin,
  today,
  unwrap,
} from "./cases-http.ts";

export interface CommandRoute<B extends z.ZodType, R extends z.ZodType, T extends { ok: boolean }> {
  path: string;
  /** The command the route runs: its policy action and its entry in `allowed_actions`. */
  command: CaseCommandName;
  summary: string;
  body: B;
  /** Extra path parameters beyond the case id. */
  params?: z.ZodObject;
  response: R;
  status?: 200 | 201;
  bodyLimit?: number;
  run(input: {
    actor: AccessActor;
    caseId: string;
    params: Record<string, string>;
    body: z.infer<B>;
    today: string;
  }): Promise<T | CommandRefusal>;
  present(result: Extract<T, { ok: true }>): z.infer<R>;
}

export interface CaseCommandRouteEntry {
  /** The path below /api/cases/{id}/, e.g. `escalate` or `actions/{action_id}/status`. */
  name: CaseActionName;
  command: CaseCommandName;
}

const ROUTES_BY_APP = new WeakMap<HttpContext, CaseCommandRouteEntry[]>();

/** The case command routes registered in this app, as the case detail names them. */
export function caseCommandRoutes(ctx: HttpContext): readonly CaseCommandRouteEntry[] {
  return ROUTES_BY_APP.get(ctx) ?? [];
}

export function commandRoute<B extends z.ZodType, R extends z.ZodType, T extends { ok: boolean }>(
  app: FastifyInstance,
  ctx: HttpContext,
  route: CommandRoute<B, R, T>,
): void {
  const path = route.path.replace(/^\/api\/cases\/:id\//, "").replace(/:(\w+)/g, "{$1}");
  const name = caseActionOf(route.command);
  if (name !== path) {
    throw new Error(`case command ${route.command} is served at ${path}, not ${name ?? "—"}`);
  }
  ROUTES_BY_APP.set(ctx, [...caseCommandRoutes(ctx), { name, command: route.command }]);
  const params = route.params ? CaseParams.extend(route.params.shape) : CaseParams;
  app.withTypeProvider<ZodTypeProvider>().post(
    route.path,
    {
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      onRequest: requireLogin,
      schema: {
        summary: route.summary,
        tags: ["cases"],
        params,
        body: route.body,
        response: {
          [route.status ?? 200]: route.response,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request: FastifyRequest, reply) => {
      const p = request.params as Record<string, string>;
      const result = await route.run({
        actor: commandActor(request),
        caseId: p.id as string,
        params: p,
        body: request.body as z.infer<B>,
        today: today(ctx),
      });
      const done = unwrap(result) as Extract<T, { ok: true }>;
      // The command is committed: the mail of the notifications it raised goes out now. Not
      // queued (the queue is down), it stays pending for the sweep; the command stands.
      const raised = "notificationIds" in done ? done.notificationIds : undefined;
      if (ctx.mail && Array.isArray(raised) && raised.length > 0) {
        await ctx.mail.queue(raised).catch((error: unknown) => {
          request.log.error({ err: error }, "mail: notifications not queued; the sweep sends them");
        });
      }
      reply.code(route.status ?? 200);
      return route.present(done);
    },
  );
}

export const TransitionResponse = z
  .object({
    case_id: z.string(),
    phase: z.enum(CASE_PHASES),
    record: z.object({
      command: z.string(),
      from: z.enum(CASE_PHASES),
      to: z.enum(CASE_PHASES),
      at: z.iso.date(),
      reason: z.string(),
      basis: z.string(),
    }),
  })
  .meta({ id: "TransitionResult" });

export const CreatedResponse = z.object({ id: z.string() }).meta({ id: "Created" });
export const CaseStateResponse = z
  .object({ case_id: z.string(), phase: z.enum(CASE_PHASES) })
  .meta({ id: "CaseState" });

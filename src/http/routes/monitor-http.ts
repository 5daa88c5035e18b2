// What the monitor routes share: the gate's audit subject (src/access decides `read_monitor` on
// the monitor; every read is audited, also a refusal), the query parameters, and the row schema.
// Monitor responses never carry a pupil id or a name: only groups (school, partnership,
// municipality), measure codes and counts, with counts of 1–4 suppressed.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AccessActor, gate, scopeCases, scopeList } from "../../access/index.ts";
import type { Case } from "../../domain/cases/model.ts";
import { QUARTER_PATTERN } from "../../domain/monitor/quarters.ts";
import { asRequester } from "../../services/monitor-queue.ts";
import type { HttpContext } from "../context.ts";
import { admitted, commandActor } from "./cases-http.ts";

export const MonitorGroupingSchema = z
  .enum(["school", "municipality", "partnership"])
  .describe("school id, partnership code, or the residence municipality");

export const QuarterSchema = z.string().regex(new RegExp(QUARTER_PATTERN)).describe("YYYY-Qn");

export const MonitorRowSchema = z
  .object({
    group: z
      .string()
      .describe('"" for a measure without a school when grouped by school/partnership'),
    measure: z.string(),
    count: z.number().int().nullable().describe("null: 1–4, suppressed"),
  })
  .meta({ id: "MonitorRow" });

/**
 * The monitor's routes run on behalf of their user: a snapshot they make the server compute
 * counts against that user's share of the queue (services/monitor-queue.ts: 429 beyond it).
 * The hook wraps the rest of the request, so the handler and all it awaits see the requester.
 */
export function registerMonitorRequester(app: FastifyInstance): void {
  app.addHook("preHandler", (request, _reply, done) => {
    if (!request.url.startsWith("/api/monitor")) return done();
    asRequester(request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`, done);
  });
}

/**
 * src/access's gate on `read_monitor` with the monitor's audit subject; 403 when refused. The
 * row of an allowed read joins a short batch (no personal data behind it), and the request waits
 * until the batch is written: an unwritten row fails the request (503, audit-unavailable).
 */
export async function monitorGate(
  request: FastifyRequest,
  ctx: HttpContext,
  what: string,
  context: Record<string, string> = {},
): Promise<AccessActor> {
  const actor = commandActor(request);
  const verdict = await gate(
    ctx.db.orm,
    actor,
    "read_monitor",
    { kind: "monitor" },
    { action: "read_monitor", resourceType: "monitor", resourceId: what, pupilId: null, context },
    { batched: true },
  );
  admitted(verdict, "Your roles do not give access to the monitor.");
  return actor;
}

/**
 * src/access's gate on `reconcile_list` (roles that read pupils individually), written at once
 * with the submitted ids in its context: a list of ids is a question about those pupils, so the
 * trail must show who asked about whom, not only how many.
 */
export async function reconciliationGate(
  request: FastifyRequest,
  ctx: HttpContext,
  context: Record<string, string>,
): Promise<AccessActor> {
  const actor = commandActor(request);
  const verdict = await gate(
    ctx.db.orm,
    actor,
    "reconcile_list",
    { kind: "monitor" },
    {
      action: "reconcile_list",
      resourceType: "monitor",
      resourceId: "monitor_reconciliation",
      pupilId: null,
      context,
    },
  );
  admitted(
    verdict,
    "Lijsten vergelijken kan alleen met een rol die leerlingen afzonderlijk mag inzien.",
  );
  return actor;
}

/** The cases among `cases` the actor may read (scopeList; each shown one audited as a list read). */
export async function readableCases(
  ctx: HttpContext,
  actor: AccessActor,
  cases: readonly Case[],
  today: string,
  context: Record<string, string>,
): Promise<Set<string>> {
  const scoped = await scopeCases(ctx.db.orm, actor, "read_case", {
    today,
    within: cases.map((c) => c.id),
    context,
  });
  return new Set(scoped.map((s) => s.case.id));
}

/** The persons among `ids` the actor may see (scopeList `read_pupil`), each shown one audited. */
export async function readablePupils(
  ctx: HttpContext,
  actor: AccessActor,
  ids: readonly string[],
  today: string,
  context: Record<string, string>,
): Promise<Set<string>> {
  return new Set(
    await scopeList(ctx.db.orm, actor, "read_pupil", "pupil", {
      today,
      within: ids,
      context,
      pupilResourceType: "reconciliation",
    }),
  );
}

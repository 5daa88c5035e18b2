// What the monitor routes share: the gate (src/domain/policy decides `read_monitor` on the
// monitor; every read is audited, also a refusal), the query parameters, and the row schema.
// Monitor responses never carry a pupil id or a name: only groups (school, partnership,
// municipality), measure codes and counts, with counts of 1–4 suppressed.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditDecision, type CommandActor, grantFor } from "../../commands/case-access.ts";
import { appendAudit } from "../../db/repositories/audit.ts";
import type { HttpContext } from "../context.ts";
import { forbidden } from "../problem.ts";
import { commandActor } from "./cases-http.ts";

export const MonitorGroupingSchema = z
  .enum(["school", "municipality", "partnership"])
  .describe("school id, partnership code, or the residence municipality");

export const MonitorRowSchema = z
  .object({
    group: z
      .string()
      .describe('"" for a measure without a school when grouped by school/partnership'),
    measure: z.string(),
    count: z.number().int().nullable().describe("null: 1–4, suppressed"),
  })
  .meta({ id: "MonitorRow" });

/** Decides `read_monitor` with the policy layer and writes the audit row; 403 when refused. */
export async function monitorGate(
  request: FastifyRequest,
  ctx: HttpContext,
  what: string,
  context: Record<string, string> = {},
): Promise<CommandActor> {
  const actor = commandActor(request);
  const grant = grantFor(actor.policy, "read_monitor", { kind: "monitor" });
  await appendAudit(ctx.db.orm, {
    userId: actor.userId,
    role: grant.allowed ? grant.role : actor.policy.grants.map((g) => g.role).join(",") || null,
    action: "read_monitor",
    resourceType: "monitor",
    resourceId: what,
    pupilId: null,
    context: { ...actor.origin, reason: grant.reason, ...context },
    outcome: grant.allowed ? "allowed" : "denied",
  });
  if (!grant.allowed) throw forbidden("Your roles do not give access to the monitor.");
  return actor;
}

export { auditDecision, grantFor };

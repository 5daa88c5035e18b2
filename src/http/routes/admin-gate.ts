// The gate of the administration endpoints (domain.md §2: the functioneel beheerder manages
// users, schools and calendars). The policy decides (src/domain/policy/rules.ts: app_admin may
// manage_users and manage_schools); every decision, allowed or denied, is written to the audit
// trail with the operation, since accounts and imports change who sees which personal data.
import type { FastifyRequest } from "fastify";
import { grantFor } from "../../commands/case-access.ts";
import { appendAudit } from "../../db/repositories/audit.ts";
import { type Actor, requireActor } from "../auth/actor.ts";
import { policyActor } from "../authorize.ts";
import type { HttpContext } from "../context.ts";
import { forbidden } from "../problem.ts";

export interface AdminOperation {
  /** The policy action that must be allowed. */
  action: "manage_users" | "manage_schools";
  /** The audit trail's name for what was done, e.g. "create_user". */
  operation: string;
  resourceType: string;
  resourceId?: string | null;
  context?: Record<string, string>;
  /** False for frequent reads without personal data (polling an import's progress): only a denial is audited. */
  auditAllowed?: boolean;
}

export async function authorizeAdministration(
  request: FastifyRequest,
  ctx: HttpContext,
  op: AdminOperation,
): Promise<Actor> {
  const actor = requireActor(request);
  const grant = grantFor(policyActor(actor), op.action, { kind: "administration" });
  if (grant.allowed && op.auditAllowed === false) return actor;
  await appendAudit(ctx.db.orm, {
    userId: actor.userId,
    role: grant.allowed ? grant.role : actor.roles.map((r) => r.role).join(",") || null,
    action: op.operation,
    resourceType: op.resourceType,
    resourceId: op.resourceId ?? null,
    pupilId: null,
    context: {
      route: request.routeOptions.url ?? request.url,
      method: request.method,
      requestId: request.id,
      reason: grant.reason,
      ...op.context,
    },
    outcome: grant.allowed ? "allowed" : "denied",
  });
  if (!grant.allowed) throw forbidden();
  return actor;
}

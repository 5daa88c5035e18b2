// The gate of the administration endpoints (accounts, service tokens, schools, imports; domain.md
// §2 roles): the twin of setup-gate.ts for the application's own administration. It asks the
// access module (src/access gate: one audit row, allowed or denied, with the administration
// event named here) and answers 403 when the actor's roles do not open it.
import type { FastifyRequest } from "fastify";
import { type AccessActor, type AuditEvent, gate } from "../../access/index.ts";
import type { Action } from "../../domain/policy/resources.ts";
import type { HttpContext } from "../context.ts";
import { admitted, commandActor } from "./cases-http.ts";

/** The administration actions of the policy (src/domain/policy/rules.ts, `administration`). */
export type AdministrationAction = Extract<Action, "manage_users" | "manage_schools">;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The audit trail's administration and service-token events (src/access/audit-event.ts). */
export type AdministrationSubject = DistributiveOmit<
  Extract<
    AuditEvent,
    { resourceType: "user" | "role" | "school" | "import" | "notification" | "api_token" }
  >,
  "userId" | "role" | "outcome" | "context" | "pupilId"
> & { context?: Record<string, string> };

/**
 * Lets the request in when the actor may `action` the administration, else 403; the audit row
 * (allowed or denied) is written either way. `auditRefusalOnly`: frequent polling without
 * personal data (an import's progress) writes only a refusal. Returns the actor.
 */
export async function administer(
  request: FastifyRequest,
  ctx: HttpContext,
  action: AdministrationAction,
  subject: AdministrationSubject,
  options: { auditRefusalOnly?: boolean } = {},
): Promise<AccessActor> {
  const actor = commandActor(request);
  admitted(
    await gate(
      ctx.db.orm,
      actor,
      action,
      { kind: "administration" },
      { ...subject, pupilId: null },
      options.auditRefusalOnly ? { auditRefusalOnly: true } : {},
    ),
  );
  return actor;
}

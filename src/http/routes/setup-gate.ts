// The gate of the region's set-up endpoints (issue 14 item 2; domain.md §2 roles): the policy
// decides who owns which records (src/domain/policy/rules.ts, resource `region_setup`), through
// `gate` (src/access), which writes a denial to the audit trail; an allowed request's change is
// audited by the route, in the transaction that makes it, with the id of the record it wrote
// (recordSetupChange). A read that names no record (`read: true`: the region's and the mail
// settings) has no change to write its row with: the gate writes the allowed row itself.
import type { FastifyRequest } from "fastify";
import { gate, type SetupAuditEvent } from "../../access/index.ts";
import type { Action } from "../../domain/policy/resources.ts";
import { type GrantedBy, recordSetupChange, SetupRefused } from "../../services/region-setup.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, notFound } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

/** The set-up events of the audit trail (src/access/audit-event.ts SetupEvent). */
/** What a set-up request does, in the audit trail's words ("create_breakthrough_team", …). */
export type SetupAuditAction = SetupAuditEvent["action"];
export type SetupResourceType = SetupAuditEvent["resourceType"];

export type SetupAction = Extract<
  Action,
  | "manage_region_settings"
  | "manage_breakthrough_teams"
  | "manage_arrangements"
  | "manage_exemptions"
  | "manage_budget_contributions"
>;

export interface SetupOperation {
  action: SetupAction;
  /** The audit trail's name for what is done, e.g. "create_breakthrough_team". */
  operation: SetupAuditAction;
  resourceType: SetupResourceType;
  resourceId?: string | null;
  /** The record's municipality, when it has one (leerplicht and budgets are scoped by it). */
  municipality?: string;
  /**
   * A read of one thing that needs no id from the route: the gate writes the allowed row too
   * (issue 12: every allowed read is in the trail). Otherwise the route writes it with the
   * change or the list (recordSetupChange).
   */
  read?: true;
}

export { recordSetupChange };

/** The gate's grant (recordSetupChange writes its allowed row) and what routes filter by. */
export interface SetupGrant extends GrantedBy {
  userId: string;
  role: string;
  /** The actor's municipalities and partnerships in the granted role, to filter lists by. */
  municipalities: readonly string[];
  partnerships: readonly string[];
  origin: { route: string; method: string; requestId: string };
}

export async function authorizeSetup(
  request: FastifyRequest,
  ctx: HttpContext,
  op: SetupOperation,
): Promise<SetupGrant> {
  const actor = commandActor(request);
  const resource =
    op.municipality === undefined
      ? ({ kind: "region_setup" } as const)
      : ({ kind: "region_setup", municipality: op.municipality } as const);
  // A refusal is audited here (403); the allowed row of a change comes with the change
  // (recordSetupChange), that of a read (`op.read`) from the gate.
  const grant = admitted(
    await gate(
      ctx.db.orm,
      actor,
      op.action,
      resource,
      {
        action: op.operation,
        resourceType: op.resourceType,
        resourceId: op.resourceId ?? null,
        pupilId: null,
      },
      op.read ? {} : { auditRefusalOnly: true },
    ),
  );
  const origin = {
    route: actor.origin.route,
    method: actor.origin.method,
    requestId: request.id,
  };
  const granted = actor.policy.grants.find((g) => g.role === grant.role);
  return {
    actor,
    grant,
    userId: actor.userId,
    role: grant.role,
    municipalities: granted?.municipalities ?? [],
    partnerships: granted?.partnerships ?? [],
    origin,
  };
}

/** A refusal of the set-up services as problem+json: a field's 400 names the field. */
export async function viaService<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    if (error.status === 404) throw notFound(error.message);
    if (error.status === 400 && error.field) {
      throw new HttpProblem(400, "Controleer de gemarkeerde velden.", {
        type: "urn:aanwezig:problem:validation",
        errors: [{ in: "body", path: error.field, message: error.message }],
      });
    }
    throw new HttpProblem(error.status, error.message);
  }
}

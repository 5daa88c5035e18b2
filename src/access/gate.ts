// The one place that applies the policy (domain.md §2: access follows need-to-know; every read of
// personal data is logged). The rules are src/domain/policy/rules.ts; this module asks them and
// writes the audit row. `gate` is for one resource; scope-list.ts for lists.
import type { Orm } from "../db/connect.ts";
import { decide } from "../domain/policy/policy.ts";
import type { Action, Resource, ResourceKind, RoleGrant } from "../domain/policy/resources.ts";
import type { PolicyRole } from "../domain/policy/roles.ts";
import { RULES } from "../domain/policy/rules.ts";
import { type AccessActor, rolesOf } from "./actor.ts";
import { appendAudit, appendAuditBatched } from "./audit.ts";
import type { AuditContext, AuditEvent, AuditSubject } from "./audit-event.ts";

/** The door opened: the role that opened it and the rule's words. */
export interface Grant {
  ok: true;
  role: PolicyRole;
  reason: string;
}

/**
 * The door stayed shut. `not_found` when the actor may not even see the thing (it answers exactly
 * like one that does not exist: no existence leak), `forbidden` when they see it but may not do
 * this, or when there is no personal data behind it (the monitor, administration, the trail).
 */
export interface Refusal {
  ok: false;
  error: "not_found" | "forbidden";
  reason: string;
  message: string;
}

export type Verdict = Grant | Refusal;

export interface GateOptions {
  /** Only grants of these roles count (a duty that involves some roles only: DUO reports). */
  roles?: readonly PolicyRole[];
  /**
   * When refused: `forbidden` (instead of `not_found`) if this check allows — the actor already
   * sees the thing, e.g. `read_case` for a command on a case. Without it, a refusal on a pupil,
   * signal, case or document is `not_found` and any other `forbidden`.
   */
  visibleWith?: { action: Action; resource?: Resource; roles?: readonly PolicyRole[] };
  /**
   * Reads without personal data (the monitor): the row joins a short batch and the request waits
   * until it is written. Only with the database's own `orm`, never a transaction's.
   */
  batched?: boolean;
  /**
   * Only a refusal is written: for frequent reads without personal data (polling an import), and
   * for changes whose allowed row names what they wrote (a set-up record, a delivered file): the
   * caller writes it with `recordGrant` once it knows the id, in the transaction of the change.
   */
  auditRefusalOnly?: boolean;
}

const PERSONAL: readonly ResourceKind[] = ["pupil", "signal", "case", "document"];
const NOT_FOUND_MESSAGE = "No such resource, or not one you may see.";

/**
 * The decision without an audit row: for what a screen offers or shows inside something already
 * gated (allowed actions, which documents are listed), never to let a request in. Asked grant by
 * grant, so the answer names the role that opened the door.
 */
export function may(
  actor: AccessActor,
  action: Action,
  resource: Resource,
  roles?: readonly PolicyRole[],
): Grant | { ok: false; reason: string } {
  const grants = roles
    ? actor.policy.grants.filter((g) => roles.includes(g.role))
    : actor.policy.grants;
  for (const grant of grants) {
    const single = decide({ ...actor.policy, grants: [grant] }, action, resource);
    if (single.allowed) return { ok: true, role: grant.role, reason: single.reason };
  }
  return { ok: false, reason: decide({ ...actor.policy, grants }, action, resource).reason };
}

/** The actor's grants whose role some rule lets do `action` on `kind` (rules as data). */
export function grantsThatMay(
  actor: AccessActor,
  action: Action,
  kind: ResourceKind,
  roles?: readonly PolicyRole[],
): RoleGrant[] {
  return actor.policy.grants.filter(
    (g) =>
      (!roles || roles.includes(g.role)) &&
      RULES.some(
        (r) => r.resource === kind && r.actions.includes(action) && r.roles.includes(g.role),
      ),
  );
}

/** Whether any rule could ever let one of the actor's roles do `action` on `kind` (rules as data). */
export function mayEver(
  actor: AccessActor,
  action: Action,
  kind: ResourceKind,
  roles?: readonly PolicyRole[],
): boolean {
  return grantsThatMay(actor, action, kind, roles).length > 0;
}

/** The audit row of a decision: who, the subject, the outcome, the origin and the reason. */
export function auditEventOf(
  actor: AccessActor,
  subject: AuditSubject,
  verdict: { ok: true; role: string; reason: string } | { ok: false; reason: string },
): AuditEvent {
  const { context, ...rest } = subject;
  const caseId = rest.resourceType === "case" && rest.resourceId ? { caseId: rest.resourceId } : {};
  return {
    ...rest,
    userId: actor.userId,
    role: verdict.ok ? verdict.role : rolesOf(actor),
    context: { ...actor.origin, ...caseId, reason: verdict.reason, ...context },
    outcome: verdict.ok ? "allowed" : "denied",
  } as AuditEvent;
}

/**
 * Decides `action` on `resource` for `actor` and writes exactly one audit row (allowed or
 * denied) with `orm` — pass a transaction's `tx.orm` to write it in that transaction. A resource
 * of `null` is one that does not exist: refused (`not_found`) and audited like any refusal, so a
 * missing and a hidden thing leave the same trace. A failed audit write throws AuditUnavailable.
 */
export async function gate(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  resource: Resource | null,
  audit: AuditSubject,
  options: GateOptions = {},
): Promise<Verdict> {
  const decision = resource
    ? may(actor, action, resource, options.roles)
    : ({ ok: false, reason: "no such resource" } as const);
  if (!(decision.ok && options.auditRefusalOnly)) {
    const event = auditEventOf(actor, audit, decision);
    if (options.batched && decision.ok) await appendAuditBatched(orm, event);
    else await appendAudit(orm, event);
  }
  if (decision.ok) return decision;
  return refusal(actor, resource, decision.reason, options);
}

/**
 * The allowed row of a `gate` passed with `auditRefusalOnly`, written when the change is made
 * (in its transaction, with the id of what it wrote): the same row `gate` would have written.
 */
export async function recordGrant(
  orm: Orm,
  actor: AccessActor,
  grant: Grant,
  audit: AuditSubject,
): Promise<void> {
  await appendAudit(orm, auditEventOf(actor, audit, grant));
}

/**
 * Who an allowed change is by: a request's actor with the grant of its gate (`auditRefusalOnly`),
 * or a caller that decides nothing and is trusted as it is — the command line (role `cli`), the
 * demo's seed (`demo`) — which names itself.
 */
export type AllowedBy =
  | { actor: AccessActor; grant: Grant }
  | { userId: string | null; role: string; context: AuditContext };

/** Who a stored change names as its author: the account, or the caller's role (`cli`). */
export function authorOf(by: AllowedBy): string {
  return "grant" in by ? by.actor.userId : (by.userId ?? by.role);
}

/**
 * The allowed row of a change: with a grant exactly `recordGrant`; from a trusted caller an
 * event that names it (its context first, the subject's why-fields after).
 */
export async function recordAllowed(orm: Orm, by: AllowedBy, subject: AuditSubject): Promise<void> {
  if ("grant" in by) {
    await recordGrant(orm, by.actor, by.grant, subject);
    return;
  }
  const { context, ...rest } = subject;
  await appendAudit(orm, {
    ...rest,
    userId: by.userId,
    role: by.role,
    context: { ...by.context, ...context },
    outcome: "allowed",
  } as AuditEvent);
}

function refusal(
  actor: AccessActor,
  resource: Resource | null,
  reason: string,
  options: GateOptions,
): Refusal {
  const hidden: Refusal = { ok: false, error: "not_found", reason, message: NOT_FOUND_MESSAGE };
  if (resource === null) return hidden;
  const shown: Refusal = { ok: false, error: "forbidden", reason, message: reason };
  if (options.visibleWith) {
    const check = options.visibleWith;
    const seen = may(actor, check.action, check.resource ?? resource, check.roles);
    return seen.ok ? shown : hidden;
  }
  return PERSONAL.includes(resource.kind) ? hidden : shown;
}

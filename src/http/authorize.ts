// The one authorization gate of the HTTP API (domain.md §2: access follows need-to-know; every
// read of personal data is logged). Every route that acts for a user calls `authorize`: it
// gathers the facts into the policy's terms, lets src/domain/policy decide, writes the audit
// row for personal data (allowed and denied alike), and raises 401/403/404. The rules
// themselves live only in src/domain/policy/rules.ts.
import type { FastifyRequest } from "fastify";
import { grantFor, schoolsOfSchoolYear } from "../commands/case-access.ts";
import { appendAudit } from "../db/repositories/audit.ts";
import type { RoleScope } from "../db/repositories/users.ts";
import type { CasePhase } from "../domain/cases/model.ts";
import type {
  Action as PolicyAction,
  Actor as PolicyActor,
  Resource as PolicyResource,
  PupilScope,
  RoleGrant,
} from "../domain/policy/resources.ts";
import { isRoleCode } from "../domain/policy/roles.ts";
import { type Actor, requireActor } from "./auth/actor.ts";
import type { HttpContext } from "./context.ts";
import { forbidden, notFound } from "./problem.ts";

/** Policy actions, plus acting on one's own account, which needs only authentication. */
export type Action = PolicyAction | "read_own_account" | "end_own_session";

export interface EnrolmentFact {
  schoolId: string;
  startDate: string;
  endDate: string | null;
}

/** What the HTTP side knows about a pupil at the moment of access; null: no such pupil. */
export interface PupilFacts {
  residenceMunicipality: string;
  enrolments: EnrolmentFact[];
  /** Person ids (users.id) of the active participants of the pupil's open cases. */
  participantIds: string[];
}

export interface CaseFacts {
  pupil: PupilFacts;
  phase: CasePhase;
  /** Person ids of this case's active participants. */
  participantIds: string[];
}

export type Resource =
  | { type: "own_account" }
  | { type: "pupil"; pupilId: string; facts: PupilFacts | null; today: string }
  | { type: "case"; caseId: string; pupilId: string; facts: CaseFacts | null; today: string }
  | { type: "audit_log"; pupilId: string | null };

export type Decision =
  | { allowed: true; role: string; reason: string }
  | { allowed: false; reason: string };

/** One grant per role code, with that role's scopes merged (the policy's shape). */
export function policyActor(actor: Actor): PolicyActor {
  const byRole = new Map<string, RoleScope[]>();
  for (const scope of actor.roles)
    byRole.set(scope.role, [...(byRole.get(scope.role) ?? []), scope]);
  const grants: RoleGrant[] = [];
  for (const [role, scopes] of byRole) {
    if (!isRoleCode(role)) continue; // an unknown code grants nothing
    const values = (pick: (s: RoleScope) => string | null | undefined) =>
      scopes.map(pick).filter((v): v is string => typeof v === "string");
    grants.push({
      role,
      schoolIds: values((s) => s.schoolId),
      municipalities: values((s) => s.municipality),
      childPupilIds: values((s) => s.pupilId),
      partnerships: values((s) => s.partnership),
    });
  }
  // Case participant lists name people by user id until persons get their own register.
  return { userId: actor.userId, personId: actor.userId, grants };
}

/**
 * Schools where the pupil has an enrolment active today or at some time in today's school year
 * (1 August – 31 July): a school keeps seeing a pupil who left during the year. The same reading
 * as the case commands' (one function serves both).
 */
export const schoolsOfCurrentYear: (enrolments: EnrolmentFact[], today: string) => string[] =
  schoolsOfSchoolYear;

/** The pupil as the policy sees it at the moment of access. */
export function pupilScope(pupilId: string, facts: PupilFacts, today: string): PupilScope {
  return {
    pupilId,
    schoolIds: schoolsOfCurrentYear(facts.enrolments, today),
    residenceMunicipality: facts.residenceMunicipality,
    participantIds: facts.participantIds,
    // Not needed for reading the pupil record or case; gathered once an endpoint needs it.
    consentShareAuthorizedAbsence: false,
  };
}

function policyResource(resource: Resource): PolicyResource | null {
  switch (resource.type) {
    case "own_account":
      return null;
    case "audit_log":
      return { kind: "audit_log" };
    case "pupil":
      if (resource.facts === null) return null;
      return { kind: "pupil", pupil: pupilScope(resource.pupilId, resource.facts, resource.today) };
    case "case":
      if (resource.facts === null) return null;
      return {
        kind: "case",
        pupil: pupilScope(resource.pupilId, resource.facts.pupil, resource.today),
        case: {
          id: resource.caseId,
          phase: resource.facts.phase,
          participantIds: resource.facts.participantIds,
        },
      };
  }
}

export function decideFor(actor: Actor, action: Action, resource: Resource): Decision {
  if (action === "read_own_account" || action === "end_own_session") {
    return { allowed: true, role: "self", reason: "own account" };
  }
  const target = policyResource(resource);
  if (target === null) return { allowed: false, reason: "no such resource" };
  // Asked grant by grant, so the audit trail can name the role that opened the door.
  return grantFor(policyActor(actor), action, target);
}

/** Resources holding personal data: every decision on them is audited, a denial is a 404. */
function audited(resource: Resource): { id: string | null; pupilId: string | null } | null {
  switch (resource.type) {
    case "pupil":
    case "audit_log":
      return { id: resource.pupilId, pupilId: resource.pupilId };
    case "case":
      return { id: resource.caseId, pupilId: resource.pupilId };
    case "own_account":
      return null;
  }
}

export async function authorize(
  request: FastifyRequest,
  ctx: HttpContext,
  action: Action,
  resource: Resource,
): Promise<{ actor: Actor; role: string }> {
  const actor = requireActor(request);
  const decision = decideFor(actor, action, resource);
  const subject = audited(resource);
  if (subject !== null) {
    await appendAudit(ctx.db.orm, {
      userId: actor.userId,
      role: decision.allowed ? decision.role : actor.roles.map((r) => r.role).join(",") || null,
      action,
      resourceType: resource.type,
      resourceId: subject.id,
      pupilId: subject.pupilId,
      context: {
        route: request.routeOptions.url ?? request.url,
        method: request.method,
        requestId: request.id,
        ...(resource.type === "case" ? { caseId: resource.caseId } : {}),
        reason: decision.reason,
      },
      outcome: decision.allowed ? "allowed" : "denied",
    });
  }
  if (!decision.allowed) {
    // A pupil or case one may not see answers exactly like one that does not exist.
    throw resource.type === "pupil" || resource.type === "case" ? notFound() : forbidden();
  }
  return { actor, role: decision.role };
}

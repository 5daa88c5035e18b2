// Who asks (domain.md §2): a user with role grants, in the policy's terms, and where the request
// came from (route, method, request id) for the audit trail.
import type { Actor as PolicyActor, RoleGrant } from "../domain/policy/resources.ts";
import { isRoleCode } from "../domain/policy/roles.ts";

/** Where a decision was asked for: an HTTP route, a job (`job:…`) or a command (`cli:…`). */
export interface Origin {
  route: string;
  method: string;
  requestId?: string;
}

/** The actor every gate, list and audit row of src/access works with. */
export interface AccessActor {
  userId: string;
  policy: PolicyActor;
  origin: Origin;
}

/** A role assignment as stored (one scope column filled per row). */
export interface RoleAssignment {
  role: string;
  schoolId?: string | null;
  municipality?: string | null;
  partnership?: string | null;
  pupilId?: string | null;
}

/** One grant per role code, with that role's scopes merged; an unknown code grants nothing. */
export function policyActorOf(userId: string, roles: readonly RoleAssignment[]): PolicyActor {
  const byRole = new Map<string, RoleAssignment[]>();
  for (const scope of roles) byRole.set(scope.role, [...(byRole.get(scope.role) ?? []), scope]);
  const grants: RoleGrant[] = [];
  for (const [role, scopes] of byRole) {
    if (!isRoleCode(role)) continue;
    const values = (pick: (s: RoleAssignment) => string | null | undefined) =>
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
  return { userId, personId: userId, grants };
}

export function accessActorOf(
  user: { userId: string; roles: readonly RoleAssignment[] },
  origin: Origin,
): AccessActor {
  return { userId: user.userId, policy: policyActorOf(user.userId, user.roles), origin };
}

/** The actor's role codes as the audit trail names them on a denial ("" → null). */
export function rolesOf(actor: AccessActor): string | null {
  return actor.policy.grants.map((g) => g.role).join(",") || null;
}

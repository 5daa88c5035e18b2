// A user as a person in a case (domain.md §5: participants are a person, an organisation and a
// role). Person ids are user ids, so taking part is what the policy's isCaseParticipant sees.
import type { Orm } from "../db/connect.ts";
import { findUserById, type RoleScope } from "../db/repositories/users.ts";
import type { CasePerson } from "../domain/cases/model.ts";
import { canTakePart } from "../domain/cases/participants.ts";
import { isRoleCode, type RoleCode } from "../domain/policy/roles.ts";

/** The organisation a role assignment stands for: its school, municipality, partnership or region. */
export function organisationOf(scope: RoleScope): string {
  return scope.schoolId ?? scope.municipality ?? scope.partnership ?? scope.region ?? scope.role;
}

/** The user holding `role`, as a case person; undefined when no such user holds that role. */
export async function casePersonOf(
  orm: Orm,
  userId: string,
  role: RoleCode,
  organisation?: string,
): Promise<CasePerson | undefined> {
  const user = await findUserById(orm, userId).catch(() => undefined);
  const scope = user?.roles.find((r) => r.role === role && isRoleCode(r.role));
  if (!user || !scope) return undefined;
  return { personId: user.id, role, organisation: organisation ?? organisationOf(scope) };
}

/**
 * A breakthrough-team member's account as the case person they take part as: in their
 * `breakthrough_member` role when they hold it, else in the first role that can take part in a
 * case (a leerplicht officer or youth-care worker sitting on the team). They take part for the
 * team: the organisation is the team's name, the partner that consent (b) names.
 */
export async function teamMemberPerson(
  orm: Orm,
  userId: string,
  teamName: string,
): Promise<CasePerson | undefined> {
  const user = await findUserById(orm, userId).catch(() => undefined);
  const roles = (user?.roles ?? [])
    .map((r) => r.role)
    .filter(isRoleCode)
    .filter(canTakePart);
  const role = roles.includes("breakthrough_member") ? "breakthrough_member" : roles[0];
  if (!user || !role) return undefined;
  return { personId: user.id, role, organisation: teamName };
}

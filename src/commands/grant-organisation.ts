// The organisation a person acts for in a case, from the grant that allowed them: school staff
// for the case's school, leerplicht and the case director for the pupil's municipality.

import type { AccessActor } from "../access/index.ts";
import type { RoleCode } from "../domain/policy/roles.ts";
import { SCHOOL_STAFF_ROLES } from "../domain/policy/roles.ts";

export function organisationOfGrant(
  actor: AccessActor,
  role: RoleCode,
  schoolId: string,
  municipality: string,
): string {
  if ((SCHOOL_STAFF_ROLES as readonly string[]).includes(role)) return schoolId;
  const grant = actor.policy.grants.find((g) => g.role === role);
  if (grant?.municipalities?.includes(municipality)) return `gemeente ${municipality}`;
  return grant?.municipalities?.[0] ? `gemeente ${grant.municipalities[0]}` : role;
}

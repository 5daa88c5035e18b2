// domain.md §2: the roles of the chain as codes. Dutch titles live in the UI strings, not here.

export const ROLE_CODES = [
  "teacher",
  "care_coordinator",
  "school_head",
  "attendance_officer",
  "case_director",
  "partnership_consultant",
  "youth_doctor",
  "youth_care",
  "breakthrough_member",
  "parent",
  "policy_officer",
  "app_admin",
  "privacy_officer",
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

/**
 * A service token of a source system (interfaces.md "Integration API"): no person's role and
 * never assigned to a user. A token with scopes acts with this grant only (its account is
 * role-less); its scopes (`imports:KIND`) and schools decide what it may deliver.
 */
export const SERVICE_TOKEN_ROLE = "service_token" as const;
/** Who a rule can name: a person's role or a service token. */
export type PolicyRole = RoleCode | typeof SERVICE_TOKEN_ROLE;

/** The person's role of a grant where only persons act (cases): no rule there names a token. */
export function personRole(role: PolicyRole): RoleCode {
  if (role === SERVICE_TOKEN_ROLE) throw new Error("a service token acts for no person");
  return role;
}

/** Staff of the pupil's own school: they see their school's pupils without being case participants. */
export const SCHOOL_STAFF_ROLES = [
  "teacher",
  "care_coordinator",
  "school_head",
] as const satisfies readonly RoleCode[];

/** Professionals outside the school: they see a pupil only while participant in its case. */
export const CASE_PROFESSIONAL_ROLES = [
  "case_director",
  "partnership_consultant",
  "youth_doctor",
  "youth_care",
  "breakthrough_member",
] as const satisfies readonly RoleCode[];

export function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

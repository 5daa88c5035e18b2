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

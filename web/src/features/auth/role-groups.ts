// domain.md §2: the roles fall into groups that see the system differently — school staff see
// their school's pupils, chain professionals only the cases they take part in, parents their
// own child, policy roles only aggregates, administrators the configuration and the audit log.
import { isRoleCode, type RoleCode } from "../../../../src/domain/policy/roles.ts";
import { t } from "../../i18n/index.ts";

export type RoleGroup = "school" | "chain" | "parent" | "policy" | "admin";

const GROUP_OF = {
  teacher: "school",
  care_coordinator: "school",
  school_head: "school",
  // Leerplicht and the chain professionals work across schools, on the cases they take part in.
  attendance_officer: "chain",
  case_director: "chain",
  partnership_consultant: "chain",
  youth_doctor: "chain",
  youth_care: "chain",
  breakthrough_member: "chain",
  parent: "parent",
  policy_officer: "policy",
  app_admin: "admin",
  privacy_officer: "admin",
} as const satisfies Record<RoleCode, RoleGroup>;

/** Display order: the group whose work is most personal first. */
const GROUP_ORDER: readonly RoleGroup[] = ["school", "chain", "parent", "policy", "admin"];

/** The role codes of /api/me that this app knows; unknown codes grant nothing. */
export function knownRoles(roles: readonly { role: string }[]): RoleCode[] {
  return [...new Set(roles.map((r) => r.role))].filter(isRoleCode);
}

export function roleGroupsOf(roles: readonly RoleCode[]): RoleGroup[] {
  const groups = new Set(roles.map((r) => GROUP_OF[r]));
  return GROUP_ORDER.filter((g) => groups.has(g));
}

export function roleTitle(code: string): string {
  return isRoleCode(code) ? t.roles[code] : t.unknownRole(code);
}

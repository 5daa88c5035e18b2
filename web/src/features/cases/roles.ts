// Which roles see which work (src/domain/policy/rules.ts): a convenience for showing links and
// worklists; the server decides every request itself.
import type { RoleCode } from "../../../../src/domain/policy/roles.ts";

const OPENERS: readonly RoleCode[] = [
  "teacher",
  "care_coordinator",
  "school_head",
  "attendance_officer",
];

export function mayOpenCases(roles: readonly RoleCode[]): boolean {
  return roles.some((r) => OPENERS.includes(r));
}

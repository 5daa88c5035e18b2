// domain.md §4 (verzuimmelding) and §2 (need-to-know): who of the chain acts on DUO absence
// reports. A report is about a pupil's unauthorized absence, so reading one is the policy's
// read_attendance_unauthorized on that pupil — asked with the report's own school as the pupil's
// school, so staff of another school of the same pupil do not see it — limited to the roles the
// reporting duty involves: the school that reports (school head, care coordinator) and
// leerplicht, which receives and closes it. Overdue reports are "a signal to the school head and
// leerplicht". The school submits and withdraws; leerplicht takes up, closes or takes note.
// src/access decides with these role lists (gate's `roles`).
import type { PupilScope } from "../policy/resources.ts";
import type { RoleCode } from "../policy/roles.ts";
import type { DuoStatus } from "./duo-report-status.ts";

export type DuoSide = "school" | "leerplicht";

export const DUO_ROLES_BY_SIDE: Readonly<Record<DuoSide, readonly RoleCode[]>> = {
  school: ["school_head", "care_coordinator"],
  leerplicht: ["attendance_officer"],
};

/** Every role that sees DUO reports. */
export const DUO_ROLES: readonly RoleCode[] = [
  ...DUO_ROLES_BY_SIDE.school,
  ...DUO_ROLES_BY_SIDE.leerplicht,
];

/** The statuses each side may set (duo-report-status.ts decides the order). */
export const STATUS_BY_SIDE: Readonly<Record<DuoSide, readonly DuoStatus[]>> = {
  school: ["geregistreerd", "ingetrokken"],
  leerplicht: ["in_behandeling", "afgesloten", "ter_kennisgeving"],
};

export function sideOfStatus(status: DuoStatus): DuoSide | null {
  if (STATUS_BY_SIDE.school.includes(status)) return "school";
  if (STATUS_BY_SIDE.leerplicht.includes(status)) return "leerplicht";
  return null;
}

/** The pupil as a report's policy question sees them: at the report's school only. */
export function reportScope(pupil: PupilScope, schoolId: string): PupilScope {
  return { ...pupil, schoolIds: [schoolId] };
}

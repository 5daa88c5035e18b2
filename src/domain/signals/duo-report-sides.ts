// Who may see and act on DUO absence reports (domain.md §4 verzuimmelding, §2 need-to-know).
// A report is about a pupil's unauthorized absence, so reading one is the policy's
// read_attendance_unauthorized on that pupil — asked with the report's own school as the
// pupil's school, so staff of another school of the same pupil do not see it — limited to the
// roles the reporting duty involves: the school that reports (school head, care coordinator)
// and leerplicht, which receives and closes it (residents, or its cases). Overdue reports are
// "a signal to the school head and leerplicht". The school submits and withdraws; leerplicht
// takes up, closes or takes note.
import type { CommandActor, Grant } from "../../commands/case-access.ts";
import { grantFor } from "../../commands/case-access.ts";
import type { PupilScope } from "../../domain/policy/resources.ts";
import type { RoleCode } from "../../domain/policy/roles.ts";
import type { DuoStatus } from "../../domain/signals/duo-report-status.ts";

export const DUO_SCHOOL_ROLES = ["school_head", "care_coordinator"] as const satisfies RoleCode[];
export const DUO_LEERPLICHT_ROLES = ["attendance_officer"] as const satisfies RoleCode[];
const DUO_ROLES: readonly RoleCode[] = [...DUO_SCHOOL_ROLES, ...DUO_LEERPLICHT_ROLES];

/** The statuses each side may set (domain/signals/duo-report-status.ts decides the order). */
export const STATUS_BY_SIDE: Readonly<Record<"school" | "leerplicht", readonly DuoStatus[]>> = {
  school: ["geregistreerd", "ingetrokken"],
  leerplicht: ["in_behandeling", "afgesloten", "ter_kennisgeving"],
};

function limitedTo(actor: CommandActor, roles: readonly RoleCode[]): CommandActor {
  return {
    ...actor,
    policy: { ...actor.policy, grants: actor.policy.grants.filter((g) => roles.includes(g.role)) },
  };
}

/** Whether the user holds any role that ever sees DUO reports (else 403 on the list). */
export function mayEverReadDuoReports(actor: CommandActor): boolean {
  return actor.policy.grants.some((g) => DUO_ROLES.includes(g.role));
}

function reportScope(pupil: PupilScope, schoolId: string): PupilScope {
  return { ...pupil, schoolIds: [schoolId] };
}

export function mayReadReport(actor: CommandActor, pupil: PupilScope, schoolId: string): Grant {
  return grantFor(limitedTo(actor, DUO_ROLES).policy, "read_attendance_unauthorized", {
    kind: "pupil",
    pupil: reportScope(pupil, schoolId),
  });
}

/** The school fills in and submits its own reports; leerplicht handles what was submitted. */
export function mayChangeReport(
  actor: CommandActor,
  pupil: PupilScope,
  schoolId: string,
  side: "school" | "leerplicht",
): Grant {
  const roles = side === "school" ? DUO_SCHOOL_ROLES : DUO_LEERPLICHT_ROLES;
  return grantFor(limitedTo(actor, roles).policy, "read_attendance_unauthorized", {
    kind: "pupil",
    pupil: reportScope(pupil, schoolId),
  });
}

export function sideOfStatus(status: DuoStatus): "school" | "leerplicht" | null {
  if (STATUS_BY_SIDE.school.includes(status)) return "school";
  if (STATUS_BY_SIDE.leerplicht.includes(status)) return "leerplicht";
  return null;
}

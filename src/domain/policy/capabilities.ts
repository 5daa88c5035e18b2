// domain.md §2: what a user may do in general — which parts of the application are theirs —
// asked of the same RULES every request is decided by: a capability holds when a rule grants its
// action to one of the user's roles, whatever the resource. GET /api/me sends them, and the web
// builds its navigation from them, never from role lists of its own. Holding one says nothing
// about a particular pupil or case: the server still decides each request.
import { isParentOf, ownSchoolAttendance, ownSchoolSource } from "./predicates.ts";
import type { Action } from "./resources.ts";
import type { RoleCode } from "./roles.ts";
import { RULES, type Rule } from "./rules.ts";

export const CAPABILITIES = [
  "read_signals",
  "read_cases",
  "open_case",
  "search_pupils",
  "read_own_child",
  "read_breakthrough_agenda",
  "read_duo_reports",
  "read_monitor",
  "reconcile_list",
  "read_audit",
  "handle_subject_requests",
  "manage_users",
  "manage_schools",
  "manage_breakthrough_teams",
  "work_leave_requests",
  "register_leave",
  "manage_arrangements",
  "manage_exemptions",
  "manage_budget_contributions",
  "manage_school_import_mappings",
  "import_school_attendance",
  "region_setup",
  "answer_youth_doctor_referrals",
  "read_handovers",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/**
 * The regional breakthrough team (domain.md §5 BREAKTHROUGH): its members, the partnership and
 * the case director who convenes it. Its agenda is a view of the cases they read, not an action.
 */
const BREAKTHROUGH_TEAM: readonly RoleCode[] = [
  "breakthrough_member",
  "partnership_consultant",
  "case_director",
];

/**
 * The roles the reporting duty involves (domain.md §4 verzuimmelding): the reporting school's
 * head and care coordinator, and leerplicht. The same list as DUO_ROLES of
 * domain/signals/duo-report-sides.ts (which imports from here; capabilities.test.ts checks both
 * agree), kept here so policy does not import from signals.
 */
const DUO_REPORT_ROLES: readonly RoleCode[] = [
  "school_head",
  "care_coordinator",
  "attendance_officer",
];

/** A rule that reaches a pupil only as the child's parent (the parent's own view). */
const asParent = (rule: Rule) => rule.when === isParentOf;

const grants =
  (action: Action, reach: (rule: Rule) => boolean = () => true) =>
  (roles: readonly RoleCode[]) =>
    RULES.some(
      (rule) =>
        rule.actions.includes(action) &&
        reach(rule) &&
        rule.roles.some((r) => (roles as readonly string[]).includes(r)),
    );

const HOLDS: Record<Capability, (roles: readonly RoleCode[]) => boolean> = {
  read_signals: grants("read_signals"),
  // The professionals' case list and pupil search; a parent reads their own child's case only.
  read_cases: grants("read_case", (rule) => !asParent(rule)),
  open_case: grants("open_case"),
  search_pupils: grants("read_pupil", (rule) => !asParent(rule)),
  read_own_child: grants("read_case", asParent),
  read_breakthrough_agenda: (roles) =>
    grants("read_case")(roles) && roles.some((r) => BREAKTHROUGH_TEAM.includes(r)),
  // The verzuimmeldingen: unauthorized absence, for the roles of the reporting duty only.
  read_duo_reports: (roles) =>
    grants("read_attendance_unauthorized")(roles) &&
    roles.some((r) => DUO_REPORT_ROLES.includes(r)),
  read_monitor: grants("read_monitor"),
  reconcile_list: grants("reconcile_list"),
  read_audit: grants("read_audit"),
  handle_subject_requests: grants("handle_subject_requests"),
  manage_users: grants("manage_users"),
  manage_schools: grants("manage_schools"),
  // The region's set-up screens of the partnership (issue 14): the breakthrough teams.
  manage_breakthrough_teams: grants("manage_breakthrough_teams"),
  // The leave requests of the school and leerplicht (domain.md §4); parents use /mijn-kind.
  work_leave_requests: grants("read_leave_requests", (rule) => !asParent(rule)),
  // Registering a request for a pupil of the school on /verlof; a parent asks on /mijn-kind.
  register_leave: grants("request_leave", (rule) => !asParent(rule)),
  // The partnership's catalogue and waiting lists, leerplicht's exemptions and Variawet records,
  // the frictiebudget's partners' contributions — and the set-up section that holds them.
  manage_arrangements: grants("manage_arrangements"),
  manage_exemptions: grants("manage_exemptions"),
  manage_budget_contributions: grants("manage_budget_contributions"),
  // A school's own column mappings (issue 14 item 3) in the school's set-up; the administrator
  // keeps every source's mappings under Beheer (manage_users), so only the school's rule counts.
  manage_school_import_mappings: grants(
    "manage_import_mappings",
    (rule) => rule.when === ownSchoolSource,
  ),
  // A school's own attendance file, uploaded by its staff (issue 14 item 3) in the school's
  // set-up; the administrator imports every kind under Beheer, so only the school's rule counts.
  import_school_attendance: grants("import_file", (rule) => rule.when === ownSchoolAttendance),
  region_setup: (roles) =>
    (
      [
        "manage_breakthrough_teams",
        "manage_arrangements",
        "manage_exemptions",
        "manage_budget_contributions",
      ] as const
    ).some((action) => grants(action)(roles)) ||
    HOLDS.manage_school_import_mappings(roles) ||
    HOLDS.import_school_attendance(roles),
  // The youth doctor's worklist of referrals (M@ZL, domain.md §2).
  answer_youth_doctor_referrals: grants("give_youth_doctor_feedback"),
  // The warm handovers PO→VO (issue 15 item 6): the schools, the case director and the SWV.
  read_handovers: grants("read_handovers"),
};

export function capabilitiesOf(roles: readonly RoleCode[]): Record<Capability, boolean> {
  const result = {} as Record<Capability, boolean>;
  for (const capability of CAPABILITIES) result[capability] = HOLDS[capability](roles);
  return result;
}

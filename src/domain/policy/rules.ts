// domain.md §2 (who sees what) and §5 (who decides what in a case): the authorization rules as
// data, in the style of Outline's policies — allow(roles, actions, resource, predicate). Nothing
// is allowed unless a rule says so. docs/cases.md lists the readings behind each group.
import {
  always,
  and,
  caseInSchoolPhase,
  caseIsOpen,
  decidedByLeerplicht,
  decidedBySchoolHead,
  deliveredByActor,
  hasConsentA,
  hasConsentB,
  hasHandoverConsent,
  hasImportScope,
  inHandoverPartnership,
  inOwnMunicipality,
  isCaseParticipant,
  isParentOf,
  isReceivingSchool,
  isSendingSchool,
  jgzOnly,
  livesInMunicipality,
  not,
  onlyUnauthorizedAbsence,
  or,
  ownSchoolAttendance,
  ownSchoolSource,
  type Predicate,
  sameSchool,
  sharedWithParents,
} from "./predicates.ts";
import type { Action, ResourceKind } from "./resources.ts";
import {
  CASE_PROFESSIONAL_ROLES,
  type PolicyRole,
  type RoleCode,
  SCHOOL_STAFF_ROLES,
} from "./roles.ts";

export interface Rule {
  roles: readonly PolicyRole[];
  actions: readonly Action[];
  resource: ResourceKind;
  when: Predicate;
}

export function allow(
  roles: readonly PolicyRole[],
  actions: readonly Action[],
  resource: ResourceKind,
  when: Predicate = always,
): Rule {
  return { roles, actions, resource, when };
}

const SCHOOL_CASE_HOLDERS = ["care_coordinator", "school_head"] as const satisfies RoleCode[];
/** Every professional who can take part in a case (school staff, leerplicht, partners). */
const PARTICIPATING_ROLES: readonly RoleCode[] = [
  ...SCHOOL_STAFF_ROLES,
  "attendance_officer",
  ...CASE_PROFESSIONAL_ROLES,
];
const leerplichtReach = or(livesInMunicipality, isCaseParticipant);

export const RULES: readonly Rule[] = [
  // Pupils and attendance. School staff see their own school's pupils.
  allow(
    SCHOOL_STAFF_ROLES,
    ["read_pupil", "read_attendance_unauthorized", "read_attendance_authorized", "open_case"],
    "pupil",
    sameSchool,
  ),
  allow(SCHOOL_STAFF_ROLES, ["read_signals"], "signal", sameSchool),
  // Leerplicht: unauthorized absence of residents always (the legal duty); authorized absence
  // only with consent (a), also when taking part in the case.
  allow(
    ["attendance_officer"],
    ["read_pupil", "read_attendance_unauthorized"],
    "pupil",
    leerplichtReach,
  ),
  allow(
    ["attendance_officer"],
    ["read_attendance_authorized"],
    "pupil",
    and(leerplichtReach, hasConsentA),
  ),
  allow(["attendance_officer"], ["open_case"], "pupil", livesInMunicipality),
  allow(
    ["attendance_officer"],
    ["read_signals"],
    "signal",
    and(leerplichtReach, or(onlyUnauthorizedAbsence, hasConsentA)),
  ),
  // Leerplicht's own procedure (MAS, domain.md §2 and seed 002: "De leerplichtambtenaar handelt
  // volgens de MAS"): recorded by the attendance officer of the pupil's municipality of
  // residence, read by leerplicht and, where a case exists, by its case director.
  allow(["attendance_officer"], ["record_mas_step"], "pupil", livesInMunicipality),
  allow(["attendance_officer"], ["read_mas_steps"], "pupil", leerplichtReach),
  allow(["case_director"], ["read_mas_steps"], "pupil", isCaseParticipant),
  // Other professionals: only while participant in the pupil's case (consent (b) let them in).
  allow(
    CASE_PROFESSIONAL_ROLES,
    ["read_pupil", "read_attendance_unauthorized", "read_attendance_authorized"],
    "pupil",
    isCaseParticipant,
  ),
  allow(CASE_PROFESSIONAL_ROLES, ["read_signals"], "signal", isCaseParticipant),
  // Medical details: the youth doctor of the case only.
  allow(["youth_doctor"], ["read_medical_notes"], "pupil", isCaseParticipant),

  // Cases. The school holds the case in SCHOOL and sees all its school's cases.
  allow(SCHOOL_CASE_HOLDERS, ["read_case"], "case", sameSchool),
  allow(
    SCHOOL_CASE_HOLDERS,
    ["update_plan", "record_consent", "flag_stagnation"],
    "case",
    and(sameSchool, caseIsOpen),
  ),
  allow(SCHOOL_CASE_HOLDERS, ["add_participant"], "case", and(sameSchool, caseIsOpen, hasConsentB)),
  allow(SCHOOL_CASE_HOLDERS, ["remove_participant"], "case", and(sameSchool, caseIsOpen)),
  // The school hands over early (it expects > 4 weeks) and closes while it holds the case.
  allow(
    SCHOOL_CASE_HOLDERS,
    ["escalate", "close_case"],
    "case",
    and(sameSchool, caseInSchoolPhase),
  ),
  allow(["attendance_officer"], ["read_case"], "case", leerplichtReach),
  // Anyone in the case reads it, works on the plan and can flag stagnation.
  allow(PARTICIPATING_ROLES, ["read_case"], "case", isCaseParticipant),
  allow(
    PARTICIPATING_ROLES,
    ["update_plan", "flag_stagnation"],
    "case",
    and(isCaseParticipant, caseIsOpen),
  ),
  allow(
    ["attendance_officer"],
    ["record_consent", "remove_participant"],
    "case",
    and(isCaseParticipant, caseIsOpen),
  ),
  allow(
    ["attendance_officer"],
    ["add_participant"],
    "case",
    and(isCaseParticipant, caseIsOpen, hasConsentB),
  ),
  // The mandated case director steers: escalation, breakthrough team, arbitration, prosecutor,
  // closing and the shared budget — for the cases they take part in.
  allow(
    ["case_director"],
    [
      "record_consent",
      "escalate",
      "deescalate",
      "convene_breakthrough",
      "start_arbitration",
      "refer_prosecutor",
      "close_case",
      "spend_budget",
      "remove_participant",
    ],
    "case",
    and(isCaseParticipant, caseIsOpen),
  ),
  allow(
    ["case_director"],
    ["add_participant"],
    "case",
    and(isCaseParticipant, caseIsOpen, hasConsentB),
  ),
  // The reference index (Verwijsindex): the case director records the report and exports it.
  allow(["case_director"], ["read_verwijsindex"], "case", isCaseParticipant),
  allow(["case_director"], ["record_verwijsindex"], "case", and(isCaseParticipant, caseIsOpen)),
  // Parents: their own child's case (plan, deadlines, consent) and documents shared with them.
  allow(["parent"], ["read_case", "record_consent"], "case", isParentOf),
  // Their own child's basic record (name, school): parents are the child's first contact.
  allow(["parent"], ["read_pupil"], "pupil", isParentOf),
  allow(["parent"], ["read_document"], "document", and(isParentOf, sharedWithParents)),

  // Documents by visibility.
  allow(SCHOOL_CASE_HOLDERS, ["read_document"], "document", and(sameSchool, not(jgzOnly))),
  allow(PARTICIPATING_ROLES, ["read_document"], "document", and(isCaseParticipant, not(jgzOnly))),
  allow(["youth_doctor"], ["read_document"], "document", and(isCaseParticipant, jgzOnly)),

  // No personal data: audit trail, aggregates, administration.
  allow(["app_admin", "privacy_officer"], ["read_audit"], "audit_log"),
  // The right of access (AVG art. 15): the privacy officer answers a request with everything held.
  allow(["privacy_officer"], ["export_subject_data"], "audit_log"),
  // Requests of data subjects (AVG art. 15–17, 21): registered and handled by the privacy officer.
  allow(["privacy_officer"], ["handle_subject_requests"], "audit_log"),
  allow(
    [
      "policy_officer",
      "app_admin",
      "school_head",
      "attendance_officer",
      "case_director",
      "partnership_consultant",
    ],
    ["read_monitor"],
    "monitor",
  ),
  // Reconciliation matches a submitted list of ids against the register: counts over any list
  // are a differencing oracle (list vs list minus one reveals that pupil's status), so only
  // roles that read pupils individually may reconcile, and the route matches only the ids the
  // user may read (docs/monitoring.md "Reconciliation"). Policy roles and the administrator
  // read no pupil and keep the aggregate monitor only.
  allow(
    ["school_head", "attendance_officer", "case_director", "partnership_consultant"],
    ["reconcile_list"],
    "monitor",
  ),
  allow(["app_admin"], ["manage_users", "manage_schools"], "administration"),

  // The region's set-up (issue 14), each record for the role that owns it: the administrator the
  // region's settings (§2 "regional policy settings"); the partnership (SWV) the breakthrough
  // team's composition and the arrangements catalogue (§6: the SWV finds placements and sits in
  // the team); leerplicht the exemption register and Variawet records of its residents; the
  // frictiebudget's partners — the municipality (policy staff) and the partnership — their
  // contributions (§6).
  allow(["app_admin"], ["manage_region_settings"], "region_setup"),
  allow(
    ["partnership_consultant"],
    ["manage_breakthrough_teams", "manage_arrangements", "manage_budget_contributions"],
    "region_setup",
  ),
  allow(["attendance_officer"], ["manage_exemptions"], "region_setup", inOwnMunicipality),
  allow(["policy_officer"], ["manage_budget_contributions"], "region_setup", inOwnMunicipality),

  // Column mappings of import sources (issue 14 item 3; interfaces.md "Canonical CSV files"):
  // the administrator for every source; a school's care coordinator — who delivers the school's
  // attendance (src/http/routes/integration-imports.ts) — for the school's own sources.
  allow(["app_admin"], ["manage_import_mappings"], "import_mapping"),
  allow(["care_coordinator"], ["manage_import_mappings"], "import_mapping", ownSchoolSource),

  // Files delivered through the integration API (interfaces.md "Integration API"): a service
  // token the kinds of its scopes (rows of its own schools only: the route reads them from the
  // grant), the administrator every kind, a care coordinator the own school's attendance. Whoever
  // delivered a file reads its job; the administrator reads every job.
  allow(["service_token"], ["import_file"], "import", hasImportScope),
  allow(["app_admin"], ["import_file", "read_import_job"], "import"),
  allow(["care_coordinator"], ["import_file"], "import", ownSchoolAttendance),
  allow(["service_token", "care_coordinator"], ["read_import_job"], "import", deliveredByActor),

  // Leave requests (domain.md §4, verlof art. 11/13a/14): the parents ask for their own child,
  // the school registers and reads its pupils' requests; the school head decides up to 10 school
  // days, leerplicht (of the pupil's municipality) above that — and reads those it decides.
  allow(["parent"], ["read_leave_requests", "request_leave"], "leave_request", isParentOf),
  allow(SCHOOL_STAFF_ROLES, ["read_leave_requests", "request_leave"], "leave_request", sameSchool),
  allow(["school_head"], ["decide_leave"], "leave_request", and(sameSchool, decidedBySchoolHead)),
  allow(
    ["attendance_officer"],
    ["read_leave_requests", "decide_leave"],
    "leave_request",
    and(livesInMunicipality, decidedByLeerplicht),
  ),

  // M@ZL (domain.md §2 "jeugdarts: follows sick absence, advises on load capacity; sole reader
  // of medical details"): the mentor or care coordinator refers a pupil of their school to the
  // youth doctor; the school reads its referrals and the feedback (never the medical notes). The
  // youth doctor of the pupil's municipality (JGZ is organised per municipality) reads the
  // referrals, answers them and alone writes and reads the medical notes.
  allow(
    ["teacher", "care_coordinator"],
    ["refer_youth_doctor"],
    "youth_doctor_referral",
    sameSchool,
  ),
  allow(SCHOOL_STAFF_ROLES, ["read_youth_doctor_referrals"], "youth_doctor_referral", sameSchool),
  allow(
    ["youth_doctor"],
    [
      "read_youth_doctor_referrals",
      "give_youth_doctor_feedback",
      "read_medical_notes",
      "write_medical_notes",
    ],
    "youth_doctor_referral",
    livesInMunicipality,
  ),

  // SICK_NOTABLE (domain.md §4 "a professional's observation (e.g. regularly sent home sick);
  // recorded by hand"): the mentor or care coordinator of the pupil's school records it; the
  // school's staff read the school's observations (the signal itself follows read_signals).
  allow(["teacher", "care_coordinator"], ["record_sick_observation"], "pupil", sameSchool),
  allow(SCHOOL_STAFF_ROLES, ["read_sick_observations"], "pupil", sameSchool),

  // The warm handover PO→VO (issue 15 item 6): the sending school's care coordinator (or the
  // case director of the pupil's case) writes it and records the consent; the sending school's
  // head reads it. The receiving school's care coordinator and head see that it exists, and read
  // its content only with consent (b) naming their school (domain.md §5 "Without (b) a partner
  // cannot be added"); the care coordinator takes it in and closes it. The partnership (SWV) of
  // either school follows which are still open — never the content.
  allow(
    ["care_coordinator"],
    ["read_handovers", "read_handover_content", "write_handover", "record_handover_consent"],
    "handover",
    isSendingSchool,
  ),
  allow(["school_head"], ["read_handovers", "read_handover_content"], "handover", isSendingSchool),
  allow(
    ["case_director"],
    ["read_handovers", "read_handover_content", "write_handover", "record_handover_consent"],
    "handover",
    isCaseParticipant,
  ),
  allow(["care_coordinator", "school_head"], ["read_handovers"], "handover", isReceivingSchool),
  allow(
    ["care_coordinator", "school_head"],
    ["read_handover_content"],
    "handover",
    and(isReceivingSchool, hasHandoverConsent),
  ),
  allow(["care_coordinator"], ["settle_handover"], "handover", isReceivingSchool),
  allow(["partnership_consultant"], ["read_handovers"], "handover", inHandoverPartnership),
];

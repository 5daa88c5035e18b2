// domain.md §2 (access follows need-to-know): the actors, actions and resources the policy
// rules talk about. Resources carry exactly the facts the rules need (schools, residence,
// participants, consent) so the rules stay pure; the caller computes them at the moment of
// access (e.g. hasConsent(...) on today's date).
import type { CasePhase } from "../cases/model.ts";
import type { PolicyRole } from "./roles.ts";

/** A role held by a user, with the scope it applies to. A user may hold several. */
export interface RoleGrant {
  role: PolicyRole;
  /** Service tokens: their scopes ("imports:attendance", …). */
  scopes?: readonly string[];
  /** School staff: the schools they work at. */
  schoolIds?: readonly string[];
  /** Attendance officers: the municipalities whose residents they serve. */
  municipalities?: readonly string[];
  /** Parents: their own children. */
  childPupilIds?: readonly string[];
  /** Partnership staff: their samenwerkingsverband codes. */
  partnerships?: readonly string[];
}

export interface Actor {
  userId: string;
  /** The person id used in case participant lists. */
  personId: string;
  grants: readonly RoleGrant[];
}

export const ACTIONS = [
  "read_pupil",
  "read_attendance_unauthorized",
  "read_attendance_authorized",
  "read_signals",
  "read_medical_notes",
  "open_case",
  "read_case",
  "update_plan",
  "record_consent",
  "flag_stagnation",
  "escalate",
  "deescalate",
  "convene_breakthrough",
  "start_arbitration",
  "refer_prosecutor",
  "close_case",
  "add_participant",
  "remove_participant",
  "spend_budget",
  "read_document",
  "read_audit",
  // AVG art. 15 (issue 18): everything held about one pupil, by the privacy officer.
  "export_subject_data",
  // AVG art. 15–17, 21 (issue 18): the log of data subjects' requests and their handling.
  "handle_subject_requests",
  "read_monitor",
  "reconcile_list",
  "manage_users",
  "manage_schools",
  "manage_region_settings",
  "manage_breakthrough_teams",
  "manage_arrangements",
  "manage_exemptions",
  "manage_budget_contributions",
  // Column mappings of import sources (issue 14 item 3).
  "manage_import_mappings",
  // Files delivered through the integration API (interfaces.md "Integration API").
  "import_file",
  "read_import_job",
  "read_leave_requests",
  "request_leave",
  "decide_leave",
  "read_mas_steps",
  "record_mas_step",
  "read_verwijsindex",
  "record_verwijsindex",
  // M@ZL (domain.md §2): the school's referral to the youth doctor, the feedback, medical notes.
  "refer_youth_doctor",
  "read_youth_doctor_referrals",
  "give_youth_doctor_feedback",
  "write_medical_notes",
  // SICK_NOTABLE (domain.md §4): the school's observation of notable sickness, by hand.
  "record_sick_observation",
  "read_sick_observations",
  // The warm handover PO→VO (issue 15 item 6, src/domain/handover/handover.ts).
  "read_handovers",
  "read_handover_content",
  "write_handover",
  "record_handover_consent",
  "settle_handover",
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the rules know about a pupil at the moment of access. */
export interface PupilScope {
  pupilId: string;
  /** Schools with an enrolment active today. */
  schoolIds: readonly string[];
  /** Municipality of residence: leerplicht follows where a child lives. */
  residenceMunicipality: string;
  /** Active participants (person ids) of the pupil's open cases. */
  participantIds: readonly string[];
  /** Consent (a) to share authorized absence with leerplicht holds today. */
  consentShareAuthorizedAbsence: boolean;
}

export interface CaseScope {
  id: string;
  phase: CasePhase;
  /** Active participants of this case. */
  participantIds: readonly string[];
}

/** The person to be added (add_participant): whether they need consent (b) and have it. */
export interface CandidateScope {
  needsPartnerConsent: boolean;
  partnerConsentGiven: boolean;
}

export type DocumentVisibility = "professionals" | "also_parents" | "jgz_only";

export type Resource =
  | { kind: "pupil"; pupil: PupilScope }
  | { kind: "signal"; pupil: PupilScope; involvesAuthorizedAbsence: boolean }
  | { kind: "case"; pupil: PupilScope; case: CaseScope; candidate?: CandidateScope }
  | { kind: "document"; pupil: PupilScope; case?: CaseScope; visibility: DocumentVisibility }
  | { kind: "audit_log" }
  | { kind: "monitor" }
  | { kind: "administration" }
  /**
   * The region's set-up records (domain.md §5 breakthrough team, §6 money, exemptions,
   * arrangements): `municipality` when the record belongs to one (an exemption's resident, a
   * budget), absent for a list, which the route then filters by the same scope.
   */
  | { kind: "region_setup"; municipality?: string }
  /**
   * A column mapping of an import source (issue 14 item 3): `schoolId` the source's school, null
   * for a source of the whole region; absent for the list, which the route filters by the same
   * scope.
   */
  | { kind: "import_mapping"; schoolId?: string | null }
  /**
   * A file delivered through the integration API: `importKind` the kind of file (import_file),
   * `deliveredBy` the user id of the account or token's account that delivered it
   * (read_import_job).
   */
  | { kind: "import"; importKind?: string; deliveredBy?: string }
  /**
   * A leave request (domain.md §4, verlof): the pupil as seen from the request's school, and who
   * decides it (the school head up to 10 school days, leerplicht above); no decider for a new one.
   */
  | {
      kind: "leave_request";
      pupil: PupilScope;
      decider?: "school_head" | "attendance_officer";
    }

  /**
   * A referral to the youth doctor (M@ZL, domain.md §2): the pupil as seen from the referring
   * school; the youth doctor of the pupil's municipality answers it.
   */
  | { kind: "youth_doctor_referral"; pupil: PupilScope }

  /**
   * A warm handover PO→VO (issue 15 item 6): the pupil, the sending and the receiving school with
   * their partnerships, and whether consent (b) names the receiving school today.
   */
  | {
      kind: "handover";
      pupil: PupilScope;
      sendingSchoolId: string;
      receivingSchoolId: string;
      partnerships: readonly string[];
      consentGiven: boolean;
    };

export type ResourceKind = Resource["kind"];

// domain.md §2 ("every read of personal data is logged"): every event the audit trail records,
// as one discriminated union on `action`. appendAudit (audit.ts) accepts nothing else, so a new
// audited action is added here first — with the resource it names and whether a pupil is in it.
import { z } from "zod";
import { CASE_COMMAND_ACTIONS } from "../domain/policy/case-actions.ts";

/** Why-context: where the event came from and why it was allowed or denied. Ids only. */
export const AuditContextSchema = z
  .object({
    route: z.string().min(1),
    method: z.string().min(1),
    requestId: z.string().optional(),
    caseId: z.string().optional(),
    reason: z.string().optional(),
  })
  .catchall(z.string());
export type AuditContext = z.infer<typeof AuditContextSchema>;

const who = {
  /** null: the command line or a job. */
  userId: z.string().nullable(),
  /** The role that granted the access; on a denial the actor's roles, comma-separated. */
  role: z.string().nullable(),
  context: AuditContextSchema,
  outcome: z.enum(["allowed", "denied"]),
};

const CASE_COMMAND_NAMES = Object.keys(CASE_COMMAND_ACTIONS) as [
  keyof typeof CASE_COMMAND_ACTIONS,
  ...(keyof typeof CASE_COMMAND_ACTIONS)[],
];

/** Reading a case, or a command on it (by a user, or by the daily job with role "system"). */
const CaseEvent = z.object({
  ...who,
  action: z.enum(["read_case", "link_signal_to_case", ...CASE_COMMAND_NAMES]),
  /** "document": a filing refused because the uploader could not read it. */
  resourceType: z.enum(["case", "document"]),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

const DocumentEvent = z.object({
  ...who,
  action: z.literal("read_document"),
  resourceType: z.literal("document"),
  resourceId: z.string(),
  pupilId: z.string(),
});

/** A pupil's record: the page, the search, a reconciliation or monitor list naming them. */
const PupilEvent = z.object({
  ...who,
  action: z.enum(["read_pupil", "open_case"]),
  resourceType: z.enum(["pupil", "reconciliation", "monitor"]),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

const AttendanceEvent = z.object({
  ...who,
  action: z.literal("read_attendance"),
  resourceType: z.literal("attendance"),
  resourceId: z.string(),
  pupilId: z.string(),
});

const SignalEvent = z.object({
  ...who,
  action: z.enum(["read_signals", "handle_signal"]),
  resourceType: z.literal("signal"),
  resourceId: z.string(),
  pupilId: z.string(),
});

const DuoReportEvent = z.object({
  ...who,
  action: z.enum([
    "read_duo_reports",
    "export_duo_reports",
    "read_duo_report",
    "change_duo_report_status",
    "update_duo_report",
  ]),
  resourceType: z.literal("duo_report"),
  resourceId: z.string(),
  pupilId: z.string(),
});

/** Leerplicht's procedure (MAS): the steps of one pupil, read or recorded. */
const MasEvent = z.object({
  ...who,
  action: z.enum(["read_mas_steps", "record_mas_step"]),
  resourceType: z.literal("mas_step"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

/** The reference index (Verwijsindex): a case's reports read, recorded or exported. */
const VerwijsindexEvent = z.object({
  ...who,
  action: z.enum(["read_verwijsindex", "record_verwijsindex", "export_verwijsindex"]),
  resourceType: z.literal("verwijsindex"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

/** M@ZL (domain.md §2): referrals to the youth doctor, the feedback, the medical notes. */
const YouthDoctorEvent = z.object({
  ...who,
  action: z.enum([
    "list_youth_doctor_referrals",
    "refer_youth_doctor",
    "give_youth_doctor_feedback",
    "read_medical_notes",
    "write_medical_notes",
  ]),
  resourceType: z.literal("youth_doctor_referral"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

/** SICK_NOTABLE (domain.md §4): the school's observations of notable sickness, read or recorded. */
const SickObservationEvent = z.object({
  ...who,
  action: z.enum(["read_sick_observations", "record_sick_observation"]),
  resourceType: z.literal("sick_observation"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

/** The warm handover PO→VO (issue 15 item 6): read (with or without content), written, settled. */
const HandoverEvent = z.object({
  ...who,
  action: z.enum([
    "list_handovers",
    "list_handover_candidates",
    "read_handover_content",
    "write_handover",
    "record_handover_consent",
    "settle_handover",
  ]),
  resourceType: z.literal("handover"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

/** Aggregates: no pupil behind the row. */
const MonitorEvent = z.object({
  ...who,
  action: z.enum(["read_monitor", "reconcile_list"]),
  resourceType: z.literal("monitor"),
  resourceId: z.string(),
  pupilId: z.null(),
});

const AuditTrailEvent = z.object({
  ...who,
  action: z.literal("read_audit"),
  resourceType: z.literal("audit_log"),
  resourceId: z.string().nullable(),
  pupilId: z.string().nullable(),
});

/** The retention procedure's runs and tombstones (issue 18): read by the privacy officer. */
const RetentionEvent = z.object({
  ...who,
  action: z.literal("read_retention_runs"),
  resourceType: z.literal("retention_run"),
  resourceId: z.null(),
  pupilId: z.null(),
});

/** The right of access (AVG art. 15): everything held about one pupil, exported. */
const SubjectAccessEvent = z.object({
  ...who,
  action: z.literal("export_subject_data"),
  resourceType: z.literal("pupil"),
  resourceId: z.string(),
  pupilId: z.string(),
});

/** The log of data subjects' requests (AVG art. 15–17, 21): registered and handled by the privacy officer. */
const SubjectRequestEvent = z.object({
  ...who,
  action: z.enum([
    "list_subject_requests",
    "read_subject_request",
    "register_subject_request",
    "record_subject_request_step",
    "close_subject_request",
    "erase_subject_data",
  ]),
  resourceType: z.literal("subject_request"),
  resourceId: z.string().nullable(),
  pupilId: z.string().nullable(),
});

/** Accounts, schools and imports (they change who sees which personal data). */
const AdministrationEvent = z.object({
  ...who,
  action: z.enum([
    "list_roles",
    "list_users",
    "create_user",
    "deactivate_user",
    "set_password",
    "list_schools",
    "import_file",
    "read_import_job",
    "read_import_log",
    "list_failed_mail",
    "retry_mail",
  ]),
  resourceType: z.enum(["user", "role", "school", "import", "notification"]),
  resourceId: z.string().nullable(),
  pupilId: z.null(),
});

/** Service tokens of integrations: created, listed, revoked, and every use of one. */
const TokenEvent = z.object({
  ...who,
  action: z.enum(["use_token", "create_token", "list_tokens", "revoke_token"]),
  resourceType: z.literal("api_token"),
  resourceId: z.string().nullable(),
  pupilId: z.null(),
});

/**
 * The region's set-up records (issue 14): settings, breakthrough teams, the people lookup,
 * exemptions and Variawet records (which name a pupil), the arrangements catalogue, budgets.
 */
const SetupEvent = z.object({
  ...who,
  action: z.enum([
    "read_region_settings",
    "save_region_settings",
    "list_breakthrough_teams",
    "create_breakthrough_team",
    "update_breakthrough_team",
    "add_team_member",
    "end_team_member",
    "search_people",
    "list_exemptions",
    "record_exemption",
    "update_exemption",
    "list_variawet",
    "record_variawet",
    "update_variawet",
    "list_arrangements",
    "create_arrangement",
    "update_arrangement",
    "add_waiting_list_entry",
    "end_waiting_list_entry",
    "list_placements",
    "record_placement",
    "update_placement",
    "list_budgets",
    "record_contribution",
    // Letter templates (issue 16): listed and changed by the application administrator.
    "list_letter_templates",
    "save_letter_template",
    // The region's outgoing mail server (issue 16 item 2).
    "read_mail_settings",
    "save_mail_settings",
  ]),
  resourceType: z.enum([
    "region_settings",
    "breakthrough_team",
    "exemption",
    "variawet_record",
    "arrangement",
    "waiting_list",
    "placement",
    "budget",
    "person",
    "letter_template",
  ]),
  resourceId: z.string().nullable(),
  pupilId: z.string().nullable(),
});

/** Column mappings of import sources (issue 14 item 3): listed, read, saved, removed. */
const ImportMappingEvent = z.object({
  ...who,
  action: z.enum([
    "list_import_mappings",
    "read_import_mapping",
    "create_import_mapping",
    "update_import_mapping",
    "delete_import_mapping",
    "inspect_import_sample",
  ]),
  resourceType: z.literal("import_mapping"),
  resourceId: z.string().nullable(),
  pupilId: z.null(),
});

/** Leave requests (domain.md §4, verlof): listed, read, registered and decided. */
const LeaveRequestEvent = z.object({
  ...who,
  action: z.enum(["list_leave_requests", "read_leave_request", "request_leave", "decide_leave"]),
  resourceType: z.literal("leave_request"),
  resourceId: z.string().nullable(),
  pupilId: z.string(),
});

export const AuditEventSchema = z.discriminatedUnion("action", [
  LeaveRequestEvent,
  ImportMappingEvent,
  TokenEvent,
  SetupEvent,
  CaseEvent,
  DocumentEvent,
  PupilEvent,
  AttendanceEvent,
  SignalEvent,
  DuoReportEvent,
  MasEvent,
  VerwijsindexEvent,
  YouthDoctorEvent,
  SickObservationEvent,
  HandoverEvent,
  MonitorEvent,
  AuditTrailEvent,
  RetentionEvent,
  SubjectAccessEvent,
  SubjectRequestEvent,
  AdministrationEvent,
]);

export type AuditEvent = z.infer<typeof AuditEventSchema>;
/** The region's set-up events (src/http/routes/setup-gate.ts types its routes with them). */
export type SetupAuditEvent = z.infer<typeof SetupEvent>;
export type AuditAction = AuditEvent["action"];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What a caller names about an event; the gate fills in who (user, role), the outcome and the
 * origin. `context` adds why-fields (ids, dates, filters — never personal data beyond ids).
 */
export type AuditSubject = DistributiveOmit<
  AuditEvent,
  "userId" | "role" | "outcome" | "context"
> & {
  context?: Record<string, string>;
};

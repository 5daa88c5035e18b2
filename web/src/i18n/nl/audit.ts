// The audit trail (features/audit) and the Dutch labels of its action and resource codes.
import type { AuditAction } from "../../../../src/access/audit-event.ts";
import type { Action, ResourceKind } from "../../../../src/domain/policy/resources.ts";

export const auditNl = {
  title: "Logboek",
  intro:
    "Wie heeft wanneer welke persoonsgegevens bekeken of gewijzigd. Het raadplegen van het logboek wordt zelf ook vastgelegd.",
  pupil: "Leerlingnummer (optioneel)",
  show: "Toon logboek",
  tableTitle: "Logboek",
  at: "Tijdstip",
  user: "Gebruiker",
  role: "Rol",
  action: "Handeling",
  resource: "Gegeven",
  outcome: "Uitkomst",
  outcomes: { allowed: "Toegestaan", denied: "Geweigerd" } as Record<string, string>,
};

/** The audit page's filters and rows (t.auditScreens). */
export const auditScreensNl = {
  filters: "Logboek filteren",
  tableFor: (pupil: string) => `Logboek voor leerling ${pupil}`,
  empty: "Er zijn geen regels die bij de filters passen.",
  system: "systeem",
  pupil: "Leerling",
  route: "Verzoek",
  purpose: "Doel",
  user: "Gebruiker (e-mailadres, optioneel)",
  csv: "Logboek met deze filters downloaden (CSV, alle NEN 7513-velden)",
  tableForUser: (user: string) => `Logboek van gebruiker ${user}`,
  older: "Oudere regels laden",
  actionName: (action: string) => (AUDIT_ACTIONS as Record<string, string>)[action] ?? action,
  resource: (type: string, id: string | null) =>
    `${(AUDIT_RESOURCES as Record<string, string>)[type] ?? type}${id ? ` ${id}` : ""}`,
};

/**
 * The codes the audit trail's `action` column holds: every action of the server's AuditEvent
 * (src/access/audit-event.ts, the only thing the trail accepts) and every policy action, so a
 * new audited action without a Dutch label fails the type check; `consent` is an older code kept
 * for rows already written.
 */
type AuditActionCode = AuditAction | Action | "consent";

export const AUDIT_ACTIONS = {
  // Policy actions (src/domain/policy/resources.ts).
  read_pupil: "Leerling bekeken",
  read_attendance_unauthorized: "Ongeoorloofd verzuim bekeken",
  read_attendance_authorized: "Geoorloofd verzuim bekeken",
  read_signals: "Signalen bekeken",
  read_medical_notes: "Medische notities bekeken",
  open_case: "Casus geopend",
  read_case: "Casus bekeken",
  update_plan: "Plan bijgewerkt",
  record_consent: "Toestemming vastgelegd",
  flag_stagnation: "Stagnatie gemeld",
  escalate: "Opgeschaald",
  deescalate: "Afgeschaald",
  convene_breakthrough: "Doorbraakteam bijeengeroepen",
  start_arbitration: "Arbitrage gestart",
  refer_prosecutor: "Doorverwezen naar het OM",
  close_case: "Casus afgesloten",
  add_participant: "Deelnemer toegevoegd",
  remove_participant: "Deelnemer verwijderd",
  spend_budget: "Budget besteed",
  read_document: "Document bekeken",
  read_audit: "Logboek bekeken",
  read_retention_runs: "Bewaartermijnen bekeken",
  export_subject_data: "Inzage-export gemaakt (AVG art. 15)",
  handle_subject_requests: "Verzoeken van betrokkenen behandeld",
  list_subject_requests: "Verzoeken van betrokkenen bekeken",
  read_subject_request: "Verzoek van betrokkene bekeken",
  register_subject_request: "Verzoek van betrokkene geregistreerd",
  record_subject_request_step: "Stap in verzoek van betrokkene vastgelegd",
  close_subject_request: "Verzoek van betrokkene afgehandeld",
  erase_subject_data: "Gegevens gewist op verzoek (AVG art. 17)",
  read_monitor: "Monitor bekeken",
  reconcile_list: "Lijsten vergeleken (leerplichttelling)",
  manage_users: "Accounts beheerd",
  manage_schools: "Scholen beheerd",
  read_mas_steps: "Stappen leerplicht (MAS) bekeken",
  record_mas_step: "Stap leerplicht (MAS) vastgelegd",
  read_verwijsindex: "Meldingen Verwijsindex bekeken",
  record_verwijsindex: "Melding Verwijsindex vastgelegd",
  export_verwijsindex: "Gegevens voor de Verwijsindex geëxporteerd",
  // Case commands (src/domain/policy/case-actions.ts).
  hand_to_director: "Overgedragen aan casusregisseur",
  record_arbitration_ruling: "Uitspraak arbitrage vastgelegd",
  close: "Casus afgesloten",
  request_breakthrough_check: "Besluit week 8 gevraagd",
  record_breakthrough_check: "Besluit week 8 vastgelegd",
  record_offer_started: "Passend aanbod gestart",
  mark_three_month_breach: "3-maandentermijn overschreden",
  add_plan_goal: "Doel toegevoegd",
  add_plan_action: "Actie toegevoegd",
  update_action_status: "Actie bijgewerkt",
  record_ladder_step: "Trede ladder vastgelegd",
  record_meeting: "Overleg vastgelegd",
  record_event: "Contact of bespreking vastgelegd",
  upload_document: "Document toegevoegd",
  preview_letter: "Brief bekeken (voorbeeld)",
  produce_letter: "Brief gemaakt",
  list_letter_templates: "Briefsjablonen bekeken",
  list_failed_mail: "Mislukte e-mails bekeken",
  retry_mail: "E-mail opnieuw aangeboden",
  save_letter_template: "Briefsjabloon opgeslagen",
  resolve_stagnation: "Stagnatie opgelost",
  end_participation: "Deelname beëindigd",
  commit_budget: "Budget toegezegd",
  attribute_budget: "Budget toegerekend",
  reverse_budget_entry: "Budgetboeking teruggedraaid",
  // Other operations.
  read_attendance: "Verzuim bekeken",
  read_duo_reports: "Verzuimmeldingen bekeken",
  read_duo_report: "Verzuimmelding bekeken",
  change_duo_report_status: "Status verzuimmelding gewijzigd",
  handle_signal: "Signaal afgehandeld",
  manage_region_settings: "Regio-instellingen beheerd",
  manage_breakthrough_teams: "Doorbraakteams beheerd",
  manage_arrangements: "Arrangementen beheerd",
  manage_exemptions: "Vrijstellingen beheerd",
  manage_budget_contributions: "Bijdragen frictiebudget beheerd",
  read_region_settings: "Regio-instellingen bekeken",
  save_region_settings: "Regio-instellingen opgeslagen",
  read_mail_settings: "Mailserver bekeken",
  save_mail_settings: "Mailserver opgeslagen",
  list_breakthrough_teams: "Doorbraakteams bekeken",
  create_breakthrough_team: "Doorbraakteam aangemaakt",
  update_breakthrough_team: "Doorbraakteam gewijzigd",
  add_team_member: "Lid aan doorbraakteam toegevoegd",
  end_team_member: "Lidmaatschap doorbraakteam beëindigd",
  search_people: "Personen gezocht",
  list_exemptions: "Vrijstellingen bekeken",
  record_exemption: "Vrijstelling vastgelegd",
  update_exemption: "Vrijstelling gewijzigd",
  list_variawet: "Variawet-afspraken bekeken",
  record_variawet: "Variawet-afspraak vastgelegd",
  update_variawet: "Variawet-afspraak gewijzigd",
  list_arrangements: "Arrangementen bekeken",
  create_arrangement: "Arrangement toegevoegd",
  update_arrangement: "Arrangement gewijzigd",
  add_waiting_list_entry: "Op wachtlijst gezet",
  end_waiting_list_entry: "Van wachtlijst gehaald",
  list_placements: "Plaatsingen bekeken",
  record_placement: "Plaatsing vastgelegd",
  update_placement: "Plaatsing gewijzigd",
  list_budgets: "Frictiebudgetten bekeken",
  record_contribution: "Bijdrage frictiebudget vastgelegd",
  link_signal_to_case: "Signaal aan casus gekoppeld",
  export_duo_reports: "Verzuimmeldingen geëxporteerd",
  update_duo_report: "Verzuimmelding bijgewerkt",
  list_users: "Accounts bekeken",
  list_roles: "Rollen bekeken",
  create_user: "Account aangemaakt",
  deactivate_user: "Account gedeactiveerd",
  set_password: "Wachtwoord ingesteld",
  list_schools: "Scholen bekeken",
  import_file: "Bestand ingelezen",
  read_import_job: "Importtaak bekeken",
  read_import_log: "Importlogboek bekeken",
  use_token: "Koppelingstoken gebruikt",
  create_token: "Koppelingstoken aangemaakt",
  list_tokens: "Koppelingstokens bekeken",
  revoke_token: "Koppelingstoken ingetrokken",
  consent: "Toestemming vastgelegd",
  read_leave_requests: "Verlofaanvragen bekeken",
  request_leave: "Verlof aangevraagd",
  decide_leave: "Op verlofaanvraag besloten",
  list_leave_requests: "Verlofaanvragen bekeken",
  read_leave_request: "Verlofaanvraag bekeken",
  refer_youth_doctor: "Aangemeld bij de jeugdarts",
  read_youth_doctor_referrals: "Aanmeldingen bij de jeugdarts bekeken",
  list_youth_doctor_referrals: "Aanmeldingen bij de jeugdarts bekeken",
  give_youth_doctor_feedback: "Terugkoppeling jeugdarts gegeven",
  write_medical_notes: "Medische notitie geschreven",
  manage_import_mappings: "Kolomindelingen beheerd",
  list_import_mappings: "Kolomindelingen bekeken",
  read_import_mapping: "Kolomindeling bekeken",
  create_import_mapping: "Kolomindeling aangemaakt",
  update_import_mapping: "Kolomindeling gewijzigd",
  delete_import_mapping: "Kolomindeling verwijderd",
  inspect_import_sample: "Voorbeeldbestand voor kolomindeling gelezen",
  read_sick_observations: "Observaties opvallend ziekteverzuim bekeken",
  record_sick_observation: "Opvallend ziekteverzuim vastgelegd",
  list_handovers: "Warme overdrachten bekeken",
  list_handover_candidates: "Leerlingen voor een warme overdracht bekeken",
  read_handovers: "Warme overdrachten bekeken",
  read_handover_content: "Inhoud van een warme overdracht gelezen",
  write_handover: "Warme overdracht geschreven",
  record_handover_consent: "Toestemming voor de warme overdracht vastgelegd",
  settle_handover: "Status van een warme overdracht gewijzigd",
} as const satisfies Record<AuditActionCode, string>;

type AuditResourceCode =
  | ResourceKind
  | "attendance"
  | "mas_step"
  | "sick_observation"
  | "verwijsindex"
  | "duo_report"
  | "reconciliation"
  | "user"
  | "role"
  | "school"
  | "import"
  | "api_token"
  | "region_settings"
  | "breakthrough_team"
  | "exemption"
  | "variawet_record"
  | "arrangement"
  | "waiting_list"
  | "placement"
  | "budget"
  | "person"
  | "retention_run"
  | "subject_request"
  | "letter_template"
  | "notification";

/** The audit trail's `resource_type`: the policy's resource kinds and the other audited things. */
export const AUDIT_RESOURCES = {
  pupil: "leerling",
  signal: "signaal",
  case: "casus",
  document: "document",
  audit_log: "logboek",
  monitor: "monitor",
  administration: "beheer",
  attendance: "verzuim van",
  duo_report: "verzuimmelding",
  reconciliation: "lijstvergelijking",
  user: "account",
  role: "rollen",
  school: "scholen",
  import: "import",
  notification: "melding",
  api_token: "koppelingstoken",
  region_setup: "inrichting regio",
  region_settings: "regio-instellingen",
  breakthrough_team: "doorbraakteam",
  exemption: "vrijstelling",
  variawet_record: "Variawet-afspraak",
  arrangement: "arrangement",
  waiting_list: "wachtlijst",
  placement: "plaatsing",
  budget: "frictiebudget",
  retention_run: "bewaartermijnen",
  subject_request: "verzoek van betrokkene",
  person: "personen",
  leave_request: "verlofaanvraag",
  mas_step: "stap leerplicht (MAS)",
  verwijsindex: "melding Verwijsindex",
  letter_template: "briefsjabloon",
  youth_doctor_referral: "aanmelding jeugdarts",
  import_mapping: "kolomindeling",
  sick_observation: "observatie opvallend ziekteverzuim",
  handover: "warme overdracht",
} as const satisfies Record<AuditResourceCode, string>;

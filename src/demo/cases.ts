// The demo's cases (interfaces.md "aanwezig demo": cases at every phase).

/** The case tables the demo clears before it replaces the region, children before parents. */
export const CASE_TABLES_IN_CLEAR_ORDER = [
  "waiting_list_entries",
  "arrangement_placements",
  "arrangements",
  "variawet_records",
  "exemption_decisions",
  "budget_ledger",
  "prosecutor_referrals",
  "arbitrations",
  "breakthrough_agenda",
  "breakthrough_team_members",
  "breakthrough_teams",
  "case_events",
  "consent_records",
  "case_documents",
  "meetings",
  "plan_actions",
  "plan_goals",
  "ladder_steps",
  "stagnation_flags",
  "case_participants",
  "case_transitions",
  "cases",
] as const;

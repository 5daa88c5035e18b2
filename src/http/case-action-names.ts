// The names `allowed_actions` (GET /api/cases/{id}) gives the case commands a person can give:
// each command's route below /api/cases/{id}/. One table, so the list is a closed enum in the
// OpenAPI document and in the web's generated types, and a route registered under another path
// fails at start-up (routes/cases-command-route.ts) instead of offering a form the server cannot take.
import type { CaseCommandName } from "../domain/policy/case-actions.ts";

/** Commands only the daily job gives (src/commands/allowed-actions.ts): they have no route. */
type SystemCommand = "request_breakthrough_check" | "mark_three_month_breach";

export const CASE_ACTION_OF_COMMAND = {
  hand_to_director: "escalate",
  deescalate: "deescalate",
  close: "close",
  record_breakthrough_check: "breakthrough-check",
  convene_breakthrough: "breakthrough",
  start_arbitration: "arbitration",
  record_arbitration_ruling: "arbitration/ruling",
  refer_prosecutor: "prosecutor",
  record_offer_started: "offer",
  add_plan_goal: "goals",
  add_plan_action: "actions",
  update_action_status: "actions/{action_id}/status",
  record_ladder_step: "ladder",
  record_meeting: "meetings",
  record_event: "events",
  upload_document: "documents",
  preview_letter: "letters/preview",
  produce_letter: "letters",
  flag_stagnation: "stagnation",
  resolve_stagnation: "stagnation/{flag_id}/resolve",
  add_participant: "participants",
  end_participation: "participants/{person_id}/end",
  record_consent: "consent",
  commit_budget: "budget/commitments",
  attribute_budget: "budget/attributions",
  reverse_budget_entry: "budget/reversals",
} as const satisfies Record<Exclude<CaseCommandName, SystemCommand>, string>;

export type CaseActionName = (typeof CASE_ACTION_OF_COMMAND)[keyof typeof CASE_ACTION_OF_COMMAND];

export const CASE_ACTION_NAMES = Object.values(CASE_ACTION_OF_COMMAND);

export function caseActionOf(command: CaseCommandName): CaseActionName | undefined {
  return command in CASE_ACTION_OF_COMMAND
    ? CASE_ACTION_OF_COMMAND[command as keyof typeof CASE_ACTION_OF_COMMAND]
    : undefined;
}

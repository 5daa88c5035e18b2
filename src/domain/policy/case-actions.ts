// domain.md §5 and §2: which policy action guards each case command. The one table the command
// frame (src/commands/run-on-case.ts) authorizes by and the case detail's `allowed_actions` is
// computed from, so what a screen offers and what the server accepts cannot drift apart.
import type { CaseCommand } from "../cases/commands.ts";
import type { Action } from "./resources.ts";

export const CASE_COMMAND_ACTIONS = {
  // Phase commands (applyTransition).
  hand_to_director: "escalate",
  convene_breakthrough: "convene_breakthrough",
  start_arbitration: "start_arbitration",
  record_arbitration_ruling: "start_arbitration",
  refer_prosecutor: "refer_prosecutor",
  deescalate: "deescalate",
  close: "close_case",
  request_breakthrough_check: "escalate",
  record_breakthrough_check: "convene_breakthrough",
  record_offer_started: "update_plan",
  mark_three_month_breach: "escalate",
  // Work inside the case.
  add_plan_goal: "update_plan",
  add_plan_action: "update_plan",
  update_action_status: "update_plan",
  record_ladder_step: "update_plan",
  record_meeting: "update_plan",
  record_event: "update_plan",
  upload_document: "update_plan",
  // Letters from templates (issue 16): made by those who work on the case's plan.
  preview_letter: "update_plan",
  produce_letter: "update_plan",
  flag_stagnation: "flag_stagnation",
  resolve_stagnation: "flag_stagnation",
  add_participant: "add_participant",
  end_participation: "remove_participant",
  record_consent: "record_consent",
  // The frictiebudget (domain.md §6).
  commit_budget: "spend_budget",
  attribute_budget: "spend_budget",
  reverse_budget_entry: "spend_budget",
} as const satisfies Record<CaseCommand["type"], Action> & Record<string, Action>;

export type CaseCommandName = keyof typeof CASE_COMMAND_ACTIONS;

export function actionOfCommand(command: CaseCommandName): Action {
  return CASE_COMMAND_ACTIONS[command];
}

export function actionForCommand(command: CaseCommand): Action {
  return actionOfCommand(command.type);
}

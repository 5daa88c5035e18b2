// domain.md §5 and §2: which policy action guards each case command, so the HTTP layer asks
// can(actor, actionForCommand(command), caseResource) before applyTransition.
import type { CaseCommand } from "../cases/commands.ts";
import type { Action } from "./resources.ts";

const ACTION_BY_COMMAND: Record<CaseCommand["type"], Action> = {
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
};

export function actionForCommand(command: CaseCommand): Action {
  return ACTION_BY_COMMAND[command.type];
}

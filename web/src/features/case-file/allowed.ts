// Which commands the case file offers: exactly those the server lists in `allowed_actions` of
// GET /api/cases/{id}, which names each by its path below /api/cases/{id}/ (`goals`,
// `escalate`, `actions/{action_id}/status`). The names are the API's own enum
// (src/http/case-action-names.ts), so a form for a name the server does not have fails the type
// check. Without the list nothing is offered.
import type { CaseActionName, CaseDetail } from "../../api/cases.ts";

export const CASE_COMMANDS = {
  addAction: ["actions"],
  addGoal: ["goals"],
  markActionDone: ["actions/{action_id}/status"],
  consent: ["consent"],
  stagnation: ["stagnation"],
  escalate: ["escalate"],
  breakthrough: ["breakthrough"],
  arbitration: ["arbitration"],
  close: ["close"],
  breakthroughCheck: ["breakthrough-check"],
  deescalate: ["deescalate"],
  offer: ["offer"],
  arbitrationRuling: ["arbitration/ruling"],
  prosecutor: ["prosecutor"],
  meeting: ["meetings"],
  addParticipant: ["participants"],
  endParticipation: ["participants/{person_id}/end"],
  ladder: ["ladder"],
  resolveStagnation: ["stagnation/{flag_id}/resolve"],
  commitBudget: ["budget/commitments"],
  attributeBudget: ["budget/attributions"],
  reverseBudget: ["budget/reversals"],
  uploadDocument: ["documents"],
  recordEvent: ["events"],
  produceLetter: ["letters"],
} as const satisfies Record<string, readonly CaseActionName[]>;

export type UiCommand = keyof typeof CASE_COMMANDS;

export function allowedCommands(detail: CaseDetail): Set<UiCommand> | null {
  const list = detail.allowed_actions;
  if (!Array.isArray(list)) return null;
  const names = new Set<CaseActionName>(list);
  const allowed = new Set<UiCommand>();
  for (const [command, accepted] of Object.entries(CASE_COMMANDS) as [
    UiCommand,
    readonly CaseActionName[],
  ][]) {
    if (accepted.some((name) => names.has(name))) allowed.add(command);
  }
  return allowed;
}

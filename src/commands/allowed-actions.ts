// The case commands an actor may give on a case right now — the case detail's `allowed_actions`.
// Computed through the same two gates every command passes: the policy, asked exactly as the
// command frame asks it (CASE_COMMAND_ACTIONS on caseResource, run-on-case.ts), and, for the
// phase commands, applyTransition on a probe of the command (so "start arbitration" is not
// offered in SCHOOL, nor without consent (d)). What depends on the input itself — a date, a
// text, the person to add — stays the command's to refuse (409).

import { type AccessActor, caseResource, may, type PupilFacts } from "../access/index.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import type { CaseCommand } from "../domain/cases/commands.ts";
import type { ConsentFile } from "../domain/cases/consent.ts";
import { type Case, openStagnationFlags } from "../domain/cases/model.ts";
import type { Plan } from "../domain/cases/plan.ts";
import { applyTransition } from "../domain/cases/transitions.ts";
import type { LedgerEntry } from "../domain/money/ledger.ts";
import {
  actionOfCommand,
  CASE_COMMAND_ACTIONS,
  type CaseCommandName,
} from "../domain/policy/case-actions.ts";
import { personRole } from "../domain/policy/roles.ts";

/** Commands only the daily job issues: never offered to a person. */
const SYSTEM_ONLY: ReadonlySet<CaseCommandName> = new Set([
  "request_breakthrough_check",
  "mark_three_month_breach",
]);

const PROBE_REASON = "probe";

/** A well-formed instance of each phase command, to ask applyTransition whether the state allows it. */
function probeOf(command: CaseCommandName, today: IsoDate): CaseCommand | undefined {
  switch (command) {
    case "hand_to_director":
    case "convene_breakthrough":
    case "start_arbitration":
      return { type: command, reason: PROBE_REASON };
    case "record_arbitration_ruling":
      return { type: command, ruling: PROBE_REASON, parentsAccept: true };
    case "refer_prosecutor":
      return { type: command, route: "civil", reason: PROBE_REASON };
    case "deescalate":
      return { type: command, to: "SCHOOL", reason: PROBE_REASON };
    case "close":
      return { type: command, outcome: "other", reason: PROBE_REASON };
    case "record_breakthrough_check":
      return { type: command, offerExpectedWithin4Weeks: true, reason: PROBE_REASON };
    case "record_offer_started":
      return { type: command, startedOn: today };
    default:
      return undefined;
  }
}

export interface CaseState {
  case: Case;
  calendar: SchoolCalendar;
  consent: ConsentFile;
  plan: Plan;
  budget: readonly LedgerEntry[];
}

/** Whether the case has something for the command to act on (an open flag, an open action …). */
function hasTarget(command: CaseCommandName, state: CaseState): boolean {
  switch (command) {
    case "resolve_stagnation":
      return state.case.phase !== "CLOSED" && openStagnationFlags(state.case).length > 0;
    case "update_action_status":
      return state.plan.actions.some((a) => a.status === "open");
    case "attribute_budget":
    case "reverse_budget_entry":
      return state.budget.some((e) => e.kind === "commitment");
    case "end_participation":
      return state.case.participants.some(
        (p) => p.until === undefined && p.personId !== state.case.owner.personId,
      );
    case "record_event":
      return state.case.phase !== "CLOSED";
    default:
      return true;
  }
}

export function allowedCaseCommands(
  actor: AccessActor,
  state: CaseState,
  facts: PupilFacts,
  today: IsoDate,
): CaseCommandName[] {
  const c = state.case;
  const allowed: CaseCommandName[] = [];
  for (const command of Object.keys(CASE_COMMAND_ACTIONS) as CaseCommandName[]) {
    if (SYSTEM_ONLY.has(command) || !hasTarget(command, state)) continue;
    // Adding someone is offered when at least a person joining by task could be added; a
    // partner still needs consent (b) for their organisation, which the command checks.
    const candidate =
      command === "add_participant"
        ? { needsPartnerConsent: false, partnerConsentGiven: false }
        : undefined;
    const grant = may(actor, actionOfCommand(command), caseResource(c, facts, today, candidate));
    if (!grant.ok) continue;
    const probe = probeOf(command, today);
    if (probe) {
      const by = {
        kind: "person",
        personId: actor.policy.personId,
        role: personRole(grant.role),
      } as const;
      const result = applyTransition(c, probe, by, today, {
        calendar: state.calendar,
        consent: state.consent,
      });
      if (!result.ok) continue;
    }
    allowed.push(command);
  }
  return allowed;
}

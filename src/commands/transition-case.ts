// domain.md §5: a person's command on the case's phase (hand over, breakthrough, arbitration,
// ruling, prosecutor, afschalen, close, week-8 decision, offer started). The policy action that
// guards each command comes from CASE_COMMAND_ACTIONS; the state machine is applyTransition.
// Commands with records of their own (committee, referral, agenda) add them via `alsoWrite`.
// A hand-over and a convened breakthrough meeting notify their people in the same transaction
// (issue 16); the route queues the mail of `notificationIds` once it is committed.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { saveCase } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { CaseCommand } from "../domain/cases/commands.ts";
import type { Case, TransitionRecord } from "../domain/cases/model.ts";
import { applyTransition } from "../domain/cases/transitions.ts";
import { type CommandEvent, raiseCommandNotifications } from "../services/notification-events.ts";
import { type CaseContext, type CommandResult, onCase } from "./run-on-case.ts";

export type TransitionOutcome = CommandResult<{
  case: Case;
  record: TransitionRecord;
  /** Notifications raised by the command, whose mail is to be queued after the commit. */
  notificationIds: string[];
}>;

/** The notification event a phase command is, if any (notification-events.ts). */
function eventOf(command: CaseCommand, caseId: string): CommandEvent | null {
  switch (command.type) {
    case "hand_to_director":
    case "deescalate":
      return { kind: "case_handed_over", caseId };
    case "convene_breakthrough":
      return { kind: "breakthrough_meeting_planned", caseId };
    default:
      return null;
  }
}

export async function transitionCase(
  db: Database,
  actor: AccessActor,
  caseId: string,
  command: CaseCommand,
  today: IsoDate,
  alsoWrite?: (ctx: CaseContext, next: Case) => Promise<void>,
  /** Completes the command from the loaded case (e.g. the owner a hand-over goes to). */
  complete?: (ctx: CaseContext, command: CaseCommand) => Promise<CaseCommand>,
): Promise<TransitionOutcome> {
  return onCase(db, actor, caseId, today, command.type, async (ctx) => {
    const full = complete ? await complete(ctx, command) : command;
    const result = applyTransition(ctx.case, full, ctx.by, today, {
      calendar: ctx.calendar,
      consent: ctx.facts.consent,
    });
    if (!result.ok) return result;
    await saveCase(ctx.tx.orm, ctx.case, result.case);
    if (alsoWrite) await alsoWrite(ctx, result.case);
    const event = eventOf(full, result.case.id);
    const notificationIds = event ? await raiseCommandNotifications(ctx.tx, event, today) : [];
    return { ok: true, case: result.case, record: result.record, notificationIds };
  });
}

// domain.md §5: a meeting (MDO/ZAT, breakthrough team, arbitration hearing) with its date,
// participants and decisions; each decision that asks someone to act becomes a plan action.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertMeeting } from "../db/repositories/meetings.ts";
import { insertAction, loadPlan } from "../db/repositories/plan.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { actionOwnerOrganisation } from "../domain/cases/participants.ts";
import { type Meeting, type MeetingKind, recordMeeting } from "../domain/cases/plan.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export interface MeetingInput {
  kind: MeetingKind;
  date: IsoDate;
  participantIds: string[];
  decisions: {
    text: string;
    /** The organisation is used only for an owner who does not take part in the case. */
    action?: { ownerPersonId: string; ownerOrganisation?: string; dueDate: IsoDate };
  }[];
}

export function recordCaseMeeting(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: MeetingInput,
  today: IsoDate,
): Promise<CommandResult<{ meeting: Meeting }>> {
  return onCase(db, actor, caseId, today, "record_meeting", async (ctx) => {
    if (input.date > today) {
      return {
        ok: false,
        error: "invalid_date",
        message: "A meeting is recorded after it took place.",
      };
    }
    const meeting: Meeting = {
      id: randomUUID(),
      kind: input.kind,
      date: input.date,
      participantIds: input.participantIds,
      decisions: input.decisions.map((d) => ({
        id: randomUUID(),
        text: d.text,
        ...(d.action
          ? {
              action: {
                id: randomUUID(),
                ownerPersonId: d.action.ownerPersonId,
                ownerOrganisation: actionOwnerOrganisation(
                  ctx.case,
                  d.action.ownerPersonId,
                  d.action.ownerOrganisation,
                ),
                dueDate: d.action.dueDate,
              },
            }
          : {}),
      })),
    };
    const result = recordMeeting(await loadPlan(ctx.tx.orm, caseId), meeting);
    if (!result.ok) return result;
    await insertMeeting(ctx.tx.orm, caseId, meeting, actor.userId);
    for (const action of result.plan.actions.filter(
      (a) => a.fromDecision?.meetingId === meeting.id,
    )) {
      await insertAction(ctx.tx.orm, caseId, action);
    }
    return { ok: true, meeting };
  });
}

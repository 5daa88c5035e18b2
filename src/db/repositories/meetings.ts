// Meetings of a case (domain.md §5): MDO/ZAT, breakthrough team, arbitration hearing — date,
// who took part, decisions. A decision that asks someone to act is also a plan action
// (plan_actions.meeting_id/decision_id), written by the same command.
import { asc, eq } from "drizzle-orm";
import type { Meeting, MeetingKind } from "../../domain/cases/plan.ts";
import type { Orm } from "../connect.ts";
import { meetings, planActions } from "../schema/cases.ts";
import { inSequence } from "./in-sequence.ts";

export async function loadMeetings(orm: Orm, caseId: string): Promise<Meeting[]> {
  const [rows, actions] = await inSequence([
    () =>
      orm
        .select()
        .from(meetings)
        .where(eq(meetings.caseId, caseId))
        .orderBy(asc(meetings.date), asc(meetings.id)),
    () => orm.select().from(planActions).where(eq(planActions.caseId, caseId)),
  ] as const);
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind as MeetingKind,
    date: m.date,
    participantIds: m.participantIds,
    decisions: m.decisions.map((d) => {
      const action = actions.find((a) => a.id === d.actionId);
      return {
        id: d.id,
        text: d.text,
        ...(action
          ? {
              action: {
                id: action.id,
                ownerPersonId: action.ownerPersonId,
                ownerOrganisation: action.ownerOrganisation,
                dueDate: action.dueDate,
              },
            }
          : {}),
      };
    }),
  }));
}

export async function insertMeeting(
  orm: Orm,
  caseId: string,
  meeting: Meeting,
  recordedBy: string,
): Promise<void> {
  await orm.insert(meetings).values({
    id: meeting.id,
    caseId,
    kind: meeting.kind,
    date: meeting.date,
    participantIds: [...meeting.participantIds],
    decisions: meeting.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      ...(d.action ? { actionId: d.action.id } : {}),
    })),
    recordedBy,
  });
}

// domain.md §5 BREAKTHROUGH: the director convenes the regional breakthrough team (earlier than
// week 12 by decision or on stagnation); the case goes on the standing team's agenda.
import type { Database } from "../db/connect.ts";
import { addToAgenda, teamForMunicipality } from "../db/repositories/cases-breakthrough.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { CommandActor } from "./case-access.ts";
import type { CaseContext } from "./run-on-case.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

/** Puts the case on the agenda of the team for the pupil's municipality, when there is one. */
export async function putOnAgenda(
  ctx: Pick<CaseContext, "tx" | "case" | "facts" | "today">,
  reason: string,
  meetingDate: IsoDate | null = null,
): Promise<void> {
  const team = await teamForMunicipality(ctx.tx.orm, ctx.facts.pupil.municipality);
  if (!team) return;
  await addToAgenda(ctx.tx.orm, {
    teamId: team.id,
    caseId: ctx.case.id,
    addedOn: ctx.today,
    meetingDate,
    reason,
  });
}

export function conveneBreakthrough(
  db: Database,
  actor: CommandActor,
  caseId: string,
  input: { reason: string; meetingDate?: IsoDate },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(
    db,
    actor,
    caseId,
    { type: "convene_breakthrough", reason: input.reason },
    today,
    (ctx) => putOnAgenda(ctx, input.reason, input.meetingDate ?? null),
  );
}

// domain.md §5 BREAKTHROUGH: the director convenes the regional breakthrough team (earlier than
// week 12 by decision or on stagnation); the case goes on the standing team's agenda and the
// team's members with an account take part in the case (with consent (b) for the team where
// they are partners), so the case reaches them: their agenda and the case file.

import type { AccessActor } from "../access/index.ts";
import type { Database, TxClient } from "../db/connect.ts";
import { saveCase } from "../db/repositories/cases.ts";
import {
  addToAgenda,
  type BreakthroughTeam,
  teamForMunicipality,
} from "../db/repositories/cases-breakthrough.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { ConsentFile } from "../domain/cases/consent.ts";
import type { Case, CasePerson } from "../domain/cases/model.ts";
import { teamJoins } from "../domain/cases/participants.ts";
import { teamMemberPerson } from "./case-person.ts";
import type { CaseContext } from "./run-on-case.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

/**
 * Puts the case on the agenda of the team for the pupil's municipality, when there is one, and
 * makes its members participants. `ctx.case` is the case as it stands after the convening.
 */
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
  await teamJoinsCase(ctx.tx, ctx.case, team, ctx.facts.consent, ctx.today);
}

/**
 * The team's members with an account take part in the case (consent (b) for the team where
 * they are partners, teamJoins). Also when consent (b) for the team is given after convening:
 * then only members who never took part (`newcomersOnly`), so a participation a person ended
 * stays ended. Returns the person ids that joined.
 */
export async function teamJoinsCase(
  tx: TxClient,
  c: Case,
  team: BreakthroughTeam,
  consent: ConsentFile,
  today: IsoDate,
  newcomersOnly = false,
): Promise<string[]> {
  const members: CasePerson[] = [];
  for (const m of team.members) {
    const person = m.userId ? await teamMemberPerson(tx.orm, m.userId, team.name) : undefined;
    if (!person || members.some((p) => p.personId === person.personId)) continue;
    if (newcomersOnly && c.participants.some((p) => p.personId === person.personId)) continue;
    members.push(person);
  }
  const joined = teamJoins(c, members, consent, today);
  if (joined.joined.length > 0) await saveCase(tx.orm, c, joined.case);
  return joined.joined;
}

export function conveneBreakthrough(
  db: Database,
  actor: AccessActor,
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
    (ctx, next) => putOnAgenda({ ...ctx, case: next }, input.reason, input.meetingDate ?? null),
  );
}

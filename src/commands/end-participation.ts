// domain.md §2: professionals outside the school see a pupil only while they take part in the
// pupil's case — ending someone's participation (they finished their part, or left) ends that
// at once. The owner cannot leave before another owner is named (domain: removeParticipant).

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { saveCase } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { Case } from "../domain/cases/model.ts";
import { removeParticipant } from "../domain/cases/participants.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function endCaseParticipation(
  db: Database,
  actor: AccessActor,
  caseId: string,
  personId: string,
  today: IsoDate,
): Promise<CommandResult<{ case: Case }>> {
  return onCase(db, actor, caseId, today, "end_participation", async (ctx) => {
    const result = removeParticipant(ctx.case, personId, today);
    if (!result.ok) return result;
    await saveCase(ctx.tx.orm, ctx.case, result.case);
    return { ok: true, case: result.case };
  });
}

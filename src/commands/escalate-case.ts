// domain.md §5: the school hands the case to the case director before week 4 when it expects
// more than 4 weeks of absence (a decision with a reason), naming the director as the new owner
// or, when nobody is named, the director mandated for the pupil's municipality (region-director.ts)
// — never a hand-over that reaches nobody. The automatic hand-over at week 4 is the daily job's.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { casePersonOf } from "./case-person.ts";
import { withRegionDirector } from "./region-director.ts";
import { onCase } from "./run-on-case.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export async function escalateCase(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { reason: string; newOwnerUserId?: string },
  today: IsoDate,
): Promise<TransitionOutcome> {
  const newOwner = input.newOwnerUserId
    ? await casePersonOf(db.orm, input.newOwnerUserId, "case_director")
    : undefined;
  if (input.newOwnerUserId && !newOwner) {
    // Refused after the authorization, so a case one may not see still answers 404.
    return onCase(db, actor, caseId, today, "hand_to_director", async () => ({
      ok: false as const,
      error: "unknown_person",
      message: "The new owner is no case director.",
    }));
  }
  return transitionCase(
    db,
    actor,
    caseId,
    { type: "hand_to_director", reason: input.reason, ...(newOwner ? { newOwner } : {}) },
    today,
    undefined,
    (ctx, command) => withRegionDirector(ctx.tx.orm, command, ctx.facts.pupil.municipality),
  );
}

// domain.md §5, breakthrough check at absence week 8: the director records whether a suitable
// offer is expected within 4 weeks; "no" convenes the breakthrough team at once (and puts the
// case on the regional team's agenda).

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { putOnAgenda } from "./convene-breakthrough.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function recordBreakthroughCheck(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { offerExpectedWithin4Weeks: boolean; reason: string },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(
    db,
    actor,
    caseId,
    { type: "record_breakthrough_check", ...input },
    today,
    async (ctx, next) => {
      if (next.phase === "BREAKTHROUGH") await putOnAgenda({ ...ctx, case: next }, input.reason);
    },
  );
}

// domain.md §5 ARBITRATION: the committee's ruling is recorded once and is binding; whether
// the parents accept it decides whether the prosecutor route opens (ruling_refused).

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { recordRuling } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function recordArbitrationRuling(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { ruling: string; parentsAccept: boolean },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(
    db,
    actor,
    caseId,
    { type: "record_arbitration_ruling", ...input },
    today,
    (ctx) =>
      recordRuling(ctx.tx.orm, ctx.case.id, {
        text: input.ruling,
        recordedAt: today,
        parentsAccept: input.parentsAccept,
      }),
  );
}

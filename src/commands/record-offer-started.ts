// domain.md §5: the date a suitable offer of education and/or care started — what the 3-month
// guarantee is measured by.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function recordOfferStarted(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { startedOn: IsoDate },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(db, actor, caseId, { type: "record_offer_started", ...input }, today);
}

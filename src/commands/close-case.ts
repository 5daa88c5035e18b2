// domain.md §5: closing with an outcome of the §5 list; the domain keeps the duration and
// whether the 3-month guarantee held.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { CaseOutcome } from "../domain/cases/model.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function closeCase(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { outcome: CaseOutcome; reason: string },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(db, actor, caseId, { type: "close", ...input }, today);
}

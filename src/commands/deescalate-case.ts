// domain.md §5: afschalen — back to a lower open phase, always with a reason, recorded like
// every phase change; the clock does not escalate it again automatically afterwards.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { OpenPhase } from "../domain/cases/model.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function deescalateCase(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { to: OpenPhase; reason: string },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(db, actor, caseId, { type: "deescalate", ...input }, today);
}

// domain.md §5 "The ladder of effectiveness": the situation and the way of working over time;
// moving up needs a reason (the domain's recordLadderStep). Working on the plan's approach is
// the plan's action (update_plan).

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { saveCase } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { recordLadderStep } from "../domain/cases/ladder.ts";
import type { Case, LadderSituation, WorkingMode } from "../domain/cases/model.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function recordCaseLadderStep(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { situation: LadderSituation; mode: WorkingMode; reason: string },
  today: IsoDate,
): Promise<CommandResult<{ case: Case }>> {
  return onCase(db, actor, caseId, today, "record_ladder_step", async (ctx) => {
    const result = recordLadderStep(ctx.case, input, ctx.by, today);
    if (!result.ok) return result;
    await saveCase(ctx.tx.orm, ctx.case, result.case);
    return { ok: true, case: result.case };
  });
}

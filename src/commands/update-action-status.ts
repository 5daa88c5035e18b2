// domain.md §5 "The plan": an open action becomes done or cancelled; a finished action stays.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { loadPlan, updateActionStatus } from "../db/repositories/plan.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type PlanAction, setActionStatus } from "../domain/cases/plan.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function updatePlanActionStatus(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { actionId: string; status: "done" | "cancelled" },
  today: IsoDate,
): Promise<CommandResult<{ action: PlanAction }>> {
  return onCase(db, actor, caseId, today, "update_action_status", async (ctx) => {
    const result = setActionStatus(
      await loadPlan(ctx.tx.orm, caseId),
      input.actionId,
      input.status,
    );
    if (!result.ok) return result;
    await updateActionStatus(ctx.tx.orm, input.actionId, input.status);
    return { ok: true, action: result.plan.actions.find((a) => a.id === input.actionId)! };
  });
}

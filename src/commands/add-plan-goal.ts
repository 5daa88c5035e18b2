// domain.md §5 "The plan": a SMART goal (education or care) with a measure and a target date.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertGoal, loadPlan } from "../db/repositories/plan.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { addGoal, type GoalDomain, type PlanGoal } from "../domain/cases/plan.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function addPlanGoal(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { domain: GoalDomain; text: string; measure: string; targetDate: IsoDate },
  today: IsoDate,
): Promise<CommandResult<{ goal: PlanGoal }>> {
  return onCase(db, actor, caseId, today, "add_plan_goal", async (ctx) => {
    const goal: PlanGoal = { id: randomUUID(), ...input, setOn: today };
    const result = addGoal(await loadPlan(ctx.tx.orm, caseId), goal);
    if (!result.ok) return result;
    await insertGoal(ctx.tx.orm, caseId, goal);
    return { ok: true, goal };
  });
}

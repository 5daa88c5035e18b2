// domain.md §5 "The plan": an action with an owner (person and organisation), a due date and a
// status; it starts open. The organisation follows the owner (their participation in the case).
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertAction, loadPlan } from "../db/repositories/plan.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { actionOwnerOrganisation } from "../domain/cases/participants.ts";
import { addAction, type PlanAction } from "../domain/cases/plan.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function addPlanAction(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: {
    description: string;
    ownerPersonId: string;
    /** Used only for an owner who does not take part in the case. */
    ownerOrganisation?: string;
    dueDate: IsoDate;
  },
  today: IsoDate,
): Promise<CommandResult<{ action: PlanAction }>> {
  return onCase(db, actor, caseId, today, "add_plan_action", async (ctx) => {
    const ownerOrganisation = actionOwnerOrganisation(
      ctx.case,
      input.ownerPersonId,
      input.ownerOrganisation,
    );
    const result = addAction(await loadPlan(ctx.tx.orm, caseId), {
      id: randomUUID(),
      description: input.description,
      ownerPersonId: input.ownerPersonId,
      ownerOrganisation,
      dueDate: input.dueDate,
    });
    if (!result.ok) return result;
    const action = result.plan.actions.at(-1)!;
    await insertAction(ctx.tx.orm, caseId, action);
    return { ok: true, action };
  });
}

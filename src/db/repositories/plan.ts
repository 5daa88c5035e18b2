// The case plan (domain.md §5 "1 gezin, 1 plan"): goals and actions, stored as the domain's
// Plan (src/domain/cases/plan.ts) returns them. Meetings live in meetings.ts; loadPlan joins
// both, because a meeting's decisions become the plan's actions.
import { asc, eq } from "drizzle-orm";
import type {
  ActionStatus,
  GoalDomain,
  Plan,
  PlanAction,
  PlanGoal,
} from "../../domain/cases/plan.ts";
import type { Orm } from "../connect.ts";
import { planActions, planGoals } from "../schema/cases.ts";
import { inSequence } from "./in-sequence.ts";
import { loadMeetings } from "./meetings.ts";

export async function loadPlan(orm: Orm, caseId: string): Promise<Plan> {
  const [goals, actions, meetings] = await inSequence([
    () =>
      orm
        .select()
        .from(planGoals)
        .where(eq(planGoals.caseId, caseId))
        .orderBy(asc(planGoals.setOn), asc(planGoals.id)),
    () =>
      orm
        .select()
        .from(planActions)
        .where(eq(planActions.caseId, caseId))
        .orderBy(asc(planActions.dueDate), asc(planActions.id)),
    () => loadMeetings(orm, caseId),
  ] as const);
  return {
    caseId,
    goals: goals.map(
      (g): PlanGoal => ({
        id: g.id,
        domain: g.domain as GoalDomain,
        text: g.text,
        measure: g.measure,
        setOn: g.setOn,
        targetDate: g.targetDate,
      }),
    ),
    actions: actions.map(
      (a): PlanAction => ({
        id: a.id,
        description: a.description,
        ownerPersonId: a.ownerPersonId,
        ownerOrganisation: a.ownerOrganisation,
        dueDate: a.dueDate,
        status: a.status as ActionStatus,
        ...(a.meetingId && a.decisionId
          ? { fromDecision: { meetingId: a.meetingId, decisionId: a.decisionId } }
          : {}),
      }),
    ),
    meetings,
  };
}

export async function insertGoal(orm: Orm, caseId: string, goal: PlanGoal): Promise<void> {
  await orm.insert(planGoals).values({ ...goal, caseId });
}

export async function insertAction(orm: Orm, caseId: string, action: PlanAction): Promise<void> {
  await orm.insert(planActions).values({
    id: action.id,
    caseId,
    description: action.description,
    ownerPersonId: action.ownerPersonId,
    ownerOrganisation: action.ownerOrganisation,
    dueDate: action.dueDate,
    status: action.status,
    meetingId: action.fromDecision?.meetingId ?? null,
    decisionId: action.fromDecision?.decisionId ?? null,
  });
}

export async function updateActionStatus(
  orm: Orm,
  actionId: string,
  status: ActionStatus,
): Promise<void> {
  await orm.update(planActions).set({ status }).where(eq(planActions.id, actionId));
}

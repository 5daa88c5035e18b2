// domain.md §5 "The plan" ("1 gezin, 1 plan"): one SMART plan per case with goals for education
// and care, actions with an owner (person and organisation), a due date and a status; meetings
// (MDO/ZAT, breakthrough team, arbitration hearing) whose decisions become actions.
import type { IsoDate } from "../calendar/dates.ts";
import { err, type Result } from "./result.ts";

export type GoalDomain = "education" | "care";

/** SMART: the text says what (specific), `measure` how it is checked, `targetDate` by when. */
export interface PlanGoal {
  id: string;
  domain: GoalDomain;
  text: string;
  measure: string;
  setOn: IsoDate;
  targetDate: IsoDate;
}

export type ActionStatus = "open" | "done" | "cancelled";

export interface PlanAction {
  id: string;
  description: string;
  ownerPersonId: string;
  ownerOrganisation: string;
  dueDate: IsoDate;
  status: ActionStatus;
  /** The meeting decision the action came from, when it did. */
  fromDecision?: { meetingId: string; decisionId: string };
}

export type MeetingKind = "mdo_zat" | "breakthrough_team" | "arbitration_hearing";

export interface MeetingDecision {
  id: string;
  text: string;
  /** A decision that asks someone to act becomes a plan action. */
  action?: { id: string; ownerPersonId: string; ownerOrganisation: string; dueDate: IsoDate };
}

export interface Meeting {
  id: string;
  kind: MeetingKind;
  date: IsoDate;
  participantIds: readonly string[];
  decisions: readonly MeetingDecision[];
}

export interface Plan {
  caseId: string;
  goals: readonly PlanGoal[];
  actions: readonly PlanAction[];
  meetings: readonly Meeting[];
}

export type PlanError =
  | "not_smart"
  | "duplicate_id"
  | "owner_required"
  | "unknown_action"
  | "action_finished"
  | "no_participants";

export type PlanResult = Result<{ plan: Plan }, PlanError>;

export function emptyPlan(caseId: string): Plan {
  return { caseId, goals: [], actions: [], meetings: [] };
}

export function addGoal(plan: Plan, goal: PlanGoal): PlanResult {
  if (plan.goals.some((g) => g.id === goal.id)) return err("duplicate_id", "Goal id in use.");
  if (goal.text.trim() === "" || goal.measure.trim() === "" || goal.targetDate < goal.setOn) {
    return err("not_smart", "A goal needs a text, a measure and a target date after it was set.");
  }
  return { ok: true, plan: { ...plan, goals: [...plan.goals, goal] } };
}

/** The day the plan first had a goal: the "SMART goals set" deadline is met then. */
export function goalsSetOn(plan: Plan): IsoDate | undefined {
  return plan.goals.map((g) => g.setOn).sort()[0];
}

export function addAction(plan: Plan, action: Omit<PlanAction, "status">): PlanResult {
  if (plan.actions.some((a) => a.id === action.id)) return err("duplicate_id", "Action id in use.");
  if (action.ownerPersonId.trim() === "" || action.ownerOrganisation.trim() === "") {
    return err("owner_required", "An action has an owner: a person and an organisation.");
  }
  return { ok: true, plan: { ...plan, actions: [...plan.actions, { ...action, status: "open" }] } };
}

/** Open actions can be done or cancelled; a finished action stays as it was (add a new one). */
export function setActionStatus(
  plan: Plan,
  actionId: string,
  status: Exclude<ActionStatus, "open">,
): PlanResult {
  const action = plan.actions.find((a) => a.id === actionId);
  if (!action) return err("unknown_action", "No such action.");
  if (action.status !== "open") return err("action_finished", `The action is ${action.status}.`);
  const actions = plan.actions.map((a) => (a.id === actionId ? { ...a, status } : a));
  return { ok: true, plan: { ...plan, actions } };
}

/** Records a meeting; every decision with an action adds that action to the plan. */
export function recordMeeting(plan: Plan, meeting: Meeting): PlanResult {
  if (plan.meetings.some((m) => m.id === meeting.id)) {
    return err("duplicate_id", "Meeting id in use.");
  }
  if (meeting.participantIds.length === 0) {
    return err("no_participants", "A meeting records who took part.");
  }
  let next: Plan = { ...plan, meetings: [...plan.meetings, meeting] };
  for (const decision of meeting.decisions) {
    if (!decision.action) continue;
    const added = addAction(next, {
      ...decision.action,
      description: decision.text,
      fromDecision: { meetingId: meeting.id, decisionId: decision.id },
    });
    if (!added.ok) return added;
    next = added.plan;
  }
  return { ok: true, plan: next };
}

/** Open actions past their due date: they show on the owner's task list. */
export function overdueActions(plan: Plan, asOf: IsoDate): PlanAction[] {
  return plan.actions.filter((a) => a.status === "open" && a.dueDate < asOf);
}

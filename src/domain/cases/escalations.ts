// domain.md §5: what the daily job must do for a case today — hand over to the case director at
// absence week 4, ask the week-8 breakthrough decision, convene the breakthrough team at week 12,
// mark the 3-month breach. A pure function of the case and the date, so running the job twice
// on one day does nothing new: each item's command is refused once it has been applied.
//
// Items come in the order they must be applied; a case that is found late (opened in week 13)
// gets both escalations at once. The week-8 question is not asked when the case goes to the
// breakthrough team today anyway.
import type { IsoDate } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import { caseClockWeeks } from "./clock.ts";
import type { CaseCommand } from "./commands.ts";
import { guaranteeState, threeMonthDueDate } from "./guarantee.ts";
import type { Case } from "./model.ts";
import {
  BREAKTHROUGH_CHECK_WEEK,
  BREAKTHROUGH_WEEK,
  DIRECTOR_WEEK,
  wasDeescalatedBelow,
} from "./transitions.ts";

export type DueEscalation =
  | { kind: "escalate_to_case_director"; clockWeeks: number; command: CaseCommand }
  | { kind: "ask_breakthrough_check"; clockWeeks: number; command: CaseCommand }
  | { kind: "escalate_to_breakthrough"; clockWeeks: number; command: CaseCommand }
  | { kind: "mark_three_month_breach"; dueDate: IsoDate; command: CaseCommand };

export function dueEscalations(c: Case, calendar: SchoolCalendar, asOf: IsoDate): DueEscalation[] {
  if (c.phase === "CLOSED") return [];
  const due: DueEscalation[] = [];
  const clockWeeks = caseClockWeeks(c, calendar, asOf);
  let phase = c.phase;

  if (
    phase === "SCHOOL" &&
    clockWeeks >= DIRECTOR_WEEK &&
    !wasDeescalatedBelow(c, "CASE_DIRECTOR")
  ) {
    const reason = `absence week ${clockWeeks}`;
    due.push({
      kind: "escalate_to_case_director",
      clockWeeks,
      command: { type: "hand_to_director", reason },
    });
    phase = "CASE_DIRECTOR";
  }
  if (phase === "CASE_DIRECTOR") {
    const toBreakthrough =
      clockWeeks >= BREAKTHROUGH_WEEK && !wasDeescalatedBelow(c, "BREAKTHROUGH");
    const check = c.breakthroughCheck;
    if (
      !toBreakthrough &&
      clockWeeks >= BREAKTHROUGH_CHECK_WEEK &&
      !check.requestedAt &&
      !check.decision
    ) {
      due.push({
        kind: "ask_breakthrough_check",
        clockWeeks,
        command: { type: "request_breakthrough_check" },
      });
    }
    if (toBreakthrough) {
      const reason = `absence week ${clockWeeks}`;
      due.push({
        kind: "escalate_to_breakthrough",
        clockWeeks,
        command: { type: "convene_breakthrough", reason },
      });
    }
  }
  if (!c.threeMonthBreachMarkedAt && guaranteeState(c, asOf) === "breached") {
    due.push({
      kind: "mark_three_month_breach",
      dueDate: threeMonthDueDate(c),
      command: { type: "mark_three_month_breach" },
    });
  }
  return due;
}

// Leerplicht's open procedures on the attendance officer's worklist (issue 15 item 3; seed 002 "De
// leerplichtambtenaar handelt volgens de MAS"; src/domain/leerplicht/mas.ts): a pupil's procedure
// is open from its first step until a step `outcome` closes it (a later step reopens it). Its
// next step and the day it is due follow from the last step. The terms are this module's reading
// of the MAS, which sets none in days: the conversation within 2 weeks of the invitation (the
// waiting-time norm of domain.md §5, "first conversation ≤ 14 days"); agreements within a week of
// the conversation; the agreements, warning or referral evaluated after 6 weeks; an official
// report followed up after 3 calendar months (the 3-month term of §5).
import { addDays, type IsoDate } from "../calendar/dates.ts";
import { addCalendarMonths } from "../cases/months.ts";
import type { MasStepKind } from "./mas.ts";

export interface MasStepFact {
  kind: MasStepKind;
  date: IsoDate;
}

export interface OpenMasProcedure {
  started: IsoDate;
  lastStep: MasStepFact;
  nextStep: MasStepKind;
  dueOn: IsoDate;
  overdue: boolean;
}

function next(last: MasStepFact): { nextStep: MasStepKind; dueOn: IsoDate } {
  switch (last.kind) {
    case "conversation_invited":
      return { nextStep: "conversation_held", dueOn: addDays(last.date, 14) };
    case "conversation_held":
      return { nextStep: "agreements", dueOn: addDays(last.date, 7) };
    case "official_report":
      return { nextStep: "outcome", dueOn: addCalendarMonths(last.date, 3) };
    default:
      return { nextStep: "outcome", dueOn: addDays(last.date, 42) };
  }
}

/** The open procedure in a pupil's steps (oldest first), or null when none is open. */
export function openMasProcedure(
  steps: readonly MasStepFact[],
  today: IsoDate,
): OpenMasProcedure | null {
  const known = steps.filter((s) => s.date <= today);
  const closedAt = known.findLastIndex((s) => s.kind === "outcome");
  const open = known.slice(closedAt + 1);
  const first = open[0];
  const last = open.at(-1);
  if (!first || !last) return null;
  const { nextStep, dueOn } = next(last);
  return { started: first.date, lastStep: last, nextStep, dueOn, overdue: today > dueOn };
}

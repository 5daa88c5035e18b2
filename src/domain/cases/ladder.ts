// domain.md §5 "The ladder of effectiveness": the situation and the way of working, recorded
// over time. Stay as low as possible; moving up (on either scale) is allowed only with a recorded
// reason — the team states why there is no well-founded hope of a solution within the 3-month
// term. Moving down or staying needs no justification beyond the record itself.
import type { IsoDate } from "../calendar/dates.ts";
import {
  type Case,
  type CaseActor,
  LADDER_SITUATIONS,
  type LadderSituation,
  type LadderStep,
  WORKING_MODES,
  type WorkingMode,
} from "./model.ts";
import { err, type Result } from "./result.ts";

/** The working mode that matches each situation, rung for rung. */
export function matchingMode(situation: LadderSituation): WorkingMode {
  return WORKING_MODES[LADDER_SITUATIONS.indexOf(situation)]!;
}

export function currentLadderStep(c: Case): LadderStep | undefined {
  return c.ladder.at(-1);
}

/** Whether the step climbs on either scale compared to the previous one (the first step is from the bottom). */
export function movesUp(
  previous: Pick<LadderStep, "situation" | "mode"> | undefined,
  next: Pick<LadderStep, "situation" | "mode">,
): boolean {
  const situationFrom = previous ? LADDER_SITUATIONS.indexOf(previous.situation) : 0;
  const modeFrom = previous ? WORKING_MODES.indexOf(previous.mode) : 0;
  return (
    LADDER_SITUATIONS.indexOf(next.situation) > situationFrom ||
    WORKING_MODES.indexOf(next.mode) > modeFrom
  );
}

export type LadderError = "case_closed" | "reason_required";

export function recordLadderStep(
  c: Case,
  step: { situation: LadderSituation; mode: WorkingMode; reason: string },
  by: CaseActor,
  at: IsoDate,
): Result<{ case: Case }, LadderError> {
  if (c.phase === "CLOSED") return err("case_closed", "A closed case is not on the ladder.");
  if (movesUp(currentLadderStep(c), step) && step.reason.trim() === "") {
    return err("reason_required", "Moving up the ladder needs a recorded reason.");
  }
  return { ok: true, case: { ...c, ladder: [...c.ladder, { ...step, at, by }] } };
}

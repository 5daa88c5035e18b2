// domain.md §4 ("A signal is a state"): the first time a signal holds it is raised (with the
// date); it stays open until a professional handles it (links it to a case or marks it known
// with a reason) or it stops holding for 4 lesweken (resolved). Every state change is kept.
import { dayNumber, type IsoDate, mondayOfDay } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";

export type SignalStatus = "open" | "handled" | "resolved";

export interface SignalState {
  pupilId: string;
  schoolId: string;
  code: string;
  status: SignalStatus;
  raisedOn: IsoDate;
  lastHeldOn: IsoDate;
  resolvedOn: IsoDate | null;
}

export interface SignalTransition {
  from: SignalStatus | null;
  to: SignalStatus;
  onDate: IsoDate;
  reason: string;
}

export const RESOLVE_AFTER_LESWEKEN = 4;

/**
 * Lesweken that lie wholly after `lastHeld` and are over by D: ISO weeks after the week of the
 * last day it held, with at least one school day, whose last school day is ≤ D. Without a school
 * (population signals) every calendar week counts.
 */
export function quietLesweken(
  lastHeld: IsoDate,
  asOf: IsoDate,
  calendar: SchoolCalendar | null,
): number {
  const end = dayNumber(asOf);
  let count = 0;
  for (let monday = mondayOfDay(dayNumber(lastHeld)) + 7; monday <= end; monday += 7) {
    let lastSchoolDay = -1;
    for (let d = monday; d < monday + 7; d++) {
      if (calendar ? calendar.isSchoolDayNumber(d) : d < monday + 5) lastSchoolDay = d;
    }
    if (lastSchoolDay >= 0 && lastSchoolDay <= end) count++;
  }
  return count;
}

export type StateStep =
  | { kind: "unchanged"; state: SignalState | null }
  | { kind: "changed"; state: SignalState; transition: SignalTransition | null };

/**
 * The next state of one (pupil, school, code) at D given whether the signal holds at D.
 * A resolved state is history: when the signal holds again a new one is raised.
 */
export function nextSignalState(
  previous: SignalState | null,
  key: { pupilId: string; schoolId: string; code: string },
  holds: boolean,
  asOf: IsoDate,
  calendar: SchoolCalendar | null,
): StateStep {
  const live = previous && previous.status !== "resolved" ? previous : null;
  if (holds) {
    if (!live) {
      return {
        kind: "changed",
        state: { ...key, status: "open", raisedOn: asOf, lastHeldOn: asOf, resolvedOn: null },
        transition: { from: null, to: "open", onDate: asOf, reason: "raised" },
      };
    }
    if (live.lastHeldOn >= asOf) return { kind: "unchanged", state: live };
    return { kind: "changed", state: { ...live, lastHeldOn: asOf }, transition: null };
  }
  if (!live || asOf <= live.lastHeldOn) return { kind: "unchanged", state: live };
  if (quietLesweken(live.lastHeldOn, asOf, calendar) >= RESOLVE_AFTER_LESWEKEN) {
    return {
      kind: "changed",
      state: { ...live, status: "resolved", resolvedOn: asOf },
      transition: {
        from: live.status,
        to: "resolved",
        onDate: asOf,
        reason: `stopped holding for ${RESOLVE_AFTER_LESWEKEN} lesweken`,
      },
    };
  }
  return { kind: "unchanged", state: live };
}

export type HandleResult =
  | { ok: true; state: SignalState; transition: SignalTransition }
  | { ok: false; error: "not_open" | "reason_required" };

/** A professional handles an open signal: linked to a case, or known/explained with a reason. */
export function handleSignal(
  state: SignalState,
  how: { kind: "case"; caseId: string } | { kind: "known"; reason: string },
  onDate: IsoDate,
): HandleResult {
  if (state.status !== "open") return { ok: false, error: "not_open" };
  if (how.kind === "known" && how.reason.trim() === "") {
    return { ok: false, error: "reason_required" };
  }
  const reason = how.kind === "case" ? `linked to case ${how.caseId}` : `known: ${how.reason}`;
  return {
    ok: true,
    state: { ...state, status: "handled" },
    transition: { from: "open", to: "handled", onDate, reason },
  };
}

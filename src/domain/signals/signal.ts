// domain.md §4: a signal carries its evidence; the output is sorted by pupil, then code.
import { fromDayNumber, type IsoDate } from "../calendar/dates.ts";
import type { SignalProfile } from "./profiles.ts";
import type { UnitTimeline } from "./timeline.ts";
import type { Evidence, Signal, SignalCode } from "./types.ts";
import type { RuleWindows } from "./windows.ts";

/** What an attendance rule reads: the unit, D (day number and string), the profile and its windows at D. */
export interface RuleContext {
  t: UnitTimeline;
  day: number;
  asOf: IsoDate;
  profile: SignalProfile;
  windows: RuleWindows;
}

export function unitSignal(
  ctx: RuleContext,
  code: SignalCode,
  evidence: Evidence,
  attributes: Signal["attributes"] = {},
): Signal {
  return {
    pupilId: ctx.t.pupilId,
    schoolId: ctx.t.schoolId,
    code,
    asOf: ctx.asOf,
    evidence,
    attributes,
  };
}

export const iso = fromDayNumber;

/** Hours for evidence: at most two decimals, exact for the hour units of §3. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export function percentage(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** Code-point order (not locale order), the same in every runtime and database. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By pupil, then code, then school (a pupil at two schools can hold one code twice). */
export function compareSignals(
  a: Pick<Signal, "pupilId" | "code" | "schoolId">,
  b: Pick<Signal, "pupilId" | "code" | "schoolId">,
): number {
  return (
    compareText(a.pupilId, b.pupilId) ||
    compareText(a.code, b.code) ||
    compareText(a.schoolId, b.schoolId)
  );
}

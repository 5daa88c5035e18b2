// domain.md §3 and §4 ("Approved leave is `leave`; taken without approval, `luxury`"): the
// decided leave requests of a pupil at a school re-read the absence rows in their dates, before
// any rule counts them. Absence registered as unreported (or any unauthorized absence of the
// whole pupil: truant, luxury, other) inside approved leave is `leave` — authorized, so it no
// longer counts towards LEGAL_16H, PREVENTIVE_10H or a DUO report. Absence registered as leave or
// unreported inside a refused request is `luxury` (leave taken without approval), which may
// start a `luxe` report. Rows of a pupil who was there (late, removed from class) and every
// authorized reason (sick, medical, …) keep their reason.
import type { IsoDate } from "../calendar/dates.ts";
import type { AbsenceReason, AttendanceRecord } from "../signals/types.ts";
import type { LeaveStatus } from "./rules.ts";

export interface DecidedLeave {
  status: LeaveStatus;
  startDate: IsoDate;
  endDate: IsoDate;
}

const BECOMES_LEAVE: ReadonlySet<AbsenceReason> = new Set<AbsenceReason>([
  "unreported",
  "truant",
  "luxury",
  "other_unauthorized",
]);
const BECOMES_LUXURY: ReadonlySet<AbsenceReason> = new Set<AbsenceReason>([
  "unreported",
  "leave",
  "other_unauthorized",
]);

/** The reason the rules read for one row, given the pupil's decided requests at that school. */
export function reasonUnderLeave(
  date: IsoDate,
  reason: AbsenceReason,
  leaves: readonly DecidedLeave[],
): AbsenceReason {
  const covering = leaves.filter((l) => l.startDate <= date && date <= l.endDate);
  // An approval wins over an earlier refusal of the same days.
  if (covering.some((l) => l.status === "approved")) {
    return BECOMES_LEAVE.has(reason) ? "leave" : reason;
  }
  if (covering.some((l) => l.status === "refused")) {
    return BECOMES_LUXURY.has(reason) ? "luxury" : reason;
  }
  return reason;
}

export function applyDecidedLeave<R extends Pick<AttendanceRecord, "date" | "reason">>(
  rows: readonly R[],
  leaves: readonly DecidedLeave[],
): R[] {
  if (leaves.length === 0) return rows as R[];
  return rows.map((row) => {
    const reason = reasonUnderLeave(row.date, row.reason, leaves);
    return reason === row.reason ? row : { ...row, reason };
  });
}

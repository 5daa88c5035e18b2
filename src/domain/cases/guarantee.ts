// domain.md §5: "no child > 3 months at home without a suitable offer" — 3 calendar months from
// the absence start (clamped to the month's end). Readings chosen here (docs/cases.md):
//   - met when a suitable offer started on or before the due date (then the child was not at
//     home *longer* than 3 months);
//   - at risk during the last 14 calendar days, the due date included (due − 13 … due);
//   - breached from the day after the due date while no offer started by then; a later offer
//     does not un-breach it (the guarantee did not hold).
import { addDays, type IsoDate } from "../calendar/dates.ts";
import type { Case } from "./model.ts";
import { addCalendarMonths } from "./months.ts";

export const GUARANTEE_MONTHS = 3;
export const GUARANTEE_AT_RISK_DAYS = 14;

export type GuaranteeState = "met" | "open" | "at_risk" | "breached";

export function threeMonthDueDate(c: Pick<Case, "absenceStartDate">): IsoDate {
  return addCalendarMonths(c.absenceStartDate, GUARANTEE_MONTHS);
}

export function guaranteeState(
  c: Pick<Case, "absenceStartDate" | "offerStartedOn">,
  asOf: IsoDate,
): GuaranteeState {
  const due = threeMonthDueDate(c);
  if (c.offerStartedOn !== undefined && c.offerStartedOn <= due && c.offerStartedOn <= asOf) {
    return "met";
  }
  if (asOf > due) return "breached";
  if (asOf > addDays(due, -GUARANTEE_AT_RISK_DAYS)) return "at_risk";
  return "open";
}

// Issue 18 ("aggregates of past quarters stay as they were") on top of domain.md §7's quarter
// trend: before the retention procedure removes a pupil, the monitor's figures of every completed
// quarter are frozen, and past quarters are served from the frozen figures from then on. Pure:
// which quarters to freeze, and how a frozen figure is served.
import { addDays, type IsoDate } from "../calendar/dates.ts";
import { type Quarter, quarterOf, quarterRange, quartersBetween } from "./quarters.ts";

/** The last quarter whose last day lies before `asOf` (a running quarter is never frozen). */
export function lastCompletedQuarter(asOf: IsoDate): Quarter {
  return quarterOf(addDays(quarterRange(quarterOf(asOf)).from, -1));
}

/** Whether a quarter is complete at `asOf`: its figures can no longer change by new events. */
export function isCompletedQuarter(quarter: Quarter, asOf: IsoDate): boolean {
  return quarterRange(quarter).to < asOf;
}

/** How long after the last recorded day a quarter is still frozen: its states may still hold. */
export const FREEZE_AFTER_DATA_DAYS = 366;

/**
 * The completed quarters to freeze at `asOf`: from the quarter of the earliest recorded day to
 * the last completed quarter, but not more than a year past the latest recorded day (after it
 * only states that outlast the data — open cases, which retention never removes — can still be
 * counted), and none already frozen. Null dates: nothing recorded, nothing to freeze.
 */
export function quartersToFreeze(
  dataFrom: IsoDate | null,
  dataTo: IsoDate | null,
  asOf: IsoDate,
  frozen: ReadonlySet<Quarter>,
): Quarter[] {
  if (dataFrom === null || dataTo === null) return [];
  const first = quarterOf(dataFrom);
  const lastByData = quarterOf(addDays(dataTo, FREEZE_AFTER_DATA_DAYS));
  const lastComplete = lastCompletedQuarter(asOf);
  const [last = lastComplete] = [lastByData, lastComplete].sort();
  if (first > last) return [];
  return quartersBetween(first, last, Number.POSITIVE_INFINITY).filter((q) => !frozen.has(q));
}

/** A frozen figure as the API serves it: counts made up of 1–4 persons are suppressed. */
export function servedCount(count: number, suppressed: boolean): number | null {
  return suppressed ? null : count;
}

// domain.md §7 ("counts at a date and per quarter"): calendar quarters named `YYYY-Qn`
// (Q1 = January–March). The trend reports each quarter at its last day, or at today while the
// quarter is running.
import {
  addDays,
  dayNumber,
  fromDayNumber,
  type IsoDate,
  schoolYearStartOfDay,
} from "../calendar/dates.ts";

export type Quarter = string;

/**
 * Years 1900–2100, the dates the application takes everywhere else: a year 0000 quarter has no
 * calendar dates (it was a 500 in /api/monitor/trend, found by the fuzz suite).
 */
export const QUARTER_PATTERN = "^(19\\d{2}|20\\d{2}|2100)-Q([1-4])$";
const QUARTER = new RegExp(QUARTER_PATTERN);

export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function quarterRange(quarter: Quarter): { from: IsoDate; to: IsoDate } {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(next, -1) };
}

/** How many quarters from `from` to `to` inclusive (0 when `from` is after `to`). */
export function quarterCount(from: Quarter, to: Quarter): number {
  const index = (q: Quarter) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  return Math.max(0, index(to) - index(from) + 1);
}

/** Quarters from `from` to `to` inclusive, in order; at most `limit` (the newest kept). */
export function quartersBetween(from: Quarter, to: Quarter, limit = 40): Quarter[] {
  const quarters: Quarter[] = [];
  let q = from;
  while (q <= to) {
    quarters.push(q);
    q = quarterOf(addDays(quarterRange(q).to, 1));
  }
  return quarters.slice(-limit);
}

/** 1 August of the school year that contains the date. */
export function schoolYearStart(date: IsoDate): IsoDate {
  return fromDayNumber(schoolYearStartOfDay(dayNumber(date)));
}

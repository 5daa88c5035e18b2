// Calendar dates as plain 'YYYY-MM-DD' strings at the edges and as day numbers (days since
// 1970-01-01, UTC) inside the rules: no time zones, no Date objects in hot loops.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const ZERO = 48; // char code of "0"

/**
 * Day number of a valid 'YYYY-MM-DD' date. Pure arithmetic (the "days from civil" algorithm)
 * instead of Date.UTC: it runs once per attendance row, millions of times in a full evaluation.
 */
export function dayNumber(date: IsoDate): number {
  const y =
    (date.charCodeAt(0) - ZERO) * 1000 +
    (date.charCodeAt(1) - ZERO) * 100 +
    (date.charCodeAt(2) - ZERO) * 10 +
    (date.charCodeAt(3) - ZERO);
  const m = (date.charCodeAt(5) - ZERO) * 10 + (date.charCodeAt(6) - ZERO);
  const d = (date.charCodeAt(8) - ZERO) * 10 + (date.charCodeAt(9) - ZERO);
  return dayFromCivil(y, m, d);
}

/** Day number of year-month-day (month 1–12); the day must exist in that month. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(dayNo: number): CivilDate {
  const z = dayNo + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDay(dayNumber(date));
}

/** Day number of the Monday of the ISO week that contains the day. */
export function mondayOfDay(day: number): number {
  return day - (isoWeekdayOfDay(day) - 1);
}

export function daysInMonth(year: number, month: number): number {
  return (
    dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayFromCivil(year, month, 1)
  );
}

/**
 * The same day of the month `months` months earlier, clamped to that month's last day
 * (domain.md §4: "D minus 2 months (same day of month, clamped to the month's end)").
 */
export function monthsBeforeDay(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDay(day);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** 1 August of the school year that contains the day (domain.md §4, "since the start of the school year"). */
export function schoolYearStartOfDay(day: number): number {
  const { year, month } = civilFromDay(day);
  return dayFromCivil(month >= 8 ? year : year - 1, 8, 1);
}

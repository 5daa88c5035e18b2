// Calendar dates as plain 'YYYY-MM-DD' strings at the edges and as day numbers (days since
// 1970-01-01, UTC) inside the rules: no time zones, no Date objects in hot loops.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
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

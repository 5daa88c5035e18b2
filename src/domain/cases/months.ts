// domain.md §5: "3 calendar months from absence start" and the monthly deadlines use calendar
// months: same day of month, clamped to the month's end (2025-11-30 + 3 months = 2026-02-28).
// Private to cases/ until the calendar module offers the same helper.
import type { IsoDate } from "../calendar/dates.ts";

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const clamped = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(clamped).padStart(2, "0")}`;
}

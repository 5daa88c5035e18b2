// domain.md §5: "3 calendar months from absence start" and the monthly deadlines use calendar
// months: same day of month, clamped to the month's end (2025-11-30 + 3 months = 2026-02-28).
// The clamping itself is the calendar module's (monthsBeforeDay, §4's "D minus 2 months").
import { dayNumber, fromDayNumber, type IsoDate, monthsBeforeDay } from "../calendar/dates.ts";

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return fromDayNumber(monthsBeforeDay(dayNumber(date), -months));
}

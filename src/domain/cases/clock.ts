// domain.md §5 (the case clock) with §3's lesweek: absence weeks counted from the case's absence
// start date. Week 1 is the week containing the absence start; in `lesweken` mode an ISO week
// without any school day (a holiday week) is skipped, in `calendar_weeks` mode every ISO week
// counts. Both modes align weeks to ISO weeks (Monday–Sunday), so they differ only in holidays.
import { dayNumber, fromDayNumber, type IsoDate, mondayOfDay } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { Case } from "./model.ts";

type ClockedCase = Pick<Case, "absenceStartDate" | "clockMode">;

/**
 * An ISO week with at least one school day (§3). Kept private to cases/ until the calendar
 * module's lesweek helpers land; the rule is the same.
 */
function isLesweek(calendar: SchoolCalendar, monday: number): boolean {
  for (let day = monday; day < monday + 7; day++) {
    if (calendar.isSchoolDayNumber(day)) return true;
  }
  return false;
}

function countsAsWeek(c: ClockedCase, calendar: SchoolCalendar, monday: number): boolean {
  return c.clockMode === "calendar_weeks" || isLesweek(calendar, monday);
}

/**
 * The absence week the case is in at `asOf` (1 = the week of the absence start); 0 before the
 * absence started. In a holiday week the lesweken clock stands still at the last lesweek.
 */
export function caseClockWeeks(c: ClockedCase, calendar: SchoolCalendar, asOf: IsoDate): number {
  const start = dayNumber(c.absenceStartDate);
  const end = dayNumber(asOf);
  if (end < start) return 0;
  let weeks = 0;
  for (let monday = mondayOfDay(start); monday <= end; monday += 7) {
    if (countsAsWeek(c, calendar, monday)) weeks++;
  }
  return weeks;
}

/**
 * The first day on which the clock shows `week`: the absence start for week 1 (or the Monday of
 * the first lesweek when the absence started in a holiday week), otherwise that week's Monday. null when it is not reached within `horizonWeeks` (a calendar without
 * school days, or a horizon the caller chose).
 */
export function absenceWeekStart(
  c: ClockedCase,
  calendar: SchoolCalendar,
  week: number,
  horizonWeeks = 156,
): IsoDate | null {
  const start = dayNumber(c.absenceStartDate);
  if (week < 1) return null;
  let weeks = 0;
  const first = mondayOfDay(start);
  for (let monday = first; monday < first + horizonWeeks * 7; monday += 7) {
    if (!countsAsWeek(c, calendar, monday)) continue;
    weeks++;
    if (weeks === week) return fromDayNumber(Math.max(monday, start));
  }
  return null;
}

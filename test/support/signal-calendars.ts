// Small hand-made calendars and builders for the signal rule tests (synthetic data only).
// Two schools in different holiday regions; 2026-03-02 is a Monday.
import { addDays, type IsoDate } from "../../src/domain/calendar/dates.ts";
import { buildSchoolCalendar, type Closure } from "../../src/domain/calendar/school-calendar.ts";
import type {
  AbsenceReason,
  AttendanceRecord,
  EvaluationUnit,
  Signal,
} from "../../src/domain/signals/types.ts";

export const CLOSURES: Closure[] = [
  { scope: "all", startDate: "2025-07-12", endDate: "2025-08-24", name: "zomervakantie" },
  { scope: "all", startDate: "2025-12-20", endDate: "2026-01-04", name: "kerstvakantie" },
  { scope: "zuid", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
  { scope: "noord", startDate: "2026-02-28", endDate: "2026-03-08", name: "voorjaarsvakantie" },
  { scope: "10AA00", startDate: "2026-03-25", endDate: "2026-03-25", name: "studiedag" },
];

/** Zuid, 300 minutes every weekday (six lessons of 50), studiedag Wednesday 2026-03-25. */
export const ZUID = buildSchoolCalendar(
  { schoolId: "10AA00", holidayRegion: "zuid", minutesByWeekday: [300, 300, 300, 300, 300] },
  CLOSURES,
);

/** Noord, 300 minutes every weekday; its spring holiday is the week of 2026-03-02. */
export const NOORD = buildSchoolCalendar(
  { schoolId: "20BB00", holidayRegion: "noord", minutesByWeekday: [300, 300, 300, 300, 300] },
  CLOSURES,
);

/** The school days of the calendar in [from, to]. */
export function schoolDates(
  calendar: { isSchoolDay(date: IsoDate): boolean },
  from: IsoDate,
  to: IsoDate,
): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isSchoolDay(d)) out.push(d);
  return out;
}

/** One whole-day row per date. */
export function dayRows(
  dates: readonly IsoDate[],
  reason: AbsenceReason,
  minutes = 300,
  period = "day",
): AttendanceRecord[] {
  return dates.map((date) => ({ date, period, minutes, reason }));
}

/** Numbered lesson rows 1…count on one date. */
export function lessonRows(
  date: IsoDate,
  count: number,
  reason: AbsenceReason,
  minutes = 50,
): AttendanceRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    date,
    period: String(i + 1),
    minutes,
    reason,
  }));
}

export function unit(overrides: Partial<EvaluationUnit> = {}): EvaluationUnit {
  return {
    pupil: { id: "P001", birthDate: "2012-05-10" },
    calendar: ZUID,
    enrolments: [{ startDate: "2025-08-25", endDate: null }],
    attendance: [],
    ...overrides,
  };
}

export function codes(signals: readonly Signal[]): string[] {
  return signals.map((s) => s.code);
}

export function find(signals: readonly Signal[], code: Signal["code"]): Signal | undefined {
  return signals.find((s) => s.code === code);
}

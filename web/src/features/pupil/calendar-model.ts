// The absence calendar as plain data: the school year in ISO weeks (columns) and weekdays
// (rows), each school day with its share absent as one of five levels (domain.md §3: shares
// always in minutes; late arrivals are not absent time) and the kind of absence that weighs
// most, so the grid can show it as a letter and not by colour alone.
import type { AttendanceDay } from "../../api/attendance.ts";
import { addDaysIso } from "../../components/format.ts";

export type AbsenceKind = "sick" | "authorized" | "unauthorized" | "late";

export interface CalendarCell {
  date: string;
  /** null: no school day (weekend in the grid, holiday, closed, not enrolled or not yet). */
  day: DaySummary | null;
}

export interface DaySummary {
  date: string;
  scheduled: number;
  absent: number;
  sick: number | null;
  authorized: number | null;
  unauthorized: number;
  late: number;
  lateCount: number;
  /** 0–100, rounded. */
  percentage: number;
  /** 0: not absent, 1: up to a quarter … 4: (almost) the whole day. */
  level: 0 | 1 | 2 | 3 | 4;
  kind: AbsenceKind | null;
}

export interface CalendarWeek {
  monday: string;
  /** Monday … Friday. */
  cells: CalendarCell[];
}

function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
}

export function mondayOf(iso: string): string {
  return addDaysIso(iso, -weekdayIndex(iso));
}

export function levelOf(absent: number, scheduled: number): DaySummary["level"] {
  if (absent <= 0) return 0;
  const share = scheduled > 0 ? absent / scheduled : 1;
  if (share <= 0.25) return 1;
  if (share <= 0.5) return 2;
  if (share <= 0.75) return 3;
  return 4;
}

/** One summary per date (a pupil at two schools on one date: the minutes added up). */
export function summarise(days: readonly AttendanceDay[]): Map<string, DaySummary> {
  const byDate = new Map<string, DaySummary>();
  for (const d of days) {
    const prev = byDate.get(d.date);
    const sick = d.sick_minutes === null ? null : d.sick_minutes + (prev?.sick ?? 0);
    const authorized =
      d.authorized_minutes === null ? null : d.authorized_minutes + (prev?.authorized ?? 0);
    const unauthorized = d.unauthorized_minutes + (prev?.unauthorized ?? 0);
    const scheduled = d.scheduled_minutes + (prev?.scheduled ?? 0);
    const absent = (sick ?? 0) + (authorized ?? 0) + unauthorized;
    const late = d.late_minutes + (prev?.late ?? 0);
    const lateCount = d.late_count + (prev?.lateCount ?? 0);
    const weights: [AbsenceKind, number][] = [
      ["sick", sick ?? 0],
      ["authorized", authorized ?? 0],
      ["unauthorized", unauthorized],
    ];
    const heaviest = weights.reduce((a, b) => (b[1] > a[1] ? b : a));
    byDate.set(d.date, {
      date: d.date,
      scheduled,
      absent,
      sick,
      authorized,
      unauthorized,
      late,
      lateCount,
      percentage: scheduled > 0 ? Math.min(100, Math.round((absent / scheduled) * 100)) : 0,
      level: levelOf(absent, scheduled),
      kind: heaviest[1] > 0 ? heaviest[0] : lateCount > 0 ? "late" : null,
    });
  }
  return byDate;
}

/** The weeks from the one holding `from` to the one holding `to`, Monday to Friday. */
export function buildWeeks(
  from: string,
  to: string,
  summaries: ReadonlyMap<string, DaySummary>,
): CalendarWeek[] {
  const weeks: CalendarWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDaysIso(monday, 7)) {
    const cells = [0, 1, 2, 3, 4].map((i) => {
      const date = addDaysIso(monday, i);
      return { date, day: summaries.get(date) ?? null };
    });
    weeks.push({ monday, cells });
  }
  return weeks;
}

export interface Totals {
  schoolDays: number;
  daysWithAbsence: number;
  scheduled: number;
  absent: number;
  sick: number | null;
  authorized: number | null;
  unauthorized: number;
  lateCount: number;
}

export function totalsOf(summaries: Iterable<DaySummary>): Totals {
  const totals: Totals = {
    schoolDays: 0,
    daysWithAbsence: 0,
    scheduled: 0,
    absent: 0,
    sick: 0,
    authorized: 0,
    unauthorized: 0,
    lateCount: 0,
  };
  for (const d of summaries) {
    totals.schoolDays += 1;
    if (d.absent > 0) totals.daysWithAbsence += 1;
    totals.scheduled += d.scheduled;
    totals.absent += d.absent;
    totals.sick = d.sick === null || totals.sick === null ? null : totals.sick + d.sick;
    totals.authorized =
      d.authorized === null || totals.authorized === null ? null : totals.authorized + d.authorized;
    totals.unauthorized += d.unauthorized;
    totals.lateCount += d.lateCount;
  }
  return totals;
}

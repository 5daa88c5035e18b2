// domain.md §3 "Hours": a row for a numbered lesson counts as 1 hour when it is 60 minutes or
// less (the Inspectie counts VO lessons of at most 60 minutes as hours) and as minutes/60 when
// longer; any other row (`am`, `pm`, `day`) counts as minutes/60 (clock hours, as in PO).
//
// Hours are kept as integer "hour units" of 1/60 hour so that sums and the ≥ 16 h comparison
// are exact (no floating-point drift from 70/60 + 50/60 + …).

export const HOUR_UNITS_PER_HOUR = 60;

export function isNumberedLesson(period: string): boolean {
  // Periods are `1`…`10`, `am`, `pm` or `day` (interfaces.md): a leading digit decides.
  const c = period.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Hour units (1/60 h) of one absence row. A row of 0 minutes records no absence: 0 units. */
export function hourUnitsOfRow(period: string, minutes: number): number {
  if (minutes <= 0) return 0;
  if (isNumberedLesson(period) && minutes <= 60) return HOUR_UNITS_PER_HOUR;
  return minutes;
}

export function hoursFromUnits(units: number): number {
  return units / HOUR_UNITS_PER_HOUR;
}

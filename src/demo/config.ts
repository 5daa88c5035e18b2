// The demo region's fixed settings. The demo's attendance year is one school year; change
// DEMO_SCHOOL_YEAR_START (and add that year's holidays to calendars.ts) to move the demo.

/** First calendar year of the demo school year: 2025 means 2025-08-01 … 2026-07-31. */
export const DEMO_SCHOOL_YEAR_START = 2025;

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_PUPILS = 10_000;

export function schoolYearBounds(startYear: number): { start: string; end: string } {
  return { start: `${startYear}-08-01`, end: `${startYear + 1}-07-31` };
}

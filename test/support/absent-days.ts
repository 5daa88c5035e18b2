// Test support for the signal-state, DUO report and job tests: unauthorized absence as whole
// days on the calendar of test/support/case-region.ts (seedCaseRegion: 300 minutes a day, PO,
// holiday region zuid), so each day counts 5 hours toward LEGAL_16H.
import type { Database } from "../../src/db/connect.ts";
import { addDays, type IsoDate, isoWeekday } from "../../src/domain/calendar/dates.ts";

/** Weekdays from `from` to `to` inclusive (the fixture region has no closure in March–April 2026). */
export function weekdays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

/** One `day` row per date with the whole day (300 minutes) absent for `reason`. */
export async function absentDays(
  db: Database,
  pupilId: string,
  schoolId: string,
  dates: readonly IsoDate[],
  reason = "unreported",
): Promise<void> {
  if (dates.length === 0) return;
  await db.sql.query(
    `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
     select $1, d::date, 'day', $2, 300, $3 from unnest($4::text[]) as d
     on conflict (pupil_id, date, period) do update set reason = excluded.reason,
       minutes = excluded.minutes, updated_at = now()`,
    [pupilId, schoolId, reason, dates],
  );
}

// interfaces.md "Canonical CSV files" → attendance (natural key pupil_id, date, period).
// A row is valid only on a school day of its school and within that day's scheduled minutes.

import type { TxClient } from "../../db/connect.ts";
import {
  buildSchoolCalendars,
  type Closure,
  type HolidayRegion,
  type SchoolCalendar,
} from "../../domain/calendar/school-calendar.ts";
import { checkExemptUnderSix, checkMinutesPerDay, writeAttendance } from "../attendance.ts";
import { PERIODS, REASONS } from "../codes.ts";
import type { KindSpec, RowValidator } from "../kind-spec.ts";
import { messages } from "../messages.ts";
import { missingReferences } from "../stage-sql.ts";

const MINUTES_PER_DAY = 24 * 60;

/** What the row validator needs: every school's timetable and every closure (small sets). */
export interface AttendanceContext {
  schools: { school_id: string; holiday_region: string; minutes: number[] }[];
  closures: Closure[];
}

export async function loadAttendanceContext(tx: TxClient): Promise<AttendanceContext> {
  const schools = await tx.query<AttendanceContext["schools"][number]>(
    `SELECT school_id, holiday_region,
            ARRAY[minutes_mon, minutes_tue, minutes_wed, minutes_thu, minutes_fri] AS minutes
     FROM schools`,
  );
  const closures = await tx.query<Closure>(
    `SELECT scope, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
            to_char(end_date, 'YYYY-MM-DD') AS "endDate", name
     FROM closures`,
  );
  return { schools, closures };
}

/** Every school's calendar: schools and closures are small next to the attendance rows. */
export function schoolCalendars({
  schools,
  closures,
}: AttendanceContext): Map<string, SchoolCalendar> {
  return buildSchoolCalendars(
    schools.map((school) => ({
      schoolId: school.school_id,
      holidayRegion: school.holiday_region as HolidayRegion,
      minutesByWeekday: school.minutes as [number, number, number, number, number],
    })),
    closures,
  );
}

export const attendanceKind: KindSpec = {
  kind: "attendance",
  requiredColumns: ["pupil_id", "school_id", "date", "period", "minutes", "reason"],
  stageColumns: [
    { name: "pupil_id", type: "text" },
    { name: "school_id", type: "text" },
    { name: "date", type: "date" },
    { name: "period", type: "text" },
    { name: "minutes", type: "integer" },
    { name: "reason", type: "text" },
    { name: "note", type: "text" },
    // The school's scheduled minutes that day, for the per-day sum check in SQL.
    { name: "scheduled", type: "integer" },
  ],
  keyColumns: ["pupil_id", "date", "period"],
  async prepare(tx) {
    return attendanceValidator(await loadAttendanceContext(tx));
  },
  loadContext: loadAttendanceContext,
  validatorFor: (context) => attendanceValidator(context as AttendanceContext),
  checks: [
    (tx, stage) =>
      missingReferences(
        tx,
        stage,
        "pupil_id",
        "EXISTS (SELECT 1 FROM pupils p WHERE p.pupil_id = s.pupil_id)",
        messages.unknownPupil,
      ),
    checkExemptUnderSix,
    checkMinutesPerDay,
  ],
  write: writeAttendance,
};

function attendanceValidator(context: AttendanceContext): RowValidator {
  const calendars = schoolCalendars(context);
  return (row) => {
    const pupil = row.personId("pupil_id");
    const schoolFailures = row.failures;
    const school = row.schoolId("school_id");
    const calendar = calendars.get(school);
    if (row.failures === schoolFailures && calendar === undefined) {
      row.fail("school_id", messages.unknownSchool(school));
    }
    const failuresBefore = row.failures;
    const date = row.date("date");
    const dateOk = row.failures === failuresBefore;
    const period = row.code("period", PERIODS);
    const minutes = row.count("minutes", MINUTES_PER_DAY);
    const reason = row.code("reason", REASONS);
    const note = row.optionalFreeText("note");
    let scheduled = 0;
    if (calendar !== undefined && dateOk) {
      scheduled = calendar.scheduledMinutes(date);
      if (scheduled === 0) row.fail("date", messages.notSchoolDay(date, school));
      else if (minutes > scheduled) {
        row.fail("minutes", messages.exceedsScheduled(minutes, scheduled, date));
      }
    }
    return row.ok ? [pupil, school, date, period, minutes, reason, note, scheduled] : undefined;
  };
}

// What the case layer needs to know about a pupil and a school: residence, birth date,
// enrolments (for access by school) and the school's calendar (for the case clock).
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import {
  buildSchoolCalendar,
  type HolidayRegion,
  type SchoolCalendar,
} from "../../domain/calendar/school-calendar.ts";
import type { Orm } from "../connect.ts";
import { roleAssignments, users } from "../schema/access.ts";
import { closures, enrolments, pupils, schools } from "../schema/region.ts";

export interface PupilFile {
  pupilId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
  enrolments: { schoolId: string; startDate: string; endDate: string | null }[];
}

export async function loadPupilFiles(
  orm: Orm,
  pupilIds: readonly string[],
): Promise<Map<string, PupilFile>> {
  const files = new Map<string, PupilFile>();
  if (pupilIds.length === 0) return files;
  const ids = [...new Set(pupilIds)];
  const rows = await orm
    .select({
      pupilId: pupils.pupilId,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      birthDate: pupils.birthDate,
      municipality: pupils.municipality,
    })
    .from(pupils)
    .where(inArray(pupils.pupilId, ids));
  for (const row of rows) files.set(row.pupilId, { ...row, enrolments: [] });
  const enrolled = await orm
    .select({
      pupilId: enrolments.pupilId,
      schoolId: enrolments.schoolId,
      startDate: enrolments.startDate,
      endDate: enrolments.endDate,
    })
    .from(enrolments)
    .where(inArray(enrolments.pupilId, ids))
    .orderBy(asc(enrolments.startDate));
  for (const e of enrolled) files.get(e.pupilId)?.enrolments.push(e);
  return files;
}

export async function loadPupilFile(orm: Orm, pupilId: string): Promise<PupilFile | undefined> {
  return (await loadPupilFiles(orm, [pupilId])).get(pupilId);
}

export async function loadSchoolCalendar(
  orm: Orm,
  schoolId: string,
): Promise<SchoolCalendar | undefined> {
  const [school] = await orm.select().from(schools).where(eq(schools.schoolId, schoolId));
  if (!school) return undefined;
  const rows = await orm
    .select()
    .from(closures)
    .where(
      or(
        eq(closures.scope, "all"),
        eq(closures.scope, school.holidayRegion),
        eq(closures.scope, school.schoolId),
      ),
    );
  return buildSchoolCalendar(
    {
      schoolId: school.schoolId,
      holidayRegion: school.holidayRegion as HolidayRegion,
      minutesByWeekday: [
        school.minutesMon,
        school.minutesTue,
        school.minutesWed,
        school.minutesThu,
        school.minutesFri,
      ],
    },
    rows,
  );
}

/** Calendars per school, loaded once for many cases (the daily job, the case list). */
export async function loadSchoolCalendars(
  orm: Orm,
  schoolIds: readonly string[],
): Promise<Map<string, SchoolCalendar>> {
  const calendars = new Map<string, SchoolCalendar>();
  for (const id of new Set(schoolIds)) {
    const calendar = await loadSchoolCalendar(orm, id);
    if (calendar) calendars.set(id, calendar);
  }
  return calendars;
}

/** The case directors (casusregisseurs) mandated for a municipality, in a stable order. */
export async function caseDirectorsOf(orm: Orm, municipality: string): Promise<string[]> {
  const rows = await orm
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, "case_director"),
        eq(roleAssignments.municipality, municipality),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(roleAssignments.userId));
  return rows.map((r) => r.userId);
}

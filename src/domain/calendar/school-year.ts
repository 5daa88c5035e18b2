// domain.md §4 ("since the start of the school year": 1 August) and §2 (staff see their own
// school's pupils): the schools a pupil belongs to in a school year, for access by school.
import type { IsoDate } from "./dates.ts";

export interface EnrolmentSpan {
  schoolId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/**
 * Schools of enrolments active at some time in the school year of `today` (1 August – 31 July):
 * a school keeps seeing a pupil who left during the year.
 */
export function schoolsOfSchoolYear(
  enrolments: readonly EnrolmentSpan[],
  today: IsoDate,
): string[] {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5, 7) >= "08" ? year : year - 1;
  const yearStart = `${startYear}-08-01`;
  const yearEnd = `${startYear + 1}-07-31`;
  return [
    ...new Set(
      enrolments
        .filter((e) => e.startDate <= yearEnd && (e.endDate === null || e.endDate >= yearStart))
        .map((e) => e.schoolId),
    ),
  ];
}

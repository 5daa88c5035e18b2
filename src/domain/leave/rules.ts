// domain.md §4, the last paragraph: leave requests (verlof, Leerplichtwet art. 11/13a/14) are
// decided by the school head up to 10 school days and by leerplicht above that; a holiday for the
// parent's job (art. 13a) at most once a school year, at most 10 days (school days of the
// pupil's school), never in the first 2 lesweken of the school year. Pure: the caller brings the
// school's calendar and the pupil's earlier approved requests.
import {
  dayNumber,
  fromDayNumber,
  type IsoDate,
  mondayOfDay,
  schoolYearStartOfDay,
} from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";

/** art. 13a: a holiday outside the school holidays because of the parent's job; art. 14: other important circumstances. */
export const LEAVE_KINDS = ["job_holiday", "important_circumstances"] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const LEAVE_STATUSES = ["requested", "approved", "refused"] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** Who decides: the school head up to 10 school days, leerplicht above that (§4). */
export type LeaveDecider = "school_head" | "attendance_officer";

export const HEAD_DECIDES_UP_TO_SCHOOL_DAYS = 10;
export const JOB_HOLIDAY_MAX_SCHOOL_DAYS = 10;
export const JOB_HOLIDAY_NOT_IN_FIRST_LESWEKEN = 2;

export type LeaveRuleViolation =
  | "end_before_start"
  | "no_school_days"
  | "job_holiday_too_long"
  | "job_holiday_first_lesweken"
  | "job_holiday_once_a_year";

/**
 * The reasons in the words of the decision (stored with a refusal, read in the letter of issue 16).
 * The web shows the same sentences (web/src/i18n/nl/problems.ts takes them from here).
 */
export const LEAVE_RULE_TEXT_NL: Record<LeaveRuleViolation, string> = {
  end_before_start: "De einddatum ligt vóór de begindatum.",
  no_school_days: "In deze periode valt geen schooldag; er is geen verlof nodig.",
  job_holiday_too_long:
    "Vakantieverlof wegens het beroep van een ouder (art. 13a) is ten hoogste 10 schooldagen.",
  job_holiday_first_lesweken:
    "Vakantieverlof (art. 13a) kan niet in de eerste twee lesweken van het schooljaar.",
  job_holiday_once_a_year:
    "Vakantieverlof (art. 13a) kan maar één keer per schooljaar; dit schooljaar is het al verleend.",
};

/** The route of objection every decision names (Awb: bezwaar binnen 6 weken). */
export const OBJECTION_ROUTE_NL =
  "Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken na de datum van dit besluit " +
  "bezwaar maken bij degene die het besluit nam (de directeur van de school of de " +
  "leerplichtambtenaar), met uw naam, de datum, het besluit waartegen u bezwaar maakt en uw redenen.";

export interface LeavePeriod {
  kind: LeaveKind;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** School days of the pupil's school in [start, end]: the length the law counts. */
export function schoolDaysOfLeave(
  calendar: SchoolCalendar,
  startDate: IsoDate,
  endDate: IsoDate,
): number {
  let n = 0;
  for (let d = dayNumber(startDate); d <= dayNumber(endDate); d++) {
    if (calendar.isSchoolDayNumber(d)) n++;
  }
  return n;
}

export function deciderOf(schoolDays: number): LeaveDecider {
  return schoolDays <= HEAD_DECIDES_UP_TO_SCHOOL_DAYS ? "school_head" : "attendance_officer";
}

/**
 * The first n lesweken of the school year that contains `date` (§3: an ISO week with a school
 * day; the school year starts on 1 August): Monday of the first to Sunday of the n-th.
 */
export function firstLesweken(
  calendar: SchoolCalendar,
  date: IsoDate,
  n: number,
): { from: IsoDate; to: IsoDate } | null {
  const yearStart = schoolYearStartOfDay(dayNumber(date));
  const mondays: number[] = [];
  // A school year has its first lesweken within a few months of 1 August.
  for (let monday = mondayOfDay(yearStart); mondays.length < n && monday < yearStart + 200; ) {
    let schoolDay = false;
    for (let k = 0; k < 7 && !schoolDay; k++) {
      const d = monday + k;
      if (d >= yearStart && calendar.isSchoolDayNumber(d)) schoolDay = true;
    }
    if (schoolDay) mondays.push(monday);
    monday += 7;
  }
  if (mondays.length === 0) return null;
  return {
    from: fromDayNumber(Math.max(mondays[0]!, yearStart)),
    to: fromDayNumber(mondays[mondays.length - 1]! + 6),
  };
}

function schoolYearOf(date: IsoDate): number {
  return schoolYearStartOfDay(dayNumber(date));
}

export interface LeaveCheck {
  schoolDays: number;
  decider: LeaveDecider;
  /** Empty: the request may be approved. */
  violations: LeaveRuleViolation[];
}

/**
 * Checks a request against §4. `approvedBefore`: the pupil's other approved requests (any
 * school), for "once a school year".
 */
export function checkLeaveRequest(
  request: LeavePeriod,
  calendar: SchoolCalendar,
  approvedBefore: readonly LeavePeriod[],
): LeaveCheck {
  if (request.endDate < request.startDate) {
    return { schoolDays: 0, decider: "school_head", violations: ["end_before_start"] };
  }
  const schoolDays = schoolDaysOfLeave(calendar, request.startDate, request.endDate);
  const violations: LeaveRuleViolation[] = [];
  if (schoolDays === 0) violations.push("no_school_days");
  if (request.kind === "job_holiday") {
    if (schoolDays > JOB_HOLIDAY_MAX_SCHOOL_DAYS) violations.push("job_holiday_too_long");
    if (overlapsFirstLesweken(calendar, request)) violations.push("job_holiday_first_lesweken");
    const year = schoolYearOf(request.startDate);
    if (approvedBefore.some((a) => a.kind === "job_holiday" && schoolYearOf(a.startDate) === year))
      violations.push("job_holiday_once_a_year");
  }
  return { schoolDays, decider: deciderOf(schoolDays), violations };
}

/** Whether the period touches the first 2 lesweken of the school year of its start or its end. */
function overlapsFirstLesweken(calendar: SchoolCalendar, period: LeavePeriod): boolean {
  for (const date of [period.startDate, period.endDate]) {
    const first = firstLesweken(calendar, date, JOB_HOLIDAY_NOT_IN_FIRST_LESWEKEN);
    if (first && period.startDate <= first.to && period.endDate >= first.from) return true;
  }
  return false;
}

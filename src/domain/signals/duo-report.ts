// domain.md §4 "LEGAL_16H additionally opens a reporting duty" (Leerplichtwet art. 21a, Besluit
// verzuimmelding): which absence reports (verzuimmeldingen) to DUO a unit's records call for.
// - A report's start date is the first day of the counted absence, its end date the day the
//   16 hours (hours rule of §3, within the 4 most recent lesweken) were reached; counting
//   restarts the day after: the next report counts only absence after the previous end date.
// - Continuous absence (no school day without unauthorized absence between the previous end
//   date and the next counted absence) may be reported again at most once per 7 calendar days
//   and at most 4 times; after the 4th repeat the absence is not reported again until it breaks.
// - The suspected type: `18plus` (18 or older at the end date), `langdurig_relatief` (a
//   continuous absence running more than 4 weeks), `luxe` (most counted minutes `luxury`),
//   otherwise `16_uur`. `overig` (repeated late arrival, sickness as cover-up) is the school's
//   choice by hand.
import { ageInYearsOnDay } from "../calendar/ages.ts";
import { dayNumber, fromDayNumber, type IsoDate, isoWeekdayOfDay } from "../calendar/dates.ts";
import { HOUR_UNITS_PER_HOUR } from "../calendar/hours.ts";
import { lesweekenUpTo, type SchoolDays, schoolDaysBetween } from "../calendar/school-days.ts";

export const DUO_REPORT_TYPES = [
  "16_uur",
  "langdurig_relatief",
  "luxe",
  "18plus",
  "overig",
] as const;
export type DuoReportType = (typeof DUO_REPORT_TYPES)[number];

export const REPORT_HOURS = 16;
export const REPEAT_AFTER_DAYS = 7;
export const MAX_REPEATS = 4;
export const LONG_ABSENCE_DAYS = 28;
export const DUE_WORKING_DAYS = 5;

/** One school day (inside an enrolment) with unauthorized absence. */
export interface AbsenceDay {
  day: number;
  /** Unauthorized hours in units of 1/60 hour (§3). */
  hourUnits: number;
  unauthorizedMinutes: number;
  luxuryMinutes: number;
  scheduledMinutes: number;
}

/** A report already stored (not withdrawn): counting resumes after the latest end date. */
export interface EarlierReport {
  startDate: IsoDate;
  endDate: IsoDate;
  repeatNumber: number;
  /** Start date of the first report of its continuous absence. */
  chainStartDate: IsoDate;
}

export interface ReportDutyInput {
  school: SchoolDays;
  birthDate: IsoDate;
  /** Ascending by day. */
  days: readonly AbsenceDay[];
  earlier: readonly EarlierReport[];
  asOf: IsoDate;
  /** The profile's window of LEGAL_16H (default 4 lesweken) and threshold (16 h). */
  windowLesweken?: number;
  reportHours?: number;
}

export interface PreparedReport {
  type: DuoReportType;
  startDate: IsoDate;
  endDate: IsoDate;
  repeatNumber: number;
  chainStartDate: IsoDate;
  dueDate: IsoDate;
  daysAbsent: number;
  hoursAbsent: number;
  unauthorizedMinutes: number;
  allLessonsMissed: boolean;
}

/** The 5th working day (Monday–Friday) after the end date: "onverwijld" as the Inspectie reads it. */
export function reportDueDate(endDate: IsoDate): IsoDate {
  let day = dayNumber(endDate);
  for (let n = 0; n < DUE_WORKING_DAYS; ) {
    day++;
    if (isoWeekdayOfDay(day) <= 5) n++;
  }
  return fromDayNumber(day);
}

/** Overdue: still a concept after its due date (so from the 6th working day on). */
export function isReportOverdue(report: { status: string; dueDate: IsoDate }, asOf: IsoDate) {
  return report.status === "concept" && asOf > report.dueDate;
}

/**
 * How a report stands against its due date (domain.md §4 reporting duty), so a screen never
 * calls a report that was not sent "reported late":
 *   - `due` / `overdue`: a concept, not sent yet — before or after its due date;
 *   - `on_time` / `sent_late`: sent to DUO (submitted on `submittedOn`) by or after its due date;
 *   - null: withdrawn, or sent on an unknown date.
 */
export type ReportTimeliness = "due" | "overdue" | "on_time" | "sent_late";

export function reportTimeliness(
  report: { status: string; dueDate: IsoDate; submittedOn: IsoDate | null },
  asOf: IsoDate,
): ReportTimeliness | null {
  if (report.status === "concept") return isReportOverdue(report, asOf) ? "overdue" : "due";
  if (report.status === "ingetrokken" || report.submittedOn === null) return null;
  return report.submittedOn > report.dueDate ? "sent_late" : "on_time";
}

interface Chain {
  start: number;
  end: number;
  repeat: number;
}

/** The reports the records call for after the earlier ones, up to D, oldest first. */
export function prepareReports(input: ReportDutyInput): PreparedReport[] {
  const { school, days } = input;
  const threshold = (input.reportHours ?? REPORT_HOURS) * HOUR_UNITS_PER_HOUR;
  const lesweken = input.windowLesweken ?? 4;
  const asOf = dayNumber(input.asOf);
  const birthDay = dayNumber(input.birthDate);
  let chain: Chain | null = null;
  for (const r of input.earlier) {
    const end = dayNumber(r.endDate);
    if (!chain || end > chain.end) {
      chain = { start: dayNumber(r.chainStartDate), end, repeat: r.repeatNumber };
    }
  }
  let countFrom = chain ? chain.end + 1 : Number.NEGATIVE_INFINITY;
  const out: PreparedReport[] = [];
  for (let i = 0; i < days.length && days[i]!.day <= asOf; i++) {
    const d = days[i]!.day;
    if (d < countFrom) continue;
    const windowStart = lesweekenUpTo(school, d, lesweken)[0];
    if (windowStart === undefined) continue;
    const from = Math.max(windowStart, countFrom);
    let units = 0;
    let first = i;
    for (let k = i; k >= 0 && days[k]!.day >= from; k--) {
      units += days[k]!.hourUnits;
      first = k;
    }
    if (units < threshold) continue;
    const start = days[first]!.day;
    const continuous = chain !== null && schoolDaysBetween(school, chain.end + 1, start - 1) === 0;
    if (continuous && chain!.repeat >= MAX_REPEATS) {
      // Reported 1 + 4 times: counting goes on silently while the absence stays unbroken.
      chain = { ...chain!, end: d };
      countFrom = d + 1;
      continue;
    }
    if (continuous && d < chain!.end + REPEAT_AFTER_DAYS) continue;
    chain = continuous
      ? { ...chain!, end: d, repeat: chain!.repeat + 1 }
      : { start, end: d, repeat: 0 };
    out.push(describe(days.slice(first, i + 1), school, start, d, chain, birthDay, units));
    countFrom = d + 1;
  }
  return out;
}

function describe(
  counted: readonly AbsenceDay[],
  school: SchoolDays,
  start: number,
  end: number,
  chain: Chain,
  birthDay: number,
  units: number,
): PreparedReport {
  let minutes = 0;
  let luxury = 0;
  let fullDays = 0;
  for (const c of counted) {
    minutes += c.unauthorizedMinutes;
    luxury += c.luxuryMinutes;
    if (c.scheduledMinutes > 0 && c.unauthorizedMinutes >= c.scheduledMinutes) fullDays++;
  }
  const type: DuoReportType =
    ageInYearsOnDay(birthDay, end) >= 18
      ? "18plus"
      : chain.repeat > 0 && end - chain.start > LONG_ABSENCE_DAYS
        ? "langdurig_relatief"
        : luxury * 2 > minutes
          ? "luxe"
          : "16_uur";
  const endDate = fromDayNumber(end);
  return {
    type,
    startDate: fromDayNumber(start),
    endDate,
    repeatNumber: chain.repeat,
    chainStartDate: fromDayNumber(chain.start),
    dueDate: reportDueDate(endDate),
    daysAbsent: counted.length,
    hoursAbsent: Math.round((units / HOUR_UNITS_PER_HOUR) * 100) / 100,
    unauthorizedMinutes: minutes,
    allLessonsMissed: fullDays === schoolDaysBetween(school, start, end),
  };
}

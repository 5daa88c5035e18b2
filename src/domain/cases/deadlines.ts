// domain.md §5, the deadline table: every deadline of a case computed from the case, its
// school's calendar, the recorded events and the plan, with due date, status and who is
// responsible. Readings (docs/cases.md):
//   - mentor contact: due on the absence start; when the absence started as a sick report, on
//     the 3rd school day of it ("uiterlijk na 3 ziektedagen"); never before the case's opening:
//     §5's SCHOOL row puts it among what must happen once the case is entered ("on opening …
//     mentor contacts pupil and parents the same day"), so a case opened after that day has it
//     due on the opening day — due today, not already late (issue 11 item 4a);
//   - the other one-off deadlines count from the case start (opening date); contact recorded
//     from the absence start onwards counts, also when it happened before the case was opened;
//   - a one-off deadline is `met` once its event happened (`onTime` tells whether by the due
//     date, for the KPIs), `overdue` after the due date without it, `open` before;
//   - recurring reviews are never `met`: each review moves the next due date; the weekly school
//     review exists only while the case is in SCHOOL (from the opening or the de-escalation);
//   - a closed case is evaluated at its closing date: its obligations ended there. What was
//     missed before stays `overdue` (the KPIs count it missed); what was still open is dropped,
//     and a closed case has no next deadline (nextDeadline; issue 11 item 4b).
import { addDays, type IsoDate } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { RoleCode } from "../policy/roles.ts";
import { guaranteeState, threeMonthDueDate } from "./guarantee.ts";
import { activeParticipants, type Case } from "./model.ts";
import { addCalendarMonths } from "./months.ts";
import { goalsSetOn, type Plan } from "./plan.ts";

/** The events a professional records (domain.md §5's deadline table: contacts, visits, reviews). */
export const RECORDABLE_EVENT_KINDS = [
  "mentor_contact",
  "professional_contact",
  "partner_conversation",
  "home_visit",
  "first_conversation",
  "school_review",
  "director_review",
] as const;

export type CaseEventKind =
  | (typeof RECORDABLE_EVENT_KINDS)[number]
  /** Recorded by the system, meets no deadline: a partner's access came back with consent (b). */
  | "access_restored";

/** Something that happened in the case and satisfies a deadline. */
export interface CaseEvent {
  kind: CaseEventKind;
  date: IsoDate;
  personId: string;
}

export const DEADLINE_CODES = [
  "mentor_contact",
  "first_professional_contact",
  "partner_conversation",
  "first_conversation",
  "smart_goals",
  "weekly_school_review",
  "monthly_director_review",
  "three_month_guarantee",
] as const;

export type DeadlineCode = (typeof DEADLINE_CODES)[number];

/** `at_risk` and `breached` belong to the 3-month guarantee only. */
export type DeadlineStatus = "open" | "met" | "overdue" | "at_risk" | "breached";

export interface Deadline {
  code: DeadlineCode;
  dueDate: IsoDate;
  status: DeadlineStatus;
  metOn?: IsoDate;
  onTime?: boolean;
  responsible: { role: RoleCode; personId: string | null };
  /** The KPI target of seed 002 as a fraction of cases, where the table names one. */
  kpiTarget?: number;
}

export const SICK_DAYS_BEFORE_MENTOR_CONTACT = 3;
const PARTNER_ROLES: readonly RoleCode[] = ["youth_care", "partnership_consultant", "youth_doctor"];

function nthSchoolDayFrom(calendar: SchoolCalendar, start: IsoDate, n: number): IsoDate {
  let seen = 0;
  for (let offset = 0; offset < 366; offset++) {
    const date = addDays(start, offset);
    if (calendar.isSchoolDay(date) && ++seen === n) return date;
  }
  return start; // a calendar without school days: fall back to the start itself
}

function firstEvent(
  events: readonly CaseEvent[],
  kinds: readonly CaseEventKind[],
  from: IsoDate,
  asOf: IsoDate,
): IsoDate | undefined {
  return events
    .filter((e) => kinds.includes(e.kind) && e.date >= from && e.date <= asOf)
    .map((e) => e.date)
    .sort()[0];
}

function lastEvent(
  events: readonly CaseEvent[],
  kind: CaseEventKind,
  from: IsoDate,
  asOf: IsoDate,
): IsoDate | undefined {
  return events
    .filter((e) => e.kind === kind && e.date >= from && e.date <= asOf)
    .map((e) => e.date)
    .sort()
    .at(-1);
}

function oneOff(
  code: DeadlineCode,
  dueDate: IsoDate,
  metOn: IsoDate | undefined,
  asOf: IsoDate,
  responsible: Deadline["responsible"],
  kpiTarget?: number,
): Deadline {
  const base = { code, dueDate, responsible, ...(kpiTarget === undefined ? {} : { kpiTarget }) };
  if (metOn !== undefined) return { ...base, status: "met", metOn, onTime: metOn <= dueDate };
  return { ...base, status: asOf > dueDate ? "overdue" : "open" };
}

function recurring(
  code: DeadlineCode,
  dueDate: IsoDate,
  asOf: IsoDate,
  responsible: Deadline["responsible"],
): Deadline {
  return { code, dueDate, status: asOf > dueDate ? "overdue" : "open", responsible };
}

/** The first active participant with one of the roles, as the responsible person. */
function holder(c: Case, roles: readonly RoleCode[]): Deadline["responsible"] {
  if (roles.includes(c.owner.role)) return { role: c.owner.role, personId: c.owner.personId };
  const person = activeParticipants(c).find((p) => roles.includes(p.role));
  return person
    ? { role: person.role, personId: person.personId }
    : { role: roles[0]!, personId: null };
}

/** The day the current stay in SCHOOL began: the opening, or the last de-escalation to SCHOOL. */
function schoolPhaseStart(c: Case): IsoDate {
  return c.history.filter((r) => r.to === "SCHOOL" && r.from !== "SCHOOL").at(-1)?.at ?? c.openedAt;
}

export interface DeadlineInputs {
  events: readonly CaseEvent[];
  plan: Plan;
}

export function caseDeadlines(
  c: Case,
  calendar: SchoolCalendar,
  asOfDate: IsoDate,
  inputs: DeadlineInputs,
): Deadline[] {
  const asOf = c.closing && c.closing.closedAt < asOfDate ? c.closing.closedAt : asOfDate;
  const { events } = inputs;
  const from = c.absenceStartDate;
  const owner = { role: c.owner.role, personId: c.owner.personId };
  const absenceDue = c.absenceStartedSick
    ? nthSchoolDayFrom(calendar, from, SICK_DAYS_BEFORE_MENTOR_CONTACT)
    : from;
  const mentorDue = [absenceDue, c.openedAt].sort()[1] as IsoDate; // the later of the two
  const goalsOn = goalsSetOn(inputs.plan);

  const deadlines: Deadline[] = [
    oneOff(
      "mentor_contact",
      mentorDue,
      firstEvent(events, ["mentor_contact"], from, asOf),
      asOf,
      holder(c, ["teacher"]),
    ),
    oneOff(
      "first_professional_contact",
      addDays(c.openedAt, 7),
      firstEvent(events, ["professional_contact"], from, asOf),
      asOf,
      owner,
      0.8,
    ),
    oneOff(
      "partner_conversation",
      addDays(c.openedAt, 14),
      firstEvent(events, ["partner_conversation", "home_visit"], from, asOf),
      asOf,
      holder(c, PARTNER_ROLES),
    ),
    oneOff(
      "first_conversation",
      addDays(c.openedAt, 14),
      firstEvent(events, ["first_conversation"], from, asOf),
      asOf,
      holder(c, ["attendance_officer"]),
      1,
    ),
    oneOff(
      "smart_goals",
      addCalendarMonths(c.openedAt, 1),
      goalsOn !== undefined && goalsOn <= asOf ? goalsOn : undefined,
      asOf,
      owner,
      0.9,
    ),
  ];

  if (c.phase === "SCHOOL") {
    const start = schoolPhaseStart(c);
    const lastReview = lastEvent(events, "school_review", start, asOf);
    deadlines.push(
      recurring(
        "weekly_school_review",
        addDays(lastReview ?? start, 7),
        asOf,
        holder(c, ["care_coordinator"]),
      ),
    );
  }
  if (c.phase !== "CLOSED") {
    const lastReview = lastEvent(events, "director_review", c.openedAt, asOf);
    deadlines.push(
      recurring(
        "monthly_director_review",
        addCalendarMonths(lastReview ?? c.openedAt, 1),
        asOf,
        holder(c, ["case_director"]),
      ),
    );
  }

  const guarantee = guaranteeDeadline(c, asOf, owner);
  if (guarantee) deadlines.push(guarantee);
  return c.closing ? deadlines.filter((d) => d.status !== "open") : deadlines;
}

/**
 * The first deadline that needs attention: overdue/at-risk first, then the earliest open one.
 * A closed case has none: nothing is due any more.
 */
export function nextDeadline(c: Case, deadlines: readonly Deadline[]): Deadline | undefined {
  if (c.phase === "CLOSED" || c.closing) return undefined;
  const pending = deadlines.filter((d) => d.status !== "met" && d.status !== "breached");
  const urgent = pending.filter((d) => d.status === "overdue" || d.status === "at_risk");
  const pool = urgent.length > 0 ? urgent : pending;
  return [...pool].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0];
}

/** A closed case keeps what its closing recorded; without an offer needed (moved out) it has none. */
function guaranteeDeadline(
  c: Case,
  asOf: IsoDate,
  responsible: Deadline["responsible"],
): Deadline | undefined {
  const base = {
    code: "three_month_guarantee" as const,
    dueDate: threeMonthDueDate(c),
    responsible,
    kpiTarget: 0.8,
  };
  if (c.closing) {
    if (c.closing.guaranteeHeld === null) return undefined;
    if (!c.closing.guaranteeHeld) return { ...base, status: "breached" };
    return { ...base, status: "met", metOn: c.offerStartedOn ?? c.closing.closedAt, onTime: true };
  }
  const status = guaranteeState(c, asOf);
  if (status !== "met") return { ...base, status };
  return { ...base, status, metOn: c.offerStartedOn!, onTime: true };
}

// domain.md §3–§4: the plain-data shapes the signal rules read and the signals they return.
// Dates are 'YYYY-MM-DD' strings here; the rules turn them into day numbers once per unit.
import type { IsoDate } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";

export const ABSENCE_REASONS = [
  "sick",
  "medical",
  "leave",
  "religious",
  "suspended",
  "other_authorized",
  "unreported",
  "truant",
  "luxury",
  "late",
  "removed",
  "other_unauthorized",
  "exempt_11a",
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** "unauthorized" in the rules: the unauthorized reasons except `late` (domain.md §4). */
export const UNAUTHORIZED_REASONS: ReadonlySet<AbsenceReason> = new Set<AbsenceReason>([
  "unreported",
  "truant",
  "luxury",
  "removed",
  "other_unauthorized",
]);

export const SIGNAL_CODES = [
  "LEGAL_16H",
  "PREVENTIVE_10H",
  "SICK_FREQUENT",
  "SICK_LONG",
  "SICK_SPREAD",
  "SICK_NOTABLE",
  "LATE_REPEATED",
  "UNDER_50",
  "LONG_TERM_ABSENT",
  "PERSISTENT_10",
  "EARLY_YEARS_20",
  "ABSOLUTE",
  "EXEMPTION_5A_NO_ADVICE",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export function isSignalCode(value: string): value is SignalCode {
  return (SIGNAL_CODES as readonly string[]).includes(value);
}

export type EvidenceValue = number | string | boolean | null | readonly string[];
/** The numbers and dates that made a signal fire; keys in snake_case as in interfaces.md. */
export type Evidence = Readonly<Record<string, EvidenceValue>>;

export interface Signal {
  pupilId: string;
  /** The school whose records fired it; '' for ABSOLUTE and EXEMPTION_5A_NO_ADVICE. */
  schoolId: string;
  code: SignalCode;
  asOf: IsoDate;
  evidence: Evidence;
  /** `{ legal }` for LONG_TERM_ABSENT, otherwise empty. */
  attributes: Readonly<{ legal?: boolean }>;
}

/** A period of enrolment or exemption; active at D when start ≤ D and (no end or end ≥ D). */
export interface DatedPeriod {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface PupilFacts {
  id: string;
  birthDate: IsoDate;
  /** A known start qualification ends compulsory school age (domain.md §4). */
  startQualificationDate?: IsoDate | null;
}

/** One attendance row of the current row set (corrections already applied: one row per date and period). */
export interface AttendanceRecord {
  date: IsoDate;
  /** Lesson number `1`…`10`, `am`, `pm` or `day`. */
  period: string;
  /** Absent minutes; for `late`, minutes late; for `exempt_11a`, exempted minutes. */
  minutes: number;
  reason: AbsenceReason;
}

/**
 * A professional's hand-recorded observation of notable sickness (SICK_NOTABLE). It holds at D
 * when recorded on or before D and not ended before D (end date inclusive, like an enrolment).
 */
export interface SickNotableObservation {
  recordedOn: IsoDate;
  endDate?: IsoDate | null;
  /** Optional reference shown in the evidence (e.g. the observation's id). */
  reference?: string;
}

/**
 * Everything the attendance rules need for one (pupil, school) pair. Only this school's records:
 * a pupil at two schools is two units, each with its own calendar, enrolments and rows.
 */
export interface EvaluationUnit {
  pupil: PupilFacts;
  calendar: SchoolCalendar;
  /** The pupil's enrolments at this school; scheduled time exists only inside them. */
  enrolments: readonly DatedPeriod[];
  /** The pupil's attendance rows at this school (any dates; rules read those ≤ D). */
  attendance: readonly AttendanceRecord[];
  sickNotable?: readonly SickNotableObservation[];
}

export type ExemptionKind = "5a" | "5b" | "5c" | "15" | "3a" | "11";

export interface ExemptionRecord extends DatedPeriod {
  pupilId: string;
  kind: ExemptionKind;
  advicePartnership: boolean;
  adviceDoctor: boolean;
}

/** A person of the population register extract (ABSOLUTE). */
export interface PopulationPerson {
  id: string;
  birthDate: IsoDate;
  municipality: string;
  registeredFrom: IsoDate;
  startQualificationDate?: IsoDate | null;
}

export interface EnrolmentRecord extends DatedPeriod {
  pupilId: string;
  schoolId: string;
}

/** Input of the person-level rules (ABSOLUTE, EXEMPTION_5A_NO_ADVICE). */
export interface PopulationInput {
  persons: readonly PopulationPerson[];
  /** Enrolments at any school (only their dates matter here). */
  enrolments: readonly EnrolmentRecord[];
  exemptions: readonly ExemptionRecord[];
}

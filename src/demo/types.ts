// Plain records of the demo region, shaped like the canonical import files (interfaces.md)
// so the writer can bulk-load them and tests can check them without a database.
import type { Closure, HolidayRegion } from "../domain/calendar/school-calendar.ts";

export type DemoSector = "po" | "vo" | "so";

export interface DemoSchool {
  schoolId: string;
  name: string;
  sector: DemoSector;
  municipality: string;
  partnership: string;
  holidayRegion: HolidayRegion;
  minutesByWeekday: [number, number, number, number, number];
}

export type DemoClosure = Closure;

export interface DemoPupil {
  pupilId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
}

export interface DemoContact {
  pupilId: string;
  position: number;
  name: string;
  email: string;
  phone: string;
}

export interface DemoEnrolment {
  pupilId: string;
  schoolId: string;
  startDate: string;
  endDate: string | null;
  grade: string;
}

export interface DemoAttendance {
  pupilId: string;
  schoolId: string;
  date: string;
  period: string;
  minutes: number;
  reason: string;
  note: string | null;
}

export interface DemoPerson {
  personId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
  registeredFrom: string;
}

export type ExemptionKind = "5a" | "5b" | "5c" | "15" | "3a" | "11";

export interface DemoExemption {
  pupilId: string;
  kind: ExemptionKind;
  startDate: string;
  endDate: string | null;
  advicePartnership: boolean;
  adviceDoctor: boolean;
}

/** The attendance patterns a pupil can follow; `present` is the large majority. */
export type AttendancePattern =
  | "present"
  | "sporadic_sick"
  | "frequent_short_sick"
  | "long_sick"
  | "truancy"
  | "late_arrivals"
  | "partial_absence"
  | "long_term_absent_legal"
  | "long_term_absent_broad"
  | "luxury"
  | "suspended";

/**
 * A pupil or person whose situation is known by construction, so tests and later features
 * (cases, users) can pick them: the pattern, the school and the dates it covers.
 */
export interface DemoStory {
  personId: string;
  kind:
    | AttendancePattern
    | "exempt_11a"
    | "school_change"
    | "dropout"
    | "absolute_absence"
    | "exemption";
  schoolId: string | null;
  startDate: string;
  endDate: string;
  detail: string;
}

export interface DemoRegion {
  seed: number;
  schoolYear: { start: string; end: string };
  municipalities: { name: string; holidayRegion: HolidayRegion }[];
  partnerships: { code: string; name: string; sector: "po" | "vo" }[];
  schools: DemoSchool[];
  closures: DemoClosure[];
  pupils: DemoPupil[];
  contacts: DemoContact[];
  enrolments: DemoEnrolment[];
  attendance: DemoAttendance[];
  population: DemoPerson[];
  exemptions: DemoExemption[];
  stories: DemoStory[];
}

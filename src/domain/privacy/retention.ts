// domain.md §7 (Retention) and issue 18: how long each class of personal data is kept, as dates
// a job can compare with. Pure: the terms and the cut-off dates for a day; the database adapter
// (src/services/retention.ts) selects and removes what lies past them.
//
// - Absence reports (DUO verzuimmeldingen): 5 years after the report's end date (§7: "absence
//   reports 5 years", the police-data act's reading by Ingrado).
// - Case data: 5 years after the case was closed (issue 18; a case is part of the leerplicht
//   file, whose term below also has to have passed before the pupil's own record goes).
// - Attendance and signals: once the pupil's compulsory-education relevance has ended — past
//   compulsory school age (§4 "Precise readings": the day before the 18th birthday, or a known
//   start qualification), no longer enrolled at any school and no open case.
// - The pupil's own record (identity, contacts, enrolments, consent, exemptions, everything that
//   names the pupil): the leerplicht file is kept "until 19 years after the date of birth" (§7,
//   VNG selectielijst), and longer only while a case or an absence report is still within its
//   own term.
// - The audit trail: its own term, 5 years (NEN 7513 asks for a term the controller fixes; five
//   years covers the longest term above that an access could be questioned in).
// - Notifications (the bell and the mail outbox, issue 16): 1 year after they were raised. They
//   name a case by its reference and link to it; a reminder has done its work long before, and
//   the case file itself keeps what happened.
import { type IsoDate, isIsoDate } from "../calendar/dates.ts";

export const RETENTION_CLASSES = [
  "closed_case",
  "duo_report",
  "attendance_and_signals",
  "pupil",
  "audit_log",
  "notification",
] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export interface RetentionTerms {
  /** Years after a case's closing date. */
  closedCaseYears: number;
  /** Years after an absence report's end date. */
  duoReportYears: number;
  /** The pupil's age at which compulsory education (leerplicht + kwalificatieplicht) ends. */
  relevanceEndsAtAge: number;
  /** The pupil's age until which the leerplicht file is kept. */
  pupilFileUntilAge: number;
  /** Years an audit row is kept. */
  auditYears: number;
  /** Years a notification (in the app, with its mail's outbox state) is kept. */
  notificationYears: number;
}

export const DEFAULT_RETENTION_TERMS: RetentionTerms = {
  closedCaseYears: 5,
  duoReportYears: 5,
  relevanceEndsAtAge: 18,
  pupilFileUntilAge: 19,
  auditYears: 5,
  notificationYears: 1,
};

/** The term of each class in words, for the tombstone (no personal data). */
export function termText(kind: RetentionClass, terms: RetentionTerms): string {
  switch (kind) {
    case "closed_case":
      return `${terms.closedCaseYears} jaar na sluiting van de casus`;
    case "duo_report":
      return `${terms.duoReportYears} jaar na de einddatum van de verzuimmelding`;
    case "attendance_and_signals":
      return `na de leerplicht en kwalificatieplicht (${terms.relevanceEndsAtAge} jaar of startkwalificatie), niet meer ingeschreven, geen open casus`;
    case "pupil":
      return `tot ${terms.pupilFileUntilAge} jaar na de geboortedatum, en geen casus of verzuimmelding meer binnen haar termijn`;
    case "audit_log":
      return `${terms.auditYears} jaar na de registratie`;
    case "notification":
      return `${terms.notificationYears} jaar na de melding`;
  }
}

/**
 * The same calendar day `years` earlier; 29 February becomes 28 February in a common year. A
 * date X lies at least `years` years before `asOf` exactly when X ≤ yearsBefore(asOf, years):
 * someone born on 29 February 2008 turns 19 on 1 March 2027, and yearsBefore("2027-02-28", 19)
 * is 2008-02-28 (not yet), yearsBefore("2027-03-01", 19) is 2008-03-01 (reached).
 */
export function yearsBefore(asOf: IsoDate, years: number): IsoDate {
  if (!isIsoDate(asOf)) throw new RangeError(`not a date: ${asOf}`);
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`not a term: ${years}`);
  const year = Number(asOf.slice(0, 4)) - years;
  const month = asOf.slice(5, 7);
  let day = asOf.slice(8, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === "02" && day === "29" && !leap) day = "28";
  return `${String(year).padStart(4, "0")}-${month}-${day}`;
}

/** The cut-off dates of every class for a run on `asOf`: a record at or before one has expired. */
export interface RetentionCutoffs {
  asOf: IsoDate;
  /** Cases closed on or before this day. */
  casesClosedOnOrBefore: IsoDate;
  /** Absence reports that ended on or before this day. */
  duoReportsEndedOnOrBefore: IsoDate;
  /** Pupils born on or before this day are past compulsory school age (or a start qualification before asOf ends it). */
  relevanceBornOnOrBefore: IsoDate;
  /** Pupils born on or before this day are past the leerplicht file's term. */
  pupilFileBornOnOrBefore: IsoDate;
  /** Audit rows registered before this day (start of the day, Europe/Amsterdam is not needed: a day's margin). */
  auditBefore: IsoDate;
  /** Notifications raised before this day. */
  notificationsBefore: IsoDate;
}

export function retentionCutoffs(
  asOf: IsoDate,
  terms: RetentionTerms = DEFAULT_RETENTION_TERMS,
): RetentionCutoffs {
  return {
    asOf,
    casesClosedOnOrBefore: yearsBefore(asOf, terms.closedCaseYears),
    duoReportsEndedOnOrBefore: yearsBefore(asOf, terms.duoReportYears),
    relevanceBornOnOrBefore: yearsBefore(asOf, terms.relevanceEndsAtAge),
    pupilFileBornOnOrBefore: yearsBefore(asOf, terms.pupilFileUntilAge),
    auditBefore: yearsBefore(asOf, terms.auditYears),
    notificationsBefore: yearsBefore(asOf, terms.notificationYears),
  };
}

// Requests of data subjects (AVG art. 15–17 and 21; issue 18 part 2): the kinds a privacy officer
// registers, the one-month answer term, the steps of their handling, and when erasure is allowed.
// Pure: the database adapter is src/services/subject-requests.ts.
//
// - Access (art. 15): the export of everything held (src/services/subject-access*.ts).
// - Rectification (art. 16): an ordinary, audited correction in the screen that holds the record
//   (the import or the case); the request logs what was corrected.
// - Erasure (art. 17): the same procedure as retention, for one pupil, leaving a tombstone — but
//   only where the law allows: art. 17(3)(b) keeps what the region needs for its legal task
//   (Leerplichtwet 1969: registration of enrolment and absence, art. 18 and 21–22; the case file
//   while a case runs; a verzuimmelding within its own term, domain.md §7).
// - Objection (art. 21): the processing rests on a public task (art. 6(1)(e)); the privacy officer
//   weighs the objection and records the decision and its reasons.
import { addDays, type IsoDate, isIsoDate } from "../calendar/dates.ts";

export const REQUEST_KINDS = ["access", "rectification", "erasure", "objection"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUESTERS = ["parent", "pupil", "representative"] as const;
export type Requester = (typeof REQUESTERS)[number];

export const REQUEST_STATUSES = ["open", "completed", "refused"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STEPS = [
  "registered",
  "note",
  "exported",
  "rectified",
  "objection_decided",
  "erased",
  "completed",
  "refused",
] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** Steps the privacy officer records by hand (the others follow from an action). */
export const MANUAL_STEPS = ["note", "rectified", "objection_decided"] as const;
export type ManualStep = (typeof MANUAL_STEPS)[number];

/**
 * Art. 12(3): an answer "within one month of receipt of the request": the same day of the next
 * month, or that month's last day when it has no such day (31 January → 28/29 February).
 */
export function answerDueOn(receivedOn: IsoDate): IsoDate {
  if (!isIsoDate(receivedOn)) throw new RangeError(`not a date: ${receivedOn}`);
  let year = Number(receivedOn.slice(0, 4));
  let month = Number(receivedOn.slice(5, 7)) + 1;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const nextFirst =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const lastDay = Number(addDays(nextFirst, -1).slice(8, 10));
  const day = Math.min(Number(receivedOn.slice(8, 10)), lastDay);
  return `${first.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** What the database knows of the pupil that can keep their data against an erasure request. */
export interface ErasureFacts {
  /** Enrolments without an end, or ending on or after today. */
  currentEnrolments: number;
  /** Cases not closed. */
  openCases: number;
  /** Verzuimmeldingen whose own term (5 years after their end, §7) has not passed. */
  reportsWithinTerm: number;
}

/**
 * Why the law keeps the data (art. 17(3)(b), in Dutch for the privacy officer), or null when it
 * may be erased. Each reason says what holds the data and when that ends.
 */
export function erasureRefusal(facts: ErasureFacts): string | null {
  const reasons: string[] = [];
  if (facts.currentEnrolments > 0) {
    reasons.push(
      "de leerling staat ingeschreven op een school; de Leerplichtwet verplicht de registratie van inschrijving en verzuim zolang de inschrijving loopt",
    );
  }
  if (facts.openCases > 0) {
    reasons.push(
      "er loopt een casus; het dossier is nodig voor de wettelijke taak tot de casus is gesloten",
    );
  }
  if (facts.reportsWithinTerm > 0) {
    reasons.push("er is een verzuimmelding binnen haar bewaartermijn (5 jaar na de einddatum)");
  }
  if (reasons.length === 0) return null;
  return `Wissen kan niet (AVG art. 17 lid 3 sub b): ${reasons.join("; ")}.`;
}

/** Which manual steps fit a request's kind. */
export function stepsFor(kind: RequestKind): readonly ManualStep[] {
  switch (kind) {
    case "rectification":
      return ["note", "rectified"];
    case "objection":
      return ["note", "objection_decided"];
    default:
      return ["note"];
  }
}

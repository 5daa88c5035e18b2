// domain.md §5 "Informed consent": consent per purpose, given or refused, by parents and/or the
// child by age, withdrawable with immediate effect. Records are append-only: a withdrawal is a
// new record, so the history of who agreed to what, and when, stays readable.
//
// Whose decision counts (§5: "parents (and the child from 12; from 16 the young person
// decides)"), by the child's age in whole years on the date asked about:
//   - under 12: the parents decide; the child's view may be recorded but does not decide;
//   - 12 to 15: both the parents and the child must consent (either one's refusal is a refusal);
//   - 16 and older: the young person alone; the parents' decision no longer counts, so
//     consent the parents gave before the 16th birthday has to be asked again of the young person.
// This is the same split Dutch law uses for treatment and youth care (WGBO art. 7:450,
// Jeugdwet art. 7.3.4).
import { ageInYearsOnDay } from "../calendar/ages.ts";
import { dayNumber, type IsoDate } from "../calendar/dates.ts";
import { err, type Result } from "./result.ts";

export const CONSENT_PURPOSES = [
  "share_authorized_absence_with_leerplicht", // (a)
  "involve_partner", // (b), per named partner organisation
  "agree_with_plan", // (c)
  "binding_arbitration", // (d)
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export type ConsentGiver = { kind: "parent"; personId: string } | { kind: "child" };
export type ConsentDecision = "given" | "refused" | "withdrawn";

export interface ConsentRecord {
  id: string;
  purpose: ConsentPurpose;
  /** The partner organisation for `involve_partner`; absent for the other purposes. */
  subject?: string;
  decision: ConsentDecision;
  giver: ConsentGiver;
  at: IsoDate;
  recordedBy: string;
}

/** One pupil's consent records with the birth date that decides whose consent counts. */
export interface ConsentFile {
  childBirthDate: IsoDate;
  records: readonly ConsentRecord[];
}

export type ConsentAuthority = "parents" | "parents_and_child" | "child";
export type ConsentState = "given" | "refused" | "withdrawn" | "not_asked";

export interface ConsentStatus {
  state: ConsentState;
  authority: ConsentAuthority;
  ageOnDate: number;
  parents: ConsentState;
  child: ConsentState;
}

export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  return ageInYearsOnDay(dayNumber(birthDate), dayNumber(date));
}

export function consentAuthority(age: number): ConsentAuthority {
  if (age >= 16) return "child";
  if (age >= 12) return "parents_and_child";
  return "parents";
}

function matches(r: ConsentRecord, purpose: ConsentPurpose, subject: string | undefined): boolean {
  return r.purpose === purpose && (purpose !== "involve_partner" || r.subject === subject);
}

function giverKey(giver: ConsentGiver): string {
  return giver.kind === "child" ? "child" : `parent:${giver.personId}`;
}

/** Latest decision per giver up to and including `at`: a withdrawal counts from its own day. */
function latestByGiver(
  file: ConsentFile,
  purpose: ConsentPurpose,
  subject: string | undefined,
  at: IsoDate,
): Map<string, ConsentDecision> {
  const latest = new Map<string, ConsentDecision>();
  for (const r of file.records) {
    if (r.at <= at && matches(r, purpose, subject)) latest.set(giverKey(r.giver), r.decision);
  }
  return latest;
}

/** A "no" from anyone with a say wins over a "yes"; refusal is reported before withdrawal. */
function combine(states: readonly ConsentState[]): ConsentState {
  if (states.includes("refused")) return "refused";
  if (states.includes("withdrawn")) return "withdrawn";
  if (states.length > 0 && states.every((s) => s === "given")) return "given";
  return "not_asked";
}

export function consentStatus(
  file: ConsentFile,
  purpose: ConsentPurpose,
  subject: string | undefined,
  at: IsoDate,
): ConsentStatus {
  const latest = latestByGiver(file, purpose, subject, at);
  const parentStates = [...latest.entries()]
    .filter(([key]) => key.startsWith("parent:"))
    .map(([, decision]) => decision);
  // Parents with joint authority: one parent's consent suffices unless another parent said no.
  const parents = combine(parentStates);
  const child: ConsentState = latest.get("child") ?? "not_asked";
  const ageOnDate = ageOn(file.childBirthDate, at);
  const authority = consentAuthority(ageOnDate);
  const state =
    authority === "parents" ? parents : authority === "child" ? child : combine([parents, child]);
  return { state, authority, ageOnDate, parents, child };
}

export function hasConsent(
  file: ConsentFile,
  purpose: ConsentPurpose,
  subject: string | undefined,
  at: IsoDate,
): boolean {
  return consentStatus(file, purpose, subject, at).state === "given";
}

/** An explicit "no" (refused or withdrawn) by whoever decides, as opposed to not asked yet. */
export function hasRefused(
  file: ConsentFile,
  purpose: ConsentPurpose,
  subject: string | undefined,
  at: IsoDate,
): boolean {
  const { state } = consentStatus(file, purpose, subject, at);
  return state === "refused" || state === "withdrawn";
}

export type RecordConsentError = "subject_required" | "nothing_to_withdraw" | "out_of_order";

/** Appends a record; the file is never edited in place. */
export function recordConsent(
  file: ConsentFile,
  record: ConsentRecord,
): Result<{ file: ConsentFile }, RecordConsentError> {
  if (record.purpose === "involve_partner" && !record.subject) {
    return err("subject_required", "Consent to involve a partner names the partner organisation.");
  }
  const last = file.records.at(-1);
  if (last && record.at < last.at) {
    return err("out_of_order", "Consent records are appended in date order.");
  }
  if (record.decision === "withdrawn") {
    const previous = latestByGiver(file, record.purpose, record.subject, record.at).get(
      giverKey(record.giver),
    );
    if (previous !== "given") {
      return err("nothing_to_withdraw", "Only consent that was given can be withdrawn.");
    }
  }
  return { ok: true, file: { ...file, records: [...file.records, record] } };
}

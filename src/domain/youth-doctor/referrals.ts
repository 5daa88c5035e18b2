// domain.md §2 (jeugdarts: "follows sick absence (M@ZL), advises on load capacity; sole reader of
// medical details") and §4 (the M@ZL profile, SICK_NOTABLE: the school's own observation) with
// §5 "Informed consent" (a partner is involved only with consent): the school's referral to the
// youth doctor (aanmelding) with its question, the youth doctor's feedback to the school
// (terugkoppeling: advice on load capacity, never medical details) and the youth doctor's own
// medical notes. Pure: the caller supplies today.
import { type IsoDate, isIsoDate } from "../calendar/dates.ts";

/** open: waiting for the youth doctor; answered: the feedback is with the school. */
export const REFERRAL_STATUSES = ["open", "answered"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * The advice on load capacity (belastbaarheid) the feedback gives: what the pupil can do at
 * school, never why (§2: the medical details stay with the youth doctor).
 */
export const LOAD_CAPACITIES = [
  /** Volledig belastbaar: the full timetable. */
  "full",
  /** Beperkt belastbaar: an adjusted timetable or tasks, as the advice says. */
  "limited",
  /** Tijdelijk niet belastbaar: no school for now; the advice says until when it is looked at. */
  "none_for_now",
] as const;
export type LoadCapacity = (typeof LOAD_CAPACITIES)[number];

export interface ReferralInput {
  /** The school's question to the youth doctor. */
  question: string;
  /** The day the parents (and the child by age, §5) agreed to involving the youth doctor. */
  consentOn: IsoDate;
  referredOn: IsoDate;
}

export interface FeedbackInput {
  loadCapacity: LoadCapacity;
  /** The advice to the school in words: what helps, what to adjust; no diagnosis. */
  advice: string;
  givenOn: IsoDate;
}

export interface MedicalNoteInput {
  text: string;
  writtenOn: IsoDate;
}

export type YouthDoctorError =
  | "invalid_date"
  | "date_in_future"
  | "consent_after_referral"
  | "text_required"
  | "before_referral"
  | "already_answered";

export type YouthDoctorCheck =
  | { ok: true }
  | { ok: false; error: YouthDoctorError; message: string };

const refuse = (error: YouthDoctorError, message: string): YouthDoctorCheck => ({
  ok: false,
  error,
  message,
});

function checkDay(day: string, today: IsoDate, what: string): YouthDoctorCheck {
  if (!isIsoDate(day)) return refuse("invalid_date", `${what}: not a date (YYYY-MM-DD).`);
  if (day > today) return refuse("date_in_future", `${what} lies after today (${today}).`);
  return { ok: true };
}

/**
 * A referral needs a question and the day consent was given (§5: involving a partner needs
 * consent (b); the youth doctor is a partner, domain/cases/participants.ts), on or before the
 * referral, neither in the future.
 */
export function checkReferral(input: ReferralInput, today: IsoDate): YouthDoctorCheck {
  if (!input.question.trim()) return refuse("text_required", "The school's question is empty.");
  const referred = checkDay(input.referredOn, today, "The referral date");
  if (!referred.ok) return referred;
  const consent = checkDay(input.consentOn, today, "The consent date");
  if (!consent.ok) return consent;
  if (input.consentOn > input.referredOn) {
    return refuse(
      "consent_after_referral",
      "Consent must be given before the referral is made (domain.md §5).",
    );
  }
  return { ok: true };
}

/** Feedback answers an open referral once, on or after the referral's day, not in the future. */
export function checkFeedback(
  referral: { status: ReferralStatus; referredOn: IsoDate },
  input: FeedbackInput,
  today: IsoDate,
): YouthDoctorCheck {
  if (referral.status === "answered") {
    return refuse("already_answered", "This referral has been answered already.");
  }
  if (!input.advice.trim()) return refuse("text_required", "The advice to the school is empty.");
  const day = checkDay(input.givenOn, today, "The feedback date");
  if (!day.ok) return day;
  if (input.givenOn < referral.referredOn) {
    return refuse("before_referral", "The feedback date lies before the referral.");
  }
  return { ok: true };
}

/** A medical note: text, on or after the referral's day, not in the future. */
export function checkMedicalNote(
  referral: { referredOn: IsoDate },
  input: MedicalNoteInput,
  today: IsoDate,
): YouthDoctorCheck {
  if (!input.text.trim()) return refuse("text_required", "The medical note is empty.");
  const day = checkDay(input.writtenOn, today, "The note's date");
  if (!day.ok) return day;
  if (input.writtenOn < referral.referredOn) {
    return refuse("before_referral", "The note's date lies before the referral.");
  }
  return { ok: true };
}

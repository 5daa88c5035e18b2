// domain.md §2 (leerplicht: legal absence reports, may hold process direction) and §7 (the
// leerplichttelling counts Halt referrals and official reports); seed 002 ("De leerplichtambtenaar
// handelt volgens de MAS": a conversation with pupil and parents about (suspected) absence,
// referral to voluntary youth care and/or Halt, an official report or compulsion on the civil
// route) and seed 000 §3.2.7 (the Methodische Aanpak Schoolverzuim: prevention and voluntary help
// first, "pas toe of leg uit"; the civil route via the Raad voor de Kinderbescherming, the criminal
// route via the OM). The steps of the attendance officer's procedure per pupil, with or without a
// case, and the rules a step must meet. Pure: the caller supplies the pupil's birth date and today.
import { type IsoDate, isIsoDate } from "../calendar/dates.ts";
import { ageOn } from "../cases/consent.ts";

export const MAS_STEP_KINDS = [
  /** The pupil and parents are invited to a conversation (uitnodiging verzuimgesprek). */
  "conversation_invited",
  /** The conversation with pupil and parents took place. */
  "conversation_held",
  /** Agreements made with pupil and parents (afspraken). */
  "agreements",
  /** A written warning (waarschuwing). */
  "warning",
  /** Referral to voluntary help: a zorgmelding, the jeugdteam or wijkteam. */
  "care_referral",
  /** Referral to Halt (a Halt-afdoening): pupils of 12 and older only. */
  "halt_referral",
  /** An official report (proces-verbaal), on the civil or the criminal route. */
  "official_report",
  /** How the procedure ended. */
  "outcome",
] as const;
export type MasStepKind = (typeof MAS_STEP_KINDS)[number];

/**
 * civil: a request to the Raad voor de Kinderbescherming (investigation, possibly a supervision
 * order); criminal: the proces-verbaal goes to the Openbaar Ministerie (seed 000 advice 7).
 */
export const MAS_ROUTES = ["civil", "criminal"] as const;
export type MasRoute = (typeof MAS_ROUTES)[number];

export const MAS_OUTCOMES = [
  /** The pupil attends school again. */
  "attendance_restored",
  /** Voluntary help is in place; leerplicht steps back. */
  "care_in_place",
  /** The Halt programme was completed. */
  "halt_completed",
  /** The Raad voor de Kinderbescherming or the court took over (civil route). */
  "handed_to_raad",
  /** The OM decided (criminal route: sanction, settlement or dismissal). */
  "prosecutor_decided",
  /** No absence after all (legitimately away, ill). */
  "no_absence",
  /** The pupil moved out of the municipality. */
  "moved_away",
  "other",
] as const;
export type MasOutcome = (typeof MAS_OUTCOMES)[number];

/** Halt takes young people from 12 (the age of criminal responsibility, art. 486 Sr). */
export const HALT_MINIMUM_AGE = 12;

export interface MasStepInput {
  kind: MasStepKind;
  date: IsoDate;
  route?: MasRoute | null;
  outcome?: MasOutcome | null;
  /** care_referral: the organisation referred to (e.g. "Jeugdteam Zandstad"). */
  organisation?: string | null;
  note?: string | null;
}

export type MasStepError =
  | "invalid_date"
  | "halt_under_12"
  | "route_required"
  | "outcome_required"
  | "organisation_required"
  | "field_not_allowed";

export type MasCheck = { ok: true } | { ok: false; error: MasStepError; message: string };

/** Whether a step may be recorded for a pupil born on `birthDate`, today. */
export function checkMasStep(input: MasStepInput, birthDate: IsoDate, today: IsoDate): MasCheck {
  if (!isIsoDate(input.date) || input.date > today || input.date < birthDate) {
    return { ok: false, error: "invalid_date", message: "A step lies between birth and today." };
  }
  if (input.kind === "halt_referral" && ageOn(birthDate, input.date) < HALT_MINIMUM_AGE) {
    return {
      ok: false,
      error: "halt_under_12",
      message: `Halt takes pupils of ${HALT_MINIMUM_AGE} and older only; this pupil is younger on that date.`,
    };
  }
  const hasRoute = input.route !== undefined && input.route !== null;
  if (input.kind === "official_report" && !hasRoute) {
    return {
      ok: false,
      error: "route_required",
      message: "An official report names its route: civil or criminal.",
    };
  }
  const hasOutcome = input.outcome !== undefined && input.outcome !== null;
  if (input.kind === "outcome" && !hasOutcome) {
    return { ok: false, error: "outcome_required", message: "Name the outcome." };
  }
  const organisation = input.organisation?.trim() ?? "";
  if (input.kind === "care_referral" && organisation === "") {
    return {
      ok: false,
      error: "organisation_required",
      message: "A referral to voluntary help names the organisation.",
    };
  }
  if (
    (hasRoute && input.kind !== "official_report") ||
    (hasOutcome && input.kind !== "outcome") ||
    (organisation !== "" && input.kind !== "care_referral")
  ) {
    return {
      ok: false,
      error: "field_not_allowed",
      message: "Route, outcome and organisation belong to their own kind of step only.",
    };
  }
  return { ok: true };
}

/** What the leerplichttelling (§7, art. 25) counts of a step, if anything. */
export function tellingCategoryOf(step: {
  kind: MasStepKind | string;
  route: string | null;
}): "halt_verwijzingen" | "processen_verbaal" | "raad_voor_de_kinderbescherming" | null {
  if (step.kind === "halt_referral") return "halt_verwijzingen";
  if (step.kind === "official_report") {
    return step.route === "criminal" ? "processen_verbaal" : "raad_voor_de_kinderbescherming";
  }
  return null;
}

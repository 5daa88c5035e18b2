// domain.md §5: the case (casus), its phases, outcomes, stagnation causes and the ladder of
// effectiveness as plain data. Rules that change a case live in transitions.ts, stagnation.ts,
// ladder.ts and participants.ts; this file only names the shapes.
import type { IsoDate } from "../calendar/dates.ts";
import type { RoleCode } from "../policy/roles.ts";
import { err, type Result } from "./result.ts";

/**
 * The commands that move a case between phases (commands.ts gives each its fields). Named here,
 * where the history records them, so the model does not depend on the commands.
 */
export const CASE_COMMAND_TYPES = [
  "hand_to_director",
  "convene_breakthrough",
  "start_arbitration",
  "record_arbitration_ruling",
  "refer_prosecutor",
  "deescalate",
  "close",
  "request_breakthrough_check",
  "record_breakthrough_check",
  "record_offer_started",
  "mark_three_month_breach",
] as const;
export type CaseCommandType = (typeof CASE_COMMAND_TYPES)[number];

export const CASE_PHASES = [
  "SCHOOL",
  "CASE_DIRECTOR",
  "BREAKTHROUGH",
  "ARBITRATION",
  "PROSECUTOR",
  "CLOSED",
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];
export type OpenPhase = Exclude<CasePhase, "CLOSED">;

/** Escalation order of the open phases; de-escalation (afschalen) moves down this list. */
export function phaseRank(phase: CasePhase): number {
  return CASE_PHASES.indexOf(phase);
}

export type ClockMode = "lesweken" | "calendar_weeks";

export const CASE_OUTCOMES = [
  "own_school_full_time",
  "own_school_part_time",
  "other_regular_school",
  "special_education",
  "education_care_arrangement",
  "education_other_location",
  "variawet_reduced_time",
  "day_activity_with_education",
  "work_or_internship_with_learning",
  "moved_out_of_region",
  "age_limit_reached",
  "exemption",
  "other",
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const STAGNATION_CAUSES = [
  "waiting_list_youth_care",
  "waiting_list_special_education",
  "refusal_by_party",
  "funding_dispute",
  "no_offer_exists",
  "disagreement_with_parents",
  "other",
] as const;
export type StagnationCause = (typeof STAGNATION_CAUSES)[number];

export const LADDER_SITUATIONS = [
  "simple",
  "complicated",
  "complex",
  "chaotic",
  "stagnated",
] as const;
export type LadderSituation = (typeof LADDER_SITUATIONS)[number];

export const WORKING_MODES = [
  "dialogue",
  "consultation",
  "co_creation",
  "assertive_direction",
  "forcing_direction",
] as const;
export type WorkingMode = (typeof WORKING_MODES)[number];

/** A person acting on a case, or the daily job (automatic escalation, breach marking). */
export type CaseActor =
  | { kind: "person"; personId: string; role: RoleCode }
  | { kind: "system"; job: string };

export interface CasePerson {
  personId: string;
  role: RoleCode;
  organisation: string;
}

export interface Participant extends CasePerson {
  since: IsoDate;
  /** Set when the person left the case; absent while participating. */
  until?: IsoDate;
  /**
   * Why the participation ended, when the law decided it rather than a person: consent (b) for
   * the organisation was withdrawn or refused (domain.md §5 "withdrawal takes effect at once").
   * Only such participations come back when the consent is given again.
   */
  endedBecause?: ParticipationEndReason;
}

export type ParticipationEndReason = "consent_withdrawn";

export type CaseOpening =
  | { kind: "signals"; signalIds: readonly string[] }
  | { kind: "by_hand"; reason: string };

/** One accepted command: a phase change when `from` !== `to`, otherwise a recorded decision. */
export interface TransitionRecord {
  command: CaseCommandType;
  from: CasePhase;
  to: CasePhase;
  at: IsoDate;
  by: CaseActor;
  reason: string;
  /** The rule of §5 the command relied on. */
  basis: TransitionBasis;
}

export type TransitionBasis =
  | "absence_week_4"
  | "absence_week_12"
  | "decision"
  | "stagnation"
  | "breakthrough_check"
  | "arbitration_consent"
  | "arbitration_refused"
  | "ruling_refused"
  | "three_month_term"
  | "deescalation"
  | "closing"
  | "recorded";

export interface BreakthroughCheck {
  /** Set when the daily job asked the director for the week-8 decision. */
  requestedAt?: IsoDate;
  decision?: {
    offerExpectedWithin4Weeks: boolean;
    reason: string;
    decidedAt: IsoDate;
    by: CaseActor;
  };
}

export interface StagnationFlag {
  id: string;
  cause: StagnationCause;
  note: string;
  flaggedAt: IsoDate;
  by: CaseActor;
  resolvedAt?: IsoDate;
}

export interface LadderStep {
  situation: LadderSituation;
  mode: WorkingMode;
  at: IsoDate;
  by: CaseActor;
  reason: string;
}

export interface ArbitrationState {
  startedAt: IsoDate;
  ruling?: { text: string; recordedAt: IsoDate; parentsAccept: boolean };
}

export interface ProsecutorReferral {
  route: "civil" | "criminal";
  referredAt: IsoDate;
}

export interface ClosingRecord {
  outcome: CaseOutcome;
  closedAt: IsoDate;
  /** Calendar days from the absence start to the closing date. */
  durationDays: number;
  /** null when no offer was needed in the region (moved out, age limit). */
  guaranteeHeld: boolean | null;
}

export interface Case {
  id: string;
  pupilId: string;
  schoolId: string;
  openedAt: IsoDate;
  opening: CaseOpening;
  /** The first day of the absence that led to the case; the clock counts from here. */
  absenceStartDate: IsoDate;
  /** The absence started as a sick report: the mentor's contact may wait up to 3 sick days. */
  absenceStartedSick: boolean;
  phase: CasePhase;
  /** The casusverantwoordelijke: a named person at all times. */
  owner: CasePerson;
  participants: readonly Participant[];
  clockMode: ClockMode;
  /** Every accepted command in order: phase changes and recorded decisions. */
  history: readonly TransitionRecord[];
  breakthroughCheck: BreakthroughCheck;
  stagnationFlags: readonly StagnationFlag[];
  ladder: readonly LadderStep[];
  /** The date a suitable offer of education and/or care started. */
  offerStartedOn?: IsoDate;
  threeMonthBreachMarkedAt?: IsoDate;
  arbitration?: ArbitrationState;
  prosecutorReferral?: ProsecutorReferral;
  closing?: ClosingRecord;
}

export interface NewCase {
  id: string;
  pupilId: string;
  schoolId: string;
  openedAt: IsoDate;
  opening: CaseOpening;
  absenceStartDate: IsoDate;
  absenceStartedSick?: boolean;
  owner: CasePerson;
  clockMode?: ClockMode;
}

export type OpenCaseError = "reason_required" | "signals_required" | "absence_start_after_opening";

/**
 * A new case starts in SCHOOL with its owner as first participant, counting lesweken unless the
 * region chose calendar weeks. Opened by hand needs a reason (a teacher's worry is enough).
 */
export function openCase(input: NewCase): Result<{ case: Case }, OpenCaseError> {
  if (input.opening.kind === "by_hand" && input.opening.reason.trim() === "") {
    return err("reason_required", "A case opened by hand needs a reason.");
  }
  if (input.opening.kind === "signals" && input.opening.signalIds.length === 0) {
    return err("signals_required", "A case opened from signals names at least one signal.");
  }
  if (input.absenceStartDate > input.openedAt) {
    return err("absence_start_after_opening", "The absence start date lies after the opening.");
  }
  const opened: Case = {
    id: input.id,
    pupilId: input.pupilId,
    schoolId: input.schoolId,
    openedAt: input.openedAt,
    opening: input.opening,
    absenceStartDate: input.absenceStartDate,
    absenceStartedSick: input.absenceStartedSick ?? false,
    phase: "SCHOOL",
    owner: input.owner,
    participants: [{ ...input.owner, since: input.openedAt }],
    clockMode: input.clockMode ?? "lesweken",
    history: [],
    breakthroughCheck: {},
    stagnationFlags: [],
    ladder: [],
  };
  return { ok: true, case: opened };
}

export function activeParticipants(c: Case): Participant[] {
  return c.participants.filter((p) => p.until === undefined);
}

export function openStagnationFlags(c: Case): StagnationFlag[] {
  return c.stagnationFlags.filter((f) => f.resolvedAt === undefined);
}

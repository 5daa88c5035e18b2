// domain.md §5 (phases of the closed chain): the case as a pure state machine. Each accepted
// command yields the new case and a record of who, when, why, from and to. Who *may* issue a
// command is the policy layer's question (src/domain/policy); this module decides whether the
// case's state allows it.
import { dayNumber, type IsoDate } from "../calendar/dates.ts";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import { caseClockWeeks } from "./clock.ts";
import type { CaseCommand } from "./commands.ts";
import { type ConsentFile, hasConsent, hasRefused } from "./consent.ts";
import { guaranteeState, threeMonthDueDate } from "./guarantee.ts";
import {
  type Case,
  type CaseActor,
  type CaseOutcome,
  type CasePerson,
  type CasePhase,
  openStagnationFlags,
  phaseRank,
  type TransitionBasis,
  type TransitionRecord,
} from "./model.ts";
import { isActiveParticipant, needsPartnerConsent, withOwner } from "./participants.ts";
import { err, type Result } from "./result.ts";

export const DIRECTOR_WEEK = 4;
export const BREAKTHROUGH_CHECK_WEEK = 8;
export const BREAKTHROUGH_WEEK = 12;

export interface TransitionContext {
  calendar: SchoolCalendar;
  consent: ConsentFile;
}

export type TransitionError =
  | "case_closed"
  | "wrong_phase"
  | "reason_required"
  | "too_early"
  | "deescalated"
  | "needs_person"
  | "arbitration_consent_missing"
  | "no_ground_for_prosecutor"
  | "already_recorded"
  | "not_breached"
  | "invalid_date"
  | "owner_required";

export type TransitionResult = Result<{ case: Case; record: TransitionRecord }, TransitionError>;

/** Commands the daily job may issue; every other command is a person's decision. */
const SYSTEM_COMMANDS: ReadonlySet<CaseCommand["type"]> = new Set([
  "hand_to_director",
  "convene_breakthrough",
  "request_breakthrough_check",
  "mark_three_month_breach",
]);

/** Outcomes that are themselves a suitable offer of education and/or care. */
const OFFER_OUTCOMES: ReadonlySet<CaseOutcome> = new Set<CaseOutcome>([
  "own_school_full_time",
  "own_school_part_time",
  "other_regular_school",
  "special_education",
  "education_care_arrangement",
  "education_other_location",
  "variawet_reduced_time",
  "day_activity_with_education",
  "work_or_internship_with_learning",
]);

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/**
 * Afschalen is a professional decision the clock must not overrule: once a case was brought
 * back below `phase`, the automatic escalation to `phase` no longer fires (escalating again is
 * a decision, or follows stagnation).
 */
export function wasDeescalatedBelow(c: Case, phase: CasePhase): boolean {
  const rank = phaseRank(phase);
  return c.history.some(
    (r) => r.basis === "deescalation" && phaseRank(r.from) >= rank && phaseRank(r.to) < rank,
  );
}

function accept(
  c: Case,
  command: CaseCommand,
  actor: CaseActor,
  at: IsoDate,
  change: { to?: CasePhase; reason: string; basis: TransitionBasis; patch?: Partial<Case> },
): TransitionResult {
  const record: TransitionRecord = {
    command: command.type,
    from: c.phase,
    to: change.to ?? c.phase,
    at,
    by: actor,
    reason: change.reason,
    basis: change.basis,
  };
  const next: Case = { ...c, ...change.patch, phase: record.to, history: [...c.history, record] };
  return { ok: true, case: next, record };
}

/** An automatic step needs the system actor and the clock at the threshold; a person needs a reason. */
function escalationBasis(
  c: Case,
  actor: CaseActor,
  reason: string,
  weeks: number,
  threshold: number,
  automatic: TransitionBasis,
  target: CasePhase,
): Result<{ basis: TransitionBasis }, TransitionError> {
  if (actor.kind === "system") {
    if (weeks < threshold) {
      return err("too_early", `Automatic escalation starts at absence week ${threshold}.`);
    }
    if (wasDeescalatedBelow(c, target)) {
      return err("deescalated", "The case was de-escalated; escalate again by decision.");
    }
    return { ok: true, basis: automatic };
  }
  if (isBlank(reason)) return err("reason_required", "An escalation by decision needs a reason.");
  return { ok: true, basis: "decision" };
}

function changeOwner(
  c: Case,
  newOwner: CasePerson | undefined,
  at: IsoDate,
): Result<{ patch: Partial<Case> }, TransitionError> {
  if (newOwner === undefined) return { ok: true, patch: {} };
  if (isBlank(newOwner.personId)) return err("owner_required", "The new owner must be named.");
  if (needsPartnerConsent(newOwner) && !isActiveParticipant(c, newOwner.personId)) {
    return err("owner_required", "A partner becomes owner only after joining with consent (b).");
  }
  const owned = withOwner(c, newOwner, at);
  return { ok: true, patch: { owner: owned.owner, participants: owned.participants } };
}

function closingGuarantee(c: Case, outcome: CaseOutcome, at: IsoDate): boolean | null {
  const offerStart = c.offerStartedOn ?? (OFFER_OUTCOMES.has(outcome) ? at : undefined);
  const due = threeMonthDueDate(c);
  if (offerStart !== undefined) return offerStart <= due;
  // Moved out, age limit, exemption or other without an offer: the guarantee only failed if
  // the term had already passed.
  return at <= due ? null : false;
}

export function applyTransition(
  c: Case,
  command: CaseCommand,
  actor: CaseActor,
  at: IsoDate,
  context: TransitionContext,
): TransitionResult {
  if (c.phase === "CLOSED") return err("case_closed", "A closed case accepts no commands.");
  const wrongPhase = (expected: string) =>
    err("wrong_phase", `${command.type} needs phase ${expected}, the case is in ${c.phase}.`);
  if (actor.kind === "system" && !SYSTEM_COMMANDS.has(command.type)) {
    return err("needs_person", `${command.type} is a decision by a person.`);
  }

  switch (command.type) {
    case "hand_to_director": {
      if (c.phase !== "SCHOOL") return wrongPhase("SCHOOL");
      const weeks = caseClockWeeks(c, context.calendar, at);
      const basis = escalationBasis(
        c,
        actor,
        command.reason,
        weeks,
        DIRECTOR_WEEK,
        "absence_week_4",
        "CASE_DIRECTOR",
      );
      if (!basis.ok) return basis;
      const owner = changeOwner(c, command.newOwner, at);
      if (!owner.ok) return owner;
      const reason = basis.basis === "decision" ? command.reason : `absence week ${weeks}`;
      return accept(c, command, actor, at, {
        to: "CASE_DIRECTOR",
        reason,
        basis: basis.basis,
        patch: owner.patch,
      });
    }

    case "convene_breakthrough": {
      if (c.phase !== "CASE_DIRECTOR") return wrongPhase("CASE_DIRECTOR");
      const weeks = caseClockWeeks(c, context.calendar, at);
      const basis = escalationBasis(
        c,
        actor,
        command.reason,
        weeks,
        BREAKTHROUGH_WEEK,
        "absence_week_12",
        "BREAKTHROUGH",
      );
      if (!basis.ok) return basis;
      // Earlier than week 12 the record names what made it recognisable.
      const early: TransitionBasis =
        openStagnationFlags(c).length > 0
          ? "stagnation"
          : c.breakthroughCheck.decision?.offerExpectedWithin4Weeks === false
            ? "breakthrough_check"
            : "decision";
      return accept(c, command, actor, at, {
        to: "BREAKTHROUGH",
        reason: basis.basis === "decision" ? command.reason : `absence week ${weeks}`,
        basis: basis.basis === "decision" ? early : basis.basis,
      });
    }

    case "start_arbitration": {
      if (c.phase !== "BREAKTHROUGH") return wrongPhase("BREAKTHROUGH");
      if (isBlank(command.reason)) return err("reason_required", "Arbitration needs a reason.");
      if (!hasConsent(context.consent, "binding_arbitration", undefined, at)) {
        return err(
          "arbitration_consent_missing",
          "Binding arbitration needs consent (d); without it the route is PROSECUTOR.",
        );
      }
      return accept(c, command, actor, at, {
        to: "ARBITRATION",
        reason: command.reason,
        basis: "arbitration_consent",
        patch: { arbitration: { startedAt: at } },
      });
    }

    case "record_arbitration_ruling": {
      if (c.phase !== "ARBITRATION" || !c.arbitration) return wrongPhase("ARBITRATION");
      if (c.arbitration.ruling) return err("already_recorded", "The ruling is recorded already.");
      if (isBlank(command.ruling)) return err("reason_required", "The ruling text is required.");
      const ruling = { text: command.ruling, recordedAt: at, parentsAccept: command.parentsAccept };
      return accept(c, command, actor, at, {
        reason: command.ruling,
        basis: "recorded",
        patch: { arbitration: { ...c.arbitration, ruling } },
      });
    }

    case "refer_prosecutor": {
      if (!["CASE_DIRECTOR", "BREAKTHROUGH", "ARBITRATION"].includes(c.phase)) {
        return wrongPhase("CASE_DIRECTOR, BREAKTHROUGH or ARBITRATION");
      }
      if (isBlank(command.reason)) return err("reason_required", "A referral needs a reason.");
      const basis: TransitionBasis | null =
        c.arbitration?.ruling?.parentsAccept === false
          ? "ruling_refused"
          : hasRefused(context.consent, "binding_arbitration", undefined, at)
            ? "arbitration_refused"
            : guaranteeState(c, at) === "breached" && c.offerStartedOn === undefined
              ? "three_month_term"
              : null;
      if (basis === null) {
        return err(
          "no_ground_for_prosecutor",
          "Referral needs a refused arbitration or ruling, or the 3-month term to have passed.",
        );
      }
      return accept(c, command, actor, at, {
        to: "PROSECUTOR",
        reason: command.reason,
        basis,
        patch: { prosecutorReferral: { route: command.route, referredAt: at } },
      });
    }

    case "deescalate": {
      if (phaseRank(command.to) >= phaseRank(c.phase)) {
        return err("wrong_phase", `De-escalation goes to a phase below ${c.phase}.`);
      }
      if (isBlank(command.reason)) return err("reason_required", "Afschalen needs a reason.");
      if (
        command.to === "ARBITRATION" &&
        !hasConsent(context.consent, "binding_arbitration", undefined, at)
      ) {
        return err("arbitration_consent_missing", "Arbitration needs consent (d).");
      }
      const owner = changeOwner(c, command.newOwner, at);
      if (!owner.ok) return owner;
      return accept(c, command, actor, at, {
        to: command.to,
        reason: command.reason,
        basis: "deescalation",
        patch: owner.patch,
      });
    }

    case "close": {
      if (isBlank(command.reason)) return err("reason_required", "Closing needs a reason.");
      const closing = {
        outcome: command.outcome,
        closedAt: at,
        durationDays: dayNumber(at) - dayNumber(c.absenceStartDate),
        guaranteeHeld: closingGuarantee(c, command.outcome, at),
      };
      return accept(c, command, actor, at, {
        to: "CLOSED",
        reason: command.reason,
        basis: "closing",
        patch: { closing },
      });
    }

    case "request_breakthrough_check": {
      if (c.phase !== "CASE_DIRECTOR") return wrongPhase("CASE_DIRECTOR");
      const check = c.breakthroughCheck;
      if (check.requestedAt || check.decision) {
        return err("already_recorded", "The week-8 decision was asked already.");
      }
      const weeks = caseClockWeeks(c, context.calendar, at);
      if (weeks < BREAKTHROUGH_CHECK_WEEK) {
        return err(
          "too_early",
          `The breakthrough check is at absence week ${BREAKTHROUGH_CHECK_WEEK}.`,
        );
      }
      return accept(c, command, actor, at, {
        reason: `absence week ${weeks}`,
        basis: "recorded",
        patch: { breakthroughCheck: { ...check, requestedAt: at } },
      });
    }

    case "record_breakthrough_check": {
      if (c.phase !== "CASE_DIRECTOR") return wrongPhase("CASE_DIRECTOR");
      if (c.breakthroughCheck.decision) {
        return err("already_recorded", "The week-8 decision is recorded already.");
      }
      if (isBlank(command.reason)) return err("reason_required", "The decision needs a reason.");
      const decision = {
        offerExpectedWithin4Weeks: command.offerExpectedWithin4Weeks,
        reason: command.reason,
        decidedAt: at,
        by: actor,
      };
      // "If not: convene the breakthrough team now" — the "no" is itself the escalation.
      return accept(c, command, actor, at, {
        to: command.offerExpectedWithin4Weeks ? "CASE_DIRECTOR" : "BREAKTHROUGH",
        reason: command.reason,
        basis: command.offerExpectedWithin4Weeks ? "recorded" : "breakthrough_check",
        patch: { breakthroughCheck: { ...c.breakthroughCheck, decision } },
      });
    }

    case "record_offer_started": {
      if (c.offerStartedOn) return err("already_recorded", "The offer's start is recorded.");
      if (command.startedOn > at || command.startedOn < c.absenceStartDate) {
        return err("invalid_date", "An offer starts between the absence start and today.");
      }
      return accept(c, command, actor, at, {
        reason: `offer started ${command.startedOn}`,
        basis: "recorded",
        patch: { offerStartedOn: command.startedOn },
      });
    }

    case "mark_three_month_breach": {
      if (c.threeMonthBreachMarkedAt) return err("already_recorded", "The breach is marked.");
      if (guaranteeState(c, at) !== "breached") {
        return err("not_breached", "The 3-month term has not passed without an offer.");
      }
      return accept(c, command, actor, at, {
        reason: `no suitable offer by ${threeMonthDueDate(c)}`,
        basis: "three_month_term",
        patch: { threeMonthBreachMarkedAt: at },
      });
    }
  }
}

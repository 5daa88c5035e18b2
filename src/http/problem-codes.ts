// RFC 9457 problem types of the API: one code per refusal a client can act on, each with its
// HTTP status (style.md "Errors"; docs/adr/0002-typed-contract.md). The code is the problem
// type's last part (urn:aanwezig:problem:case-closed); the map is exhaustive, so a new domain
// refusal has no status until it is added here, and the web no text until nl/problems.ts has one.
// Plain 401/403/404/… without a code of their own stay type about:blank.

import type { RecordConsentError } from "../domain/cases/consent.ts";
import type { HandoverError } from "../domain/handover/handover.ts";
import type { MasStepError } from "../domain/leerplicht/mas.ts";
import type { CaseRefusalCode } from "../domain/refusals.ts";
import type { StatusChange } from "../domain/signals/duo-report-status.ts";
import type { SickObservationError } from "../domain/signals/sick-observation.ts";
import type { YouthDoctorError } from "../domain/youth-doctor/referrals.ts";
import type { DecideRefusal, RegisterRefusal } from "../services/leave-requests.ts";

/** snake_case (the domain's codes) as kebab-case (the problem types'): wrong_phase → wrong-phase. */
export type Kebab<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}-${Kebab<Tail>}`
  : S;

export function kebab<S extends string>(code: S): Kebab<S> {
  return code.replaceAll("_", "-") as Kebab<S>;
}

type LeaveRefusalCode = Exclude<RegisterRefusal | DecideRefusal, "not_found">;

type DuoRefusalCode = Extract<StatusChange, { ok: false }>["error"] | "not_found" | "not_concept";

export type ProblemCode =
  | Kebab<CaseRefusalCode>
  | `duo-${Kebab<DuoRefusalCode>}`
  | Kebab<LeaveRefusalCode>
  | `mas-${Kebab<MasStepError | "report_other_pupil">}`
  | `jgz-${Kebab<YouthDoctorError>}`
  | `sick-observation-${Kebab<SickObservationError>}`
  | `handover-${Kebab<HandoverError>}`
  | `handover-consent-${Kebab<RecordConsentError>}`
  | "signal-not-open"
  | "signal-other-pupil"
  | "validation"
  | "invalid-credentials"
  | "too-many-login-attempts"
  | "password-set-token"
  | "monitor-requester-busy"
  | "monitor-queue-full"
  | "audit-unavailable";

const CONFLICT = 409;

/** The status of each code: a refusal by the case's or report's state is 409 Conflict. */
export const PROBLEM_STATUS = {
  // Case commands (src/domain/refusals.ts).
  "absence-start-after-opening": CONFLICT,
  "action-finished": CONFLICT,
  "already-participant": CONFLICT,
  "already-recorded": CONFLICT,
  "already-resolved": CONFLICT,
  "already-reversed": CONFLICT,
  "arbitration-consent-missing": CONFLICT,
  "cannot-reverse-reversal": CONFLICT,
  "case-already-open": CONFLICT,
  "case-closed": CONFLICT,
  "committee-incomplete": CONFLICT,
  deescalated: CONFLICT,
  "duplicate-id": CONFLICT,
  "giver-required": CONFLICT,
  "insufficient-funds": CONFLICT,
  "invalid-amount": CONFLICT,
  "invalid-date": CONFLICT,
  "invalid-size": CONFLICT,
  "letter-input-missing": CONFLICT,
  "letter-template-invalid": CONFLICT,
  "needs-person": CONFLICT,
  "no-ground-for-prosecutor": CONFLICT,
  "no-participants": CONFLICT,
  "not-a-case-role": CONFLICT,
  "not-breached": CONFLICT,
  "not-participant": CONFLICT,
  "not-smart": CONFLICT,
  "note-required": CONFLICT,
  "nothing-to-withdraw": CONFLICT,
  "out-of-order": CONFLICT,
  "owner-required": CONFLICT,
  "partner-consent-missing": CONFLICT,
  "reason-required": CONFLICT,
  "school-required": CONFLICT,
  "shares-do-not-add-up": CONFLICT,
  "signals-required": CONFLICT,
  "subject-required": CONFLICT,
  "too-early": CONFLICT,
  "unknown-action": CONFLICT,
  "unknown-arrangement": CONFLICT,
  "unknown-entry": CONFLICT,
  "unknown-flag": CONFLICT,
  "unknown-letter-template": CONFLICT,
  "unknown-person": CONFLICT,
  "would-leave-without-owner": CONFLICT,
  "wrong-phase": CONFLICT,
  // DUO reports (src/domain/signals/duo-report-status.ts).
  "duo-closing-reason-required": CONFLICT,
  "duo-not-allowed": CONFLICT,
  "duo-not-concept": CONFLICT,
  "duo-not-found": CONFLICT,
  "duo-unknown-closing-reason": CONFLICT,
  // Leave requests (src/services/leave-requests.ts, rules in src/domain/leave).
  "leave-already-decided": CONFLICT,
  "leave-end-before-start": CONFLICT,
  "leave-no-school": CONFLICT,
  "leave-no-school-days": CONFLICT,
  "leave-rule-violated": CONFLICT,
  // Leerplicht's procedure (src/domain/leerplicht/mas.ts).
  "mas-invalid-date": CONFLICT,
  "mas-halt-under-12": CONFLICT,
  "mas-route-required": CONFLICT,
  "mas-outcome-required": CONFLICT,
  "mas-organisation-required": CONFLICT,
  "mas-field-not-allowed": CONFLICT,
  "mas-report-other-pupil": CONFLICT,
  // The referral to the youth doctor (src/domain/youth-doctor/referrals.ts).
  "jgz-invalid-date": CONFLICT,
  "jgz-date-in-future": CONFLICT,
  "jgz-consent-after-referral": CONFLICT,
  "jgz-text-required": CONFLICT,
  "jgz-before-referral": CONFLICT,
  "jgz-already-answered": CONFLICT,
  // SICK_NOTABLE recorded by hand (src/domain/signals/sick-observation.ts).
  "sick-observation-invalid-date": CONFLICT,
  "sick-observation-date-in-future": CONFLICT,
  "sick-observation-end-before-start": CONFLICT,
  "sick-observation-note-required": CONFLICT,
  "sick-observation-note-too-long": CONFLICT,
  // The warm handover PO→VO (src/domain/handover/handover.ts).
  "handover-text-required": CONFLICT,
  "handover-text-too-long": CONFLICT,
  "handover-not-a-move": CONFLICT,
  "handover-already-written": CONFLICT,
  "handover-consent-missing": CONFLICT,
  "handover-status-not-allowed": CONFLICT,
  "handover-invalid-date": CONFLICT,
  "handover-date-in-future": CONFLICT,
  "handover-consent-subject-required": CONFLICT,
  "handover-consent-nothing-to-withdraw": CONFLICT,
  "handover-consent-out-of-order": CONFLICT,
  // Signals handled without a case.
  "signal-not-open": CONFLICT,
  "signal-other-pupil": CONFLICT,
  // The edge: input, login, the monitor's queue.
  validation: 400,
  "invalid-credentials": 401,
  "password-set-token": 400,
  "too-many-login-attempts": 429,
  "monitor-requester-busy": 429,
  "monitor-queue-full": 503,
  // A read or change that cannot be written to the audit trail is not served (src/access).
  "audit-unavailable": 503,
} as const satisfies Record<ProblemCode, number>;

export type ProblemStatus = (typeof PROBLEM_STATUS)[ProblemCode];

export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as ProblemCode[];

export const PROBLEM_TYPE_PREFIX = "urn:aanwezig:problem:";

export type ProblemType = `${typeof PROBLEM_TYPE_PREFIX}${ProblemCode}`;

export function problemType(code: ProblemCode): ProblemType {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}

/** Every problem type the API answers with, about:blank (a plain HTTP status) first. */
export const PROBLEM_TYPES = ["about:blank", ...PROBLEM_CODES.map(problemType)] as const;

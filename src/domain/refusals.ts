// style.md "Errors": the codes of every refusal by the domain's rules that reaches a client. The
// pure modules name their own (TransitionError, PlanError, …); this joins them with the codes the
// commands add when they check input against the stored state, so a command cannot refuse with a
// code no one has a status or a Dutch sentence for (src/http/problem-codes.ts,
// web/src/i18n/nl/problems.ts).
import type { RecordConsentError } from "./cases/consent.ts";
import type { LadderError } from "./cases/ladder.ts";
import type { OpenCaseError } from "./cases/model.ts";
import type { ParticipantError } from "./cases/participants.ts";
import type { PlanError } from "./cases/plan.ts";
import type { StagnationError } from "./cases/stagnation.ts";
import type { TransitionError } from "./cases/transitions.ts";
import type { LedgerError } from "./money/ledger.ts";

/** Codes a case command adds to the pure modules' own (src/commands/*). */
export type CaseCommandRefusalCode =
  | "case_already_open"
  | "committee_incomplete"
  | "giver_required"
  | "invalid_date"
  | "invalid_size"
  | "letter_input_missing"
  | "letter_template_invalid"
  | "partner_consent_missing"
  | "school_required"
  | "unknown_arrangement"
  | "unknown_letter_template"
  | "unknown_person";

/** A case command's refusal: the case's state or the input does not allow it (HTTP 409). */
export type CaseRefusalCode =
  | TransitionError
  | PlanError
  | ParticipantError
  | RecordConsentError
  | OpenCaseError
  | LadderError
  | StagnationError
  | LedgerError
  | CaseCommandRefusalCode;

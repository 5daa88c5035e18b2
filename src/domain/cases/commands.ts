// domain.md §5: the commands a case accepts, one per decision or event of the closed chain.
// applyTransition (transitions.ts) validates them against the case's state.
import type { IsoDate } from "../calendar/dates.ts";
import type { CaseCommandType, CaseOutcome, CasePerson, OpenPhase } from "./model.ts";

export type CaseCommand =
  /** SCHOOL → CASE_DIRECTOR: automatically at absence week 4, or earlier by decision. */
  | { type: "hand_to_director"; reason: string; newOwner?: CasePerson }
  /** CASE_DIRECTOR → BREAKTHROUGH: at week 12 at the latest, earlier on stagnation or decision. */
  | { type: "convene_breakthrough"; reason: string }
  /** BREAKTHROUGH → ARBITRATION: needs consent (d) for binding arbitration. */
  | { type: "start_arbitration"; reason: string }
  | { type: "record_arbitration_ruling"; ruling: string; parentsAccept: boolean }
  /** → PROSECUTOR: arbitration or its ruling refused, or the 3-month term passed. */
  | { type: "refer_prosecutor"; route: "civil" | "criminal"; reason: string }
  /** Afschalen: back to a lower open phase, always with a reason. */
  | { type: "deescalate"; to: OpenPhase; reason: string; newOwner?: CasePerson }
  | { type: "close"; outcome: CaseOutcome; reason: string }
  /** The daily job asks the director for the week-8 decision (once). */
  | { type: "request_breakthrough_check" }
  /** The week-8 decision; "no" convenes the breakthrough team at once. */
  | { type: "record_breakthrough_check"; offerExpectedWithin4Weeks: boolean; reason: string }
  | { type: "record_offer_started"; startedOn: IsoDate }
  | { type: "mark_three_month_breach" };

export type { CaseCommandType };

// Every command has a name in model.ts's list and every name a command: one list, checked both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandNamesMatch: Same<CaseCommand["type"], CaseCommandType> = true;
void commandNamesMatch;

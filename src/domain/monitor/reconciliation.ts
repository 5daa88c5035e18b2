// domain.md §7 "Reconciliation": a partnership's or school's own thuiszitter list against the
// system's register — who is on one list and not the other, with the reason where known.
// Readings (docs/monitoring.md): the register's list is the broad thuiszitter definition at
// the date (LONG_TERM_ABSENT of either `legal` value, ABSOLUTE, an active art. 5a exemption)
// within the list's scope (its school, its partnership's schools, or residents of its
// municipality; persons without a school only in a municipality's scope).
import type { MonitorGrouping } from "./aggregate.ts";

export interface ReconciliationScope {
  kind: MonitorGrouping | "region";
  id: string;
}

/** What the register knows about one person at the date. */
export interface PersonFacts {
  id: string;
  known: boolean;
  residence: string;
  /** Schools with an enrolment active at the date. */
  schools: readonly string[];
  /** Kinds of exemptions active at the date. */
  exemptions: readonly string[];
  /** Signal codes holding at the date; LONG_TERM_ABSENT as `LONG_TERM_ABSENT:legal` when legal. */
  signals: readonly string[];
  /** Schools of the LONG_TERM_ABSENT signals that hold. */
  longTermAbsentAt: readonly string[];
  /** The latest case of the person: its state at the date. */
  caseState: "open" | "closed" | null;
}

export type NotInRegisterReason =
  | "unknown_person"
  | "exemption"
  | "not_enrolled"
  | "outside_scope"
  | "case_closed"
  | "signal_not_holding"
  | "no_absence_signal";

export type NotInListReason =
  | "thuiszitter_inspectie"
  | "thuiszitter_breed"
  | "absolute_absence"
  | "exemption_5a";

export interface ReconciliationLine<R extends string> {
  id: string;
  reason: R;
  /** Signal codes or exemption kinds behind the reason. */
  detail: string[];
  caseState: PersonFacts["caseState"];
}

export interface Reconciliation {
  inBoth: string[];
  onlyInList: ReconciliationLine<NotInRegisterReason>[];
  onlyInRegister: ReconciliationLine<NotInListReason>[];
}

export interface ScopeLookups {
  partnershipOf(schoolId: string): string;
}

function schoolInScope(school: string, scope: ReconciliationScope, lookups: ScopeLookups): boolean {
  if (scope.kind === "region") return true;
  if (scope.kind === "school") return school === scope.id;
  if (scope.kind === "partnership") return lookups.partnershipOf(school) === scope.id;
  return false;
}

function inScope(
  f: PersonFacts,
  schools: readonly string[],
  scope: ReconciliationScope,
  lookups: ScopeLookups,
): boolean {
  if (scope.kind === "municipality") return f.residence === scope.id;
  return schools.some((s) => schoolInScope(s, scope, lookups));
}

/** Whether the register counts the person as a thuiszitter within the scope, and why. */
export function registerReason(
  f: PersonFacts,
  scope: ReconciliationScope,
  lookups: ScopeLookups,
): ReconciliationLine<NotInListReason> | null {
  const line = (reason: NotInListReason, detail: string[]) => ({
    id: f.id,
    reason,
    detail,
    caseState: f.caseState,
  });
  if (f.longTermAbsentAt.length > 0 && inScope(f, f.longTermAbsentAt, scope, lookups)) {
    const legal = f.signals.includes("LONG_TERM_ABSENT:legal");
    return line(legal ? "thuiszitter_inspectie" : "thuiszitter_breed", ["LONG_TERM_ABSENT"]);
  }
  const personScope = scope.kind === "municipality" || scope.kind === "region";
  if (!personScope || (scope.kind === "municipality" && f.residence !== scope.id)) return null;
  if (f.signals.includes("ABSOLUTE")) return line("absolute_absence", ["ABSOLUTE"]);
  if (f.exemptions.includes("5a")) return line("exemption_5a", ["5a"]);
  return null;
}

/** Why a person on the other list is not a thuiszitter in the register. */
export function notInRegisterReason(
  f: PersonFacts,
  scope: ReconciliationScope,
  lookups: ScopeLookups,
): ReconciliationLine<NotInRegisterReason> {
  const line = (reason: NotInRegisterReason, detail: string[] = []) => ({
    id: f.id,
    reason,
    detail,
    caseState: f.caseState,
  });
  if (!f.known) return line("unknown_person");
  if (f.exemptions.length > 0) return line("exemption", [...f.exemptions]);
  if (f.schools.length === 0) return line("not_enrolled");
  if (!inScope(f, f.schools, scope, lookups)) return line("outside_scope");
  if (f.caseState === "closed") return line("case_closed");
  const holding = f.signals.map((s) => s.replace(":legal", ""));
  if (holding.length > 0) return line("signal_not_holding", holding);
  return line("no_absence_signal");
}

export function reconcile(
  list: readonly string[],
  facts: ReadonlyMap<string, PersonFacts>,
  scope: ReconciliationScope,
  lookups: ScopeLookups,
): Reconciliation {
  const theirs = new Set(list);
  const ours = new Map<string, ReconciliationLine<NotInListReason>>();
  for (const f of facts.values()) {
    const line = registerReason(f, scope, lookups);
    if (line) ours.set(f.id, line);
  }
  const unknown = (id: string): PersonFacts => ({
    id,
    known: false,
    residence: "",
    schools: [],
    exemptions: [],
    signals: [],
    longTermAbsentAt: [],
    caseState: null,
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    inBoth: [...theirs].filter((id) => ours.has(id)).sort(),
    onlyInList: [...theirs]
      .filter((id) => !ours.has(id))
      .map((id) => notInRegisterReason(facts.get(id) ?? unknown(id), scope, lookups))
      .sort(byId),
    onlyInRegister: [...ours.values()].filter((l) => !theirs.has(l.id)).sort(byId),
  };
}

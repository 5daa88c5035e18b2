// domain.md §7 and interfaces.md "Monitor rows": counts of distinct pupils/persons per group and
// measure at a date, with counts of 1–4 suppressed for policy roles.
import type { Signal } from "../signals/types.ts";

export type MonitorGrouping = "school" | "municipality" | "partnership";

export interface MonitorRow {
  group: string;
  measure: string;
  count: number | null;
}

export interface MonitorLookups {
  /** Residence municipality of a pupil or person (pupils first, then the population register). */
  municipalityOf(personId: string): string;
  partnershipOf(schoolId: string): string;
}

/** A person counted under a measure in a group, for additional measures (cases, exemptions). */
export interface MonitorFact {
  personId: string;
  schoolId: string;
  measure: string;
  /** A sum instead of a head count (budget spent): the cell adds these, rounded to whole units. */
  amount?: number;
}

export const SUPPRESSION_THRESHOLD = 5;

/** What the monitor reads of a signal: who, where, which code, and LONG_TERM_ABSENT's `legal`. */
export type MonitorSignal = Pick<Signal, "pupilId" | "schoolId" | "code" | "attributes">;

export function signalFacts(signals: readonly MonitorSignal[]): MonitorFact[] {
  const facts: MonitorFact[] = [];
  for (const s of signals) {
    facts.push({ personId: s.pupilId, schoolId: s.schoolId, measure: `signal:${s.code}` });
    if (s.code === "LONG_TERM_ABSENT") {
      if (s.attributes.legal) {
        facts.push({
          personId: s.pupilId,
          schoolId: s.schoolId,
          measure: "thuiszitters_inspectie",
        });
      }
      facts.push({ personId: s.pupilId, schoolId: s.schoolId, measure: "thuiszitters_breed" });
    }
    if (s.code === "ABSOLUTE") {
      facts.push({ personId: s.pupilId, schoolId: "", measure: "thuiszitters_breed" });
    }
  }
  return facts;
}

function groupOf(fact: MonitorFact, by: MonitorGrouping, lookups: MonitorLookups): string {
  if (by === "municipality") return lookups.municipalityOf(fact.personId);
  if (fact.schoolId === "") return "";
  return by === "school" ? fact.schoolId : lookups.partnershipOf(fact.schoolId);
}

/**
 * Distinct persons per (group, measure), sorted by group then measure; zero counts left out.
 * A measure with amounts reports their sum, suppressed when fewer than 5 persons make it up.
 */
export function aggregateMonitor(
  facts: readonly MonitorFact[],
  by: MonitorGrouping,
  lookups: MonitorLookups,
  suppress: boolean,
): MonitorRow[] {
  const cells = new Map<string, { persons: Set<string>; amount: number | null }>();
  for (const fact of facts) {
    const key = `${groupOf(fact, by, lookups)}\u0000${fact.measure}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { persons: new Set(), amount: null };
      cells.set(key, cell);
    }
    cell.persons.add(fact.personId);
    if (fact.amount !== undefined) cell.amount = (cell.amount ?? 0) + fact.amount;
  }
  const rows: MonitorRow[] = [];
  for (const [key, cell] of cells) {
    const [group = "", measure = ""] = key.split("\u0000");
    const persons = cell.persons.size;
    const value = cell.amount === null ? persons : Math.round(cell.amount);
    rows.push({
      group,
      measure,
      count: suppress && persons < SUPPRESSION_THRESHOLD ? null : value,
    });
  }
  return sortRows(rows);
}

export function sortRows(rows: MonitorRow[]): MonitorRow[] {
  return rows.sort((a, b) =>
    a.group < b.group
      ? -1
      : a.group > b.group
        ? 1
        : a.measure < b.measure
          ? -1
          : a.measure > b.measure
            ? 1
            : 0,
  );
}

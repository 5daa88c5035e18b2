// The monitor rows of interfaces.md ("Monitor rows": {group, measure, count|null}) arranged for
// the screens of domain.md §7: measures sorted into the dashboard's sections by their code, and
// a section's rows pivoted into a table of groups × measures. A missing row is a zero ("zero
// counts may be left out"); null is a suppressed count of 1–4 and is never shown as a number.
import type { MonitorRow } from "../../api/monitor.ts";
import { t } from "../../i18n/index.ts";

export type SectionId =
  | "signals"
  | "thuiszitters"
  | "casesPhase"
  | "casesDuration"
  | "absolute"
  | "exemptions"
  | "stagnation"
  | "outcomes"
  | "budget"
  | "other";

export const SECTION_ORDER: readonly SectionId[] = [
  "signals",
  "thuiszitters",
  "casesPhase",
  "casesDuration",
  "absolute",
  "exemptions",
  "stagnation",
  "outcomes",
  "budget",
  "other",
];

/** Cell value: a count, null for suppressed (1–4), 0 when the API left the row out. */
export type Cell = number | null;

export interface PivotTable {
  measures: string[];
  groups: string[];
  /** cells[groupIndex][measureIndex] */
  cells: Cell[][];
}

const PHASE_ORDER = ["SCHOOL", "CASE_DIRECTOR", "BREAKTHROUGH", "ARBITRATION", "PROSECUTOR"];
const BUCKET_ORDER = ["lt4w", "4w_3m", "3m_6m", "gt6m"];

function prefixOf(measure: string): string {
  const colon = measure.indexOf(":");
  return colon === -1 ? measure : measure.slice(0, colon);
}

function codeOf(measure: string): string {
  const colon = measure.indexOf(":");
  return colon === -1 ? "" : measure.slice(colon + 1);
}

/** The sections a measure is shown in (absolute absence is a signal and has its own section). */
export function sectionsOf(measure: string): SectionId[] {
  const prefix = prefixOf(measure);
  if (measure === "signal:ABSOLUTE") return ["signals", "absolute"];
  if (prefix === "signal") return ["signals"];
  if (prefix.startsWith("thuiszitters")) return ["thuiszitters"];
  if (prefix === "cases_open") return ["casesPhase"];
  if (prefix === "cases_open_weeks" || measure === "cases_open_no_offer_gt3m") {
    return ["casesDuration"];
  }
  if (measure === "cases_opened") return ["outcomes"];
  if (prefix.startsWith("absolute")) return ["absolute"];
  if (prefix.startsWith("exemption")) return ["exemptions"];
  if (prefix.startsWith("stagnation")) return ["stagnation"];
  if (prefix.startsWith("outcome") || prefix.startsWith("cases_closed")) return ["outcomes"];
  if (prefix.startsWith("budget")) return ["budget"];
  return ["other"];
}

/** Dutch name of a measure; an unknown code shows as it came, so nothing is hidden. */
export function measureLabel(measure: string): string {
  const d = t;
  const s = t.monitorScreens.measures;
  const prefix = prefixOf(measure);
  const code = codeOf(measure);
  const known = d.monitorMeasures[measure] ?? s.named[measure];
  if (known) return known;
  if (prefix === "signal") return (d.signalCodes as Record<string, string>)[code] ?? code;
  if (prefix === "cases_open") return (d.phases as Record<string, string>)[code] ?? code;
  if (prefix === "cases_open_weeks") return d.weekBuckets[code] ?? code;
  if (prefix.startsWith("exemption")) return s.exemptionKinds[code] ?? s.exemptionOther(code);
  if (prefix === "stagnation_waiting_list") return s.waitingListAt(code);
  if (prefix.startsWith("stagnation")) {
    return (d.stagnationCauses as Record<string, string>)[code] ?? code;
  }
  if (prefix.startsWith("outcome") || prefix.startsWith("cases_closed")) {
    return (d.outcomes as Record<string, string>)[code] ?? code;
  }
  return code === "" ? measure : `${prefix}: ${code}`;
}

function measureRank(measure: string): number {
  const code = codeOf(measure);
  if (measure === "cases_open" || measure === "cases_opened") return -1;
  if (measure === "cases_open_no_offer_gt3m") return 50;
  if (measure === "thuiszitters_inspectie") return 0;
  if (measure === "thuiszitters_breed") return 1;
  const phase = PHASE_ORDER.indexOf(code);
  if (prefixOf(measure) === "cases_open" && phase !== -1) return phase;
  const bucket = BUCKET_ORDER.indexOf(code);
  if (prefixOf(measure) === "cases_open_weeks" && bucket !== -1) return bucket;
  return 100;
}

export function compareMeasures(a: string, b: string): number {
  return measureRank(a) - measureRank(b) || a.localeCompare(b);
}

/** The rows of one section as groups × measures (groups in the API's order). */
export function pivot(rows: readonly MonitorRow[], section: SectionId): PivotTable {
  return pivotAll(rows.filter((r) => sectionsOf(r.measure).includes(section)));
}

export function pivotAll(
  inSection: readonly MonitorRow[],
  order: (a: string, b: string) => number = compareMeasures,
): PivotTable {
  const measures = [...new Set(inSection.map((r) => r.measure))].sort(order);
  const groups = [...new Set(inSection.map((r) => r.group))];
  const cells = groups.map(() => measures.map((): Cell => 0));
  for (const row of inSection) {
    const g = groups.indexOf(row.group);
    const m = measures.indexOf(row.measure);
    const line = cells[g];
    if (line) line[m] = row.count;
  }
  return { measures, groups, cells };
}

export function sectionsWithRows(rows: readonly MonitorRow[]): SectionId[] {
  const present = new Set(rows.flatMap((r) => sectionsOf(r.measure)));
  return SECTION_ORDER.filter((s) => present.has(s));
}

export function groupLabel(group: string): string {
  return group === "" ? t.monitor.noGroup : group;
}

/**
 * The cell at a position: a missing row is 0, but a suppressed null stays null (so never
 * `?? 0`, which would turn "< 5" into a 0 that was not counted).
 */
export function cellOf(value: Cell | undefined): Cell {
  return value === undefined ? 0 : value;
}

/** What a cell shows: "< 5" for a suppressed count, never 0 or an empty cell. */
export function cellText(cell: Cell): string {
  return cell === null ? t.monitor.suppressed : cell.toLocaleString(t.locale);
}

/** Money measures (the budget spent) are sums in euros, not head counts. */
export function isAmount(measure: string): boolean {
  return measure.startsWith("budget");
}

/**
 * What stands for a suppressed cell of a measure. "< 5" is a count of children (interfaces.md
 * "Monitor rows": counts of persons); a euro sum resting on 1–4 children is hidden as well, but
 * "< 5" beside euros would read as less than €5, so it says it is hidden (issue 11 item 6).
 */
export function suppressedText(measure: string): string {
  return isAmount(measure) ? t.monitor.suppressedFigure : t.monitor.suppressed;
}

/** A cell with its unit: euros for the budget, else a count; suppressedText when suppressed. */
export function formatCell(cell: Cell, measure: string): string {
  if (cell === null) return suppressedText(measure);
  if (!isAmount(measure)) return cellText(cell);
  return cell.toLocaleString(t.locale, { style: "currency", currency: "EUR" });
}

/** A cell as exported: the number, or the text that stands for a suppressed cell. */
export function cellExport(cell: Cell, measure = ""): number | string {
  return cell === null ? suppressedText(measure) : cell;
}

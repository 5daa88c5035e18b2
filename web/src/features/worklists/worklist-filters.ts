// The worklists' filters (issue 11 deliverable 5), pure so they are tested without a browser:
// show everything, only what is late (a DUO report not sent past its due date, domain.md §4; a
// case whose next deadline is overdue, §5) or only new signals; one kind of signal or report;
// one of the user's municipalities where a row names the pupil's residence.
import { isDuoOverdue } from "./duo-due-note.ts";

export type ShowFilter = "all" | "overdue" | "new";

export interface WorklistFilter {
  show: ShowFilter;
  /** "" for every kind, `signal:CODE` or `duo:TYPE`. */
  kind: string;
  /** "" for every municipality of the user. */
  municipality: string;
}

export const NO_FILTER: WorklistFilter = { show: "all", kind: "", municipality: "" };

export function isFiltered(f: WorklistFilter): boolean {
  return f.show !== "all" || f.kind !== "" || f.municipality !== "";
}

interface Located {
  municipality?: string | null | undefined;
}

function inMunicipality(row: Located, f: WorklistFilter): boolean {
  return f.municipality === "" || !row.municipality || row.municipality === f.municipality;
}

export interface FilterableSignal extends Located {
  code: string;
  state?: string | undefined;
  case_id?: string | null | undefined;
}

export function filterSignals<S extends FilterableSignal>(
  rows: readonly S[],
  f: WorklistFilter,
): S[] {
  return rows.filter((s) => {
    if (f.show === "overdue") return false;
    if (f.show === "new" && ((s.state ?? "open") !== "open" || s.case_id)) return false;
    if (f.kind !== "" && f.kind !== `signal:${s.code}`) return false;
    return inMunicipality(s, f);
  });
}

export interface FilterableReport extends Located {
  report_type: string;
  status: string;
  due_date: string;
  overdue?: boolean;
  timeliness?: "due" | "overdue" | "on_time" | "sent_late" | null;
}

export function filterReports<R extends FilterableReport>(
  rows: readonly R[],
  f: WorklistFilter,
  today: string,
): R[] {
  return rows.filter((r) => {
    if (f.show === "new") return false;
    if (f.show === "overdue" && !isDuoOverdue(r, today)) return false;
    if (f.kind !== "" && f.kind !== `duo:${r.report_type}`) return false;
    return inMunicipality(r, f);
  });
}

export interface FilterableCase extends Located {
  next_deadline: { status: string } | null;
  three_month: { status: string };
}

export function isCaseOverdue(c: FilterableCase): boolean {
  return c.next_deadline?.status === "overdue" || c.three_month.status === "overdue";
}

/** Cases follow "only late" and the municipality; a kind of signal or report does not apply. */
export function filterCases<C extends FilterableCase>(rows: readonly C[], f: WorklistFilter): C[] {
  return rows.filter((c) => {
    if (f.show === "new") return false;
    if (f.show === "overdue" && !isCaseOverdue(c)) return false;
    return inMunicipality(c, f);
  });
}

/** The first day of the school year `today` falls in (1 August, as the server counts it). */
export function schoolYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  return `${today.slice(5, 7) >= "08" ? year : year - 1}-08-01`;
}

/**
 * Whether a case can be opened for a child in absolute absence: a case belongs to a school of
 * the pupil this school year (src/commands/open-case.ts), so only a child whose last enrolment
 * ended this school year has one; for the others leerplicht first sees to enrolment.
 */
export function mayOpenCaseForAbsolute(
  signal: { code: string; evidence: Record<string, unknown> },
  today: string,
): boolean {
  if (signal.code !== "ABSOLUTE") return true;
  const end = signal.evidence.last_enrolment_end;
  return typeof end === "string" && end >= schoolYearStart(today);
}

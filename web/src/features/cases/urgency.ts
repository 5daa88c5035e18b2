// The order of a caseload (issue 5: "overdue and 3-month risk first"): a breached or at-risk
// 3-month guarantee, then an overdue deadline, then a deadline at risk, then by the next due
// date; closed cases last.
import type { CaseSummary } from "../../api/cases.ts";

export function urgencyRank(c: CaseSummary): number {
  if (c.phase === "CLOSED") return 5;
  const three = c.three_month.status;
  if (three === "breached" || three === "at_risk") return 0;
  const next = c.next_deadline?.status;
  if (next === "overdue") return 1;
  if (next === "at_risk") return 2;
  return 3;
}

export function isUrgent(c: CaseSummary): boolean {
  return urgencyRank(c) <= 2;
}

export function byUrgency(a: CaseSummary, b: CaseSummary): number {
  const rank = urgencyRank(a) - urgencyRank(b);
  if (rank !== 0) return rank;
  const da = a.next_deadline?.due_date ?? "9999-12-31";
  const db = b.next_deadline?.due_date ?? "9999-12-31";
  return da < db ? -1 : da > db ? 1 : a.pupil_name.localeCompare(b.pupil_name);
}

// domain.md §5 (the deadline table's KPI targets, seed 002) and §7 ("the KPIs of section 5,
// with their targets, per quarter"). Readings (docs/monitoring.md):
//   - a KPI of quarter Q counts the cases whose deadline fell due in Q (its due date in Q), as
//     computed by src/domain/cases/deadlines.ts at the end of Q (or today while Q runs);
//   - within the norm: met on or before the due date (`onTime`); the 3-month guarantee: `met`;
//   - missed: met late, overdue, or (guarantee) breached;
//   - pending: not met yet and the due date is not past (on the due date it can still be met) —
//     not in the total; a deadline a closed case never reached (closed before it fell due) is
//     not counted at all.
import type { IsoDate } from "../calendar/dates.ts";
import type { Deadline, DeadlineCode } from "../cases/deadlines.ts";

export const KPI_CODES = [
  "first_professional_contact",
  "first_conversation",
  "smart_goals",
  "three_month_guarantee",
] as const satisfies readonly DeadlineCode[];
export type KpiCode = (typeof KPI_CODES)[number];

/** Seed 002's targets as fractions (domain.md §5). */
export const KPI_TARGETS: Record<KpiCode, number> = {
  first_professional_contact: 0.8,
  first_conversation: 1,
  smart_goals: 0.9,
  three_month_guarantee: 0.8,
};

/** The norm each KPI checks, in words (English; the UI translates). */
export const KPI_NORMS: Record<KpiCode, string> = {
  first_professional_contact:
    "first contact with pupil and parents within 1 week of the case start",
  first_conversation: "first conversation within 14 days (waiting-time norm)",
  smart_goals: "SMART goals set within 1 month of the case start",
  three_month_guarantee: "no child longer than 3 months at home without a suitable offer",
};

export type KpiStatus = "met" | "missed" | "pending";

export interface KpiCaseInput {
  caseId: string;
  pupilId: string;
  schoolId: string;
  /** Set when the case closed on or before the evaluation date. */
  closedAt?: IsoDate;
  /** The case's deadlines evaluated at `evaluatedAt`. */
  deadlines: readonly Deadline[];
}

export interface KpiCaseLine {
  caseId: string;
  pupilId: string;
  schoolId: string;
  dueDate: IsoDate;
  status: KpiStatus;
  metOn: IsoDate | null;
}

export interface KpiResult {
  code: KpiCode;
  target: number;
  met: number;
  total: number;
  pending: number;
  /** met / total; null without cases. */
  actual: number | null;
  lines: KpiCaseLine[];
}

export function kpiStatus(d: Deadline, evaluatedAt: IsoDate, closedAt?: IsoDate): KpiStatus | null {
  if (d.status === "met") return d.code === "three_month_guarantee" || d.onTime ? "met" : "missed";
  if (d.status === "overdue" || d.status === "breached") return "missed";
  // open or at risk: can still be met (today included), unless the case closed before
  return closedAt === undefined && d.dueDate >= evaluatedAt ? "pending" : null;
}

export function quarterKpis(
  cases: readonly KpiCaseInput[],
  quarter: { from: IsoDate; to: IsoDate },
  evaluatedAt: IsoDate,
): KpiResult[] {
  return KPI_CODES.map((code) => {
    const lines: KpiCaseLine[] = [];
    for (const c of cases) {
      const d = c.deadlines.find((x) => x.code === code);
      if (!d || d.dueDate < quarter.from || d.dueDate > quarter.to) continue;
      const status = kpiStatus(d, evaluatedAt, c.closedAt);
      if (status === null) continue;
      lines.push({
        caseId: c.caseId,
        pupilId: c.pupilId,
        schoolId: c.schoolId,
        dueDate: d.dueDate,
        status,
        metOn: d.metOn ?? null,
      });
    }
    const met = lines.filter((l) => l.status === "met").length;
    const pending = lines.filter((l) => l.status === "pending").length;
    const total = lines.length - pending;
    return {
      code,
      target: KPI_TARGETS[code],
      met,
      total,
      pending,
      actual: total === 0 ? null : met / total,
      lines: lines.sort((a, b) =>
        a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.caseId < b.caseId ? -1 : 1,
      ),
    };
  });
}

// domain.md §5 ("former thuiszitters stay followed") and §7 ("Former thuiszitters: follow their
// school career after closing (re-entry, school changes, diploma/start qualification, new
// absence)"), as a cohort view: one cohort per quarter of closing. Readings (docs/monitoring.md):
//   - a former thuiszitter is a pupil whose case closed on or before the date (the latest
//     closed case counts when there are several); followed from the day after the closing;
//   - re-entered: an enrolment active at the date and LONG_TERM_ABSENT not holding;
//   - attendance since closing: 1 − absent minutes / scheduled minutes over the school days of
//     the enrolments after the closing (absence as in §3: every reason but `late` and
//     `exempt_11a`); `attendance_90`: at least 90 % of scheduled time present;
//   - changed school: an enrolment that started after the closing at another school than the
//     case's;
//   - new signal: any signal holding at the date; new case: a case opened after the closing;
//   - left education: no enrolment active at the date; with a start qualification when the
//     register records one (pupils.start_qualification_date), otherwise "unknown" — the
//     canonical import files carry no start qualification, so without one the figure says so.
import type { IsoDate } from "../calendar/dates.ts";
import { type MonitorRow, SUPPRESSION_THRESHOLD, sortRows } from "./aggregate.ts";
import { quarterOf } from "./quarters.ts";

export interface FormerInput {
  caseId: string;
  pupilId: string;
  caseSchoolId: string;
  closedAt: IsoDate;
  outcome: string;
  enrolments: readonly { schoolId: string; startDate: IsoDate; endDate: IsoDate | null }[];
  scheduledMinutesSince: number;
  absentMinutesSince: number;
  signalsNow: readonly string[];
  laterCaseOpened: boolean;
  startQualificationDate: IsoDate | null;
}

export interface FormerPupil {
  caseId: string;
  pupilId: string;
  cohort: string;
  closedAt: IsoDate;
  outcome: string;
  enrolledNow: boolean;
  reentered: boolean;
  schoolChanges: number;
  /** null without scheduled time since the closing. */
  attendanceRate: number | null;
  signalsNow: string[];
  newCase: boolean;
  leftEducation: boolean;
  startQualification: "obtained" | "unknown";
}

export function followFormer(x: FormerInput, asOf: IsoDate): FormerPupil {
  const active = x.enrolments.filter(
    (e) => e.startDate <= asOf && (e.endDate === null || e.endDate >= asOf),
  );
  const enrolledNow = active.length > 0;
  const later = x.enrolments.filter(
    (e) => e.startDate > x.closedAt && e.schoolId !== x.caseSchoolId,
  );
  const longTermAbsent = x.signalsNow.includes("LONG_TERM_ABSENT");
  return {
    caseId: x.caseId,
    pupilId: x.pupilId,
    cohort: quarterOf(x.closedAt),
    closedAt: x.closedAt,
    outcome: x.outcome,
    enrolledNow,
    reentered: enrolledNow && !longTermAbsent,
    schoolChanges: new Set(later.map((e) => e.schoolId)).size,
    attendanceRate:
      x.scheduledMinutesSince > 0
        ? Math.max(0, 1 - x.absentMinutesSince / x.scheduledMinutesSince)
        : null,
    signalsNow: [...new Set(x.signalsNow)].sort(),
    newCase: x.laterCaseOpened,
    leftEducation: !enrolledNow,
    startQualification:
      x.startQualificationDate !== null && x.startQualificationDate <= asOf
        ? "obtained"
        : "unknown",
  };
}

export const FORMER_MEASURES = [
  "former_thuiszitters",
  "reentered",
  "enrolled_now",
  "attendance_90",
  "changed_school",
  "new_signal",
  "long_term_absent_again",
  "new_case",
  "left_education",
  "left_with_start_qualification",
  "left_start_qualification_unknown",
] as const;

function measuresOf(p: FormerPupil): string[] {
  const m = ["former_thuiszitters", `outcome:${p.outcome}`];
  if (p.reentered) m.push("reentered");
  if (p.enrolledNow) m.push("enrolled_now");
  if (p.attendanceRate !== null && p.attendanceRate >= 0.9) m.push("attendance_90");
  if (p.schoolChanges > 0) m.push("changed_school");
  if (p.signalsNow.length > 0) m.push("new_signal");
  if (p.signalsNow.includes("LONG_TERM_ABSENT")) m.push("long_term_absent_again");
  if (p.newCase) m.push("new_case");
  if (p.leftEducation) {
    m.push("left_education");
    m.push(
      p.startQualification === "obtained"
        ? "left_with_start_qualification"
        : "left_start_qualification_unknown",
    );
  }
  return m;
}

export interface CohortRow {
  cohort: string;
  measure: string;
  count: number | null;
}

/** Counts per closing quarter and measure (distinct pupils), 1–4 suppressed when asked. */
export function cohortRows(pupils: readonly FormerPupil[], suppress: boolean): CohortRow[] {
  const cells = new Map<string, Set<string>>();
  for (const p of pupils) {
    for (const measure of measuresOf(p)) {
      const key = `${p.cohort}\u0000${measure}`;
      const set = cells.get(key) ?? new Set<string>();
      set.add(p.pupilId);
      cells.set(key, set);
    }
  }
  const rows: MonitorRow[] = [...cells].map(([key, set]) => {
    const [group = "", measure = ""] = key.split("\u0000");
    const n = set.size;
    return { group, measure, count: suppress && n < SUPPRESSION_THRESHOLD ? null : n };
  });
  return sortRows(rows).map((r) => ({ cohort: r.group, measure: r.measure, count: r.count }));
}

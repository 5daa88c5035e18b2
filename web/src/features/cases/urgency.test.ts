import { describe, expect, it } from "vitest";
import type { CaseSummary } from "../../api/cases.ts";
import { byUrgency, isUrgent, urgencyRank } from "./urgency.ts";

type Status = CaseSummary["three_month"]["status"];
type DeadlineStatus = NonNullable<CaseSummary["next_deadline"]>["status"];

function summary(
  name: string,
  three: Status,
  next?: { status: DeadlineStatus; due: string },
  phase: CaseSummary["phase"] = "CASE_DIRECTOR",
): CaseSummary {
  return {
    id: name,
    pupil_id: name,
    pupil_name: name,
    school_id: "12AB00",
    school_name: "Basisschool De Linde",
    municipality: "Zandstad",
    phase,
    opened_at: "2026-01-05",
    absence_start_date: "2026-01-05",
    clock_weeks: 6,
    owner: { person_id: "u1", role: "case_director", organisation: "Gemeente" },
    next_deadline: next
      ? {
          code: "first_conversation",
          due_date: next.due,
          status: next.status,
          met_on: null,
          on_time: null,
          responsible: { role: "attendance_officer", person_id: null },
          kpi_target: null,
        }
      : null,
    three_month: { due_date: "2026-04-05", status: three, breach_marked_at: null },
  };
}

describe("caseload order (overdue and 3-month risk first)", () => {
  it("ranks the 3-month guarantee at risk or breached first, then overdue, then at risk", () => {
    expect(urgencyRank(summary("a", "at_risk"))).toBe(0);
    expect(urgencyRank(summary("b", "breached"))).toBe(0);
    expect(urgencyRank(summary("c", "open", { status: "overdue", due: "2026-02-01" }))).toBe(1);
    expect(urgencyRank(summary("d", "open", { status: "at_risk", due: "2026-02-01" }))).toBe(2);
    expect(urgencyRank(summary("e", "open", { status: "open", due: "2026-02-01" }))).toBe(3);
    expect(urgencyRank(summary("f", "breached", undefined, "CLOSED"))).toBe(5);
    expect(isUrgent(summary("c", "open", { status: "overdue", due: "2026-02-01" }))).toBe(true);
    expect(isUrgent(summary("e", "open"))).toBe(false);
  });

  it("orders within a rank by the next due date, cases without one last", () => {
    const cases = [
      summary("calm-late", "open", { status: "open", due: "2026-03-20" }),
      summary("none", "open"),
      summary("closed", "breached", undefined, "CLOSED"),
      summary("overdue", "open", { status: "overdue", due: "2026-02-10" }),
      summary("calm-soon", "open", { status: "open", due: "2026-03-01" }),
      summary("risk", "at_risk", { status: "open", due: "2026-03-05" }),
    ];
    expect([...cases].sort(byUrgency).map((c) => c.id)).toEqual([
      "risk",
      "overdue",
      "calm-soon",
      "calm-late",
      "none",
      "closed",
    ]);
  });
});

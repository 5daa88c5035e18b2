import { describe, expect, it } from "vitest";
import type { Deadline } from "../cases/deadlines.ts";
import { quarterKpis } from "./kpis.ts";

const responsible = { role: "care_coordinator" as const, personId: "u1" };

function d(
  code: Deadline["code"],
  dueDate: string,
  status: Deadline["status"],
  metOn?: string,
): Deadline {
  return {
    code,
    dueDate,
    status,
    responsible,
    ...(metOn ? { metOn, onTime: metOn <= dueDate } : {}),
  };
}

describe("quarter KPIs", () => {
  const q1 = { from: "2026-01-01", to: "2026-03-31" };

  it("counts cases whose deadline fell due in the quarter: on time, late, overdue", () => {
    const cases = [
      {
        caseId: "a",
        pupilId: "P1",
        schoolId: "S",
        deadlines: [d("first_professional_contact", "2026-01-10", "met", "2026-01-08")],
      },
      {
        caseId: "b",
        pupilId: "P2",
        schoolId: "S",
        deadlines: [d("first_professional_contact", "2026-02-10", "met", "2026-02-12")],
      },
      {
        caseId: "c",
        pupilId: "P3",
        schoolId: "S",
        deadlines: [d("first_professional_contact", "2026-03-01", "overdue")],
      },
      {
        caseId: "d",
        pupilId: "P4",
        schoolId: "S",
        deadlines: [d("first_professional_contact", "2025-12-30", "met", "2025-12-29")],
      },
      {
        caseId: "e",
        pupilId: "P5",
        schoolId: "S",
        deadlines: [d("first_professional_contact", "2026-03-20", "open")],
      },
    ];
    const [contact] = quarterKpis(cases, q1, "2026-03-12");
    expect(contact).toMatchObject({
      code: "first_professional_contact",
      target: 0.8,
      met: 1,
      total: 3,
      pending: 1,
    });
    expect(contact?.actual).toBeCloseTo(1 / 3);
    expect(contact?.lines.map((l) => [l.caseId, l.status])).toEqual([
      ["a", "met"],
      ["b", "missed"],
      ["c", "missed"],
      ["e", "pending"],
    ]);
  });

  it("reads the guarantee as met or breached and skips deadlines a closed case never reached", () => {
    const cases = [
      {
        caseId: "a",
        pupilId: "P1",
        schoolId: "S",
        deadlines: [d("three_month_guarantee", "2026-02-28", "met", "2026-02-01")],
      },
      {
        caseId: "b",
        pupilId: "P2",
        schoolId: "S",
        deadlines: [d("three_month_guarantee", "2026-02-20", "breached")],
      },
      // closed before the contact fell due: evaluated at the closing, still "open" → not counted
      {
        caseId: "c",
        pupilId: "P3",
        schoolId: "S",
        closedAt: "2026-01-15",
        deadlines: [d("smart_goals", "2026-03-31", "open")],
      },
    ];
    const results = quarterKpis(cases, q1, "2026-03-31");
    const guarantee = results.find((r) => r.code === "three_month_guarantee");
    expect(guarantee).toMatchObject({ met: 1, total: 2, pending: 0, actual: 0.5, target: 0.8 });
    expect(results.find((r) => r.code === "smart_goals")).toMatchObject({
      total: 0,
      pending: 0,
      actual: null,
    });
  });
});

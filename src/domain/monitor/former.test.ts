import { describe, expect, it } from "vitest";
import { cohortRows, type FormerInput, followFormer } from "./former.ts";

function input(overrides: Partial<FormerInput> = {}): FormerInput {
  return {
    caseId: "c1",
    pupilId: "P1",
    caseSchoolId: "12AB00",
    closedAt: "2026-01-15",
    outcome: "other_regular_school",
    enrolments: [
      { schoolId: "12AB00", startDate: "2020-08-20", endDate: "2026-01-15" },
      { schoolId: "34CD00", startDate: "2026-01-19", endDate: null },
    ],
    scheduledMinutesSince: 10_000,
    absentMinutesSince: 500,
    signalsNow: [],
    laterCaseOpened: false,
    startQualificationDate: null,
    ...overrides,
  };
}

describe("former thuiszitters", () => {
  it("follows re-entry, school change and attendance after the closing", () => {
    const p = followFormer(input(), "2026-03-02");
    expect(p).toMatchObject({
      cohort: "2026-Q1",
      enrolledNow: true,
      reentered: true,
      schoolChanges: 1,
      attendanceRate: 0.95,
      leftEducation: false,
      startQualification: "unknown",
    });
  });

  it("sees a new long-term absence, a new case, and leaving with or without a known start qualification", () => {
    const again = followFormer(
      input({ signalsNow: ["LONG_TERM_ABSENT"], laterCaseOpened: true }),
      "2026-03-02",
    );
    expect(again).toMatchObject({ reentered: false, newCase: true });
    const left = followFormer(
      input({
        enrolments: [{ schoolId: "12AB00", startDate: "2020-08-20", endDate: "2026-01-15" }],
        scheduledMinutesSince: 0,
      }),
      "2026-03-02",
    );
    expect(left).toMatchObject({
      leftEducation: true,
      attendanceRate: null,
      startQualification: "unknown",
    });
    const qualified = followFormer(
      input({ enrolments: [], startQualificationDate: "2026-01-10" }),
      "2026-03-02",
    );
    expect(qualified.startQualification).toBe("obtained");
    const rows = cohortRows(
      [again, left, qualified].map((p, i) => ({ ...p, pupilId: `P${i}` })),
      false,
    );
    expect(rows.filter((r) => r.cohort === "2026-Q1").map((r) => [r.measure, r.count])).toEqual([
      ["attendance_90", 2],
      ["changed_school", 1],
      ["enrolled_now", 1],
      ["former_thuiszitters", 3],
      ["left_education", 2],
      ["left_start_qualification_unknown", 1],
      ["left_with_start_qualification", 1],
      ["long_term_absent_again", 1],
      ["new_case", 1],
      ["new_signal", 1],
      ["outcome:other_regular_school", 3],
    ]);
    expect(cohortRows([again], true)[0]?.count).toBeNull();
  });
});

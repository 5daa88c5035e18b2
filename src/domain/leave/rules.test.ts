import { describe, expect, it } from "vitest";
import { buildSchoolCalendar } from "../calendar/school-calendar.ts";
import type { AttendanceRecord } from "../signals/types.ts";
import { applyDecidedLeave, reasonUnderLeave } from "./absence.ts";
import { checkLeaveRequest, deciderOf, firstLesweken, schoolDaysOfLeave } from "./rules.ts";

// A small hand-made calendar: a school open Monday–Thursday (Friday has no lessons), the summer
// holiday until Sunday 31 August 2025, the autumn holiday 20–24 October and a studiedag.
const calendar = buildSchoolCalendar(
  { schoolId: "99XX00", holidayRegion: "zuid", minutesByWeekday: [300, 300, 300, 300, 0] },
  [
    { scope: "zuid", startDate: "2025-07-12", endDate: "2025-08-31", name: "zomervakantie" },
    { scope: "zuid", startDate: "2025-10-20", endDate: "2025-10-26", name: "herfstvakantie" },
    { scope: "99XX00", startDate: "2025-11-04", endDate: "2025-11-04", name: "studiedag" },
  ],
);

describe("leave requests (domain.md §4)", () => {
  it("counts school days of the pupil's school only: no Fridays, holidays or studiedagen", () => {
    // Mon 3 Nov … Fri 14 Nov: 8 weekdays with lessons, minus the studiedag on 4 Nov.
    expect(schoolDaysOfLeave(calendar, "2025-11-03", "2025-11-14")).toBe(7);
    expect(schoolDaysOfLeave(calendar, "2025-10-18", "2025-10-26")).toBe(0);
  });

  it("goes to the school head up to 10 school days and to leerplicht above that", () => {
    expect(deciderOf(10)).toBe("school_head");
    expect(deciderOf(11)).toBe("attendance_officer");
    // 10 school days (Mon–Thu for 2.5 weeks) vs 11.
    const ten = checkLeaveRequest(
      { kind: "important_circumstances", startDate: "2025-11-10", endDate: "2025-11-25" },
      calendar,
      [],
    );
    expect(ten).toEqual({ schoolDays: 10, decider: "school_head", violations: [] });
    const eleven = checkLeaveRequest(
      { kind: "important_circumstances", startDate: "2025-11-10", endDate: "2025-11-26" },
      calendar,
      [],
    );
    expect(eleven).toEqual({ schoolDays: 11, decider: "attendance_officer", violations: [] });
  });

  it("allows a holiday for the parent's job of at most 10 school days", () => {
    const tooLong = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2025-11-10", endDate: "2025-11-26" },
      calendar,
      [],
    );
    expect(tooLong.violations).toEqual(["job_holiday_too_long"]);
  });

  it("never in the first 2 lesweken of the school year (holiday weeks are no lesweek)", () => {
    expect(firstLesweken(calendar, "2025-12-01", 2)).toEqual({
      from: "2025-09-01",
      to: "2025-09-14",
    });
    const second = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2025-09-11", endDate: "2025-09-18" },
      calendar,
      [],
    );
    expect(second.violations).toEqual(["job_holiday_first_lesweken"]);
    const third = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2025-09-15", endDate: "2025-09-18" },
      calendar,
      [],
    );
    expect(third.violations).toEqual([]);
    // Important circumstances (art. 14) know no such rule.
    const funeral = checkLeaveRequest(
      { kind: "important_circumstances", startDate: "2025-09-02", endDate: "2025-09-02" },
      calendar,
      [],
    );
    expect(funeral.violations).toEqual([]);
  });

  it("grants a job holiday once a school year", () => {
    const earlier = [
      { kind: "job_holiday" as const, startDate: "2026-02-02", endDate: "2026-02-05" },
    ];
    const sameYear = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2026-05-04", endDate: "2026-05-07" },
      calendar,
      earlier,
    );
    expect(sameYear.violations).toEqual(["job_holiday_once_a_year"]);
    const nextYear = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2026-11-02", endDate: "2026-11-05" },
      calendar,
      earlier,
    );
    expect(nextYear.violations).toEqual([]);
    const otherKind = checkLeaveRequest(
      { kind: "job_holiday", startDate: "2026-05-04", endDate: "2026-05-07" },
      calendar,
      [{ kind: "important_circumstances", startDate: "2026-02-02", endDate: "2026-02-05" }],
    );
    expect(otherKind.violations).toEqual([]);
  });

  it("refuses periods without school days and reversed dates", () => {
    expect(
      checkLeaveRequest(
        { kind: "important_circumstances", startDate: "2025-10-20", endDate: "2025-10-24" },
        calendar,
        [],
      ).violations,
    ).toEqual(["no_school_days"]);
    expect(
      checkLeaveRequest(
        { kind: "important_circumstances", startDate: "2025-11-10", endDate: "2025-11-03" },
        calendar,
        [],
      ).violations,
    ).toEqual(["end_before_start"]);
  });
});

describe("absence under decided leave (§4: approved is leave, taken without approval luxury)", () => {
  const approved = { status: "approved" as const, startDate: "2025-11-10", endDate: "2025-11-13" };
  const refused = { status: "refused" as const, startDate: "2025-12-01", endDate: "2025-12-04" };

  it("reads unauthorized absence inside approved leave as leave", () => {
    expect(reasonUnderLeave("2025-11-11", "unreported", [approved])).toBe("leave");
    expect(reasonUnderLeave("2025-11-11", "luxury", [approved])).toBe("leave");
    expect(reasonUnderLeave("2025-11-14", "unreported", [approved])).toBe("unreported");
    // The pupil was there (late) or was sick: the reason stays.
    expect(reasonUnderLeave("2025-11-11", "late", [approved])).toBe("late");
    expect(reasonUnderLeave("2025-11-11", "sick", [approved])).toBe("sick");
  });

  it("reads leave or unreported absence inside a refused request as luxury", () => {
    expect(reasonUnderLeave("2025-12-02", "leave", [refused])).toBe("luxury");
    expect(reasonUnderLeave("2025-12-02", "unreported", [refused])).toBe("luxury");
    expect(reasonUnderLeave("2025-12-02", "sick", [refused])).toBe("sick");
    expect(reasonUnderLeave("2025-12-02", "unreported", [])).toBe("unreported");
  });

  it("lets an approval win over a refusal of the same days", () => {
    const again = { ...approved, startDate: "2025-12-01", endDate: "2025-12-04" };
    expect(reasonUnderLeave("2025-12-02", "unreported", [refused, again])).toBe("leave");
  });

  it("maps rows and leaves other rows untouched", () => {
    const rows: AttendanceRecord[] = [
      { date: "2025-11-10", period: "day", minutes: 300, reason: "unreported" },
      { date: "2025-11-17", period: "day", minutes: 300, reason: "unreported" },
    ];
    expect(applyDecidedLeave(rows, [approved]).map((r) => r.reason)).toEqual([
      "leave",
      "unreported",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { addDays, dayNumber, fromDayNumber, isIsoDate, isoWeekday } from "./dates.ts";
import { buildSchoolCalendar } from "./school-calendar.ts";

describe("dates", () => {
  it("round-trips day numbers and knows weekdays", () => {
    expect(fromDayNumber(dayNumber("2026-03-02"))).toBe("2026-03-02");
    expect(isoWeekday("2026-03-02")).toBe(1); // a Monday
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });
});

describe("school calendar", () => {
  const school = {
    schoolId: "99XX00",
    holidayRegion: "zuid" as const,
    minutesByWeekday: [330, 330, 210, 330, 0] as const,
  };
  const calendar = buildSchoolCalendar(school, [
    { scope: "zuid", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
    { scope: "noord", startDate: "2026-02-28", endDate: "2026-03-08", name: "voorjaarsvakantie" },
    { scope: "99XX00", startDate: "2026-03-25", endDate: "2026-03-25", name: "studiedag" },
    { scope: "11YY00", startDate: "2026-03-26", endDate: "2026-03-26", name: "studiedag" },
  ]);

  it("follows the timetable per weekday, including a weekday without lessons", () => {
    expect(calendar.scheduledMinutes("2026-03-02")).toBe(330);
    expect(calendar.scheduledMinutes("2026-03-04")).toBe(210);
    expect(calendar.isSchoolDay("2026-03-06")).toBe(false); // Friday: 0 minutes
    expect(calendar.isSchoolDay("2026-03-07")).toBe(false); // Saturday
  });

  it("closes on its own region's holidays and studiedagen only", () => {
    expect(calendar.isSchoolDay("2026-02-16")).toBe(false);
    expect(calendar.isSchoolDay("2026-03-02")).toBe(true); // noord's holiday, not ours
    expect(calendar.isSchoolDay("2026-03-25")).toBe(false);
    expect(calendar.isSchoolDay("2026-03-26")).toBe(true); // another school's studiedag
  });
});

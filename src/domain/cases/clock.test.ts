import { describe, expect, it } from "vitest";
import { calendar, sampleCase } from "../../../test/support/case-calendar.ts";
import { absenceWeekStart, caseClockWeeks } from "./clock.ts";

describe("case clock", () => {
  const lesweken = sampleCase();
  const calendarWeeks = sampleCase({ clockMode: "calendar_weeks" });

  it("is week 1 from the absence start and 0 before it", () => {
    expect(caseClockWeeks(lesweken, calendar, "2025-11-25")).toBe(0);
    expect(caseClockWeeks(lesweken, calendar, "2025-11-26")).toBe(1);
    expect(caseClockWeeks(lesweken, calendar, "2025-11-30")).toBe(1); // Sunday, same ISO week
    expect(caseClockWeeks(lesweken, calendar, "2025-12-01")).toBe(2);
  });

  it("stands still over the Christmas holiday in lesweken, runs on in calendar weeks", () => {
    expect(caseClockWeeks(lesweken, calendar, "2025-12-19")).toBe(4);
    expect(caseClockWeeks(lesweken, calendar, "2025-12-24")).toBe(4);
    expect(caseClockWeeks(lesweken, calendar, "2026-01-02")).toBe(4);
    expect(caseClockWeeks(lesweken, calendar, "2026-01-05")).toBe(5);
    expect(caseClockWeeks(calendarWeeks, calendar, "2025-12-24")).toBe(5);
    expect(caseClockWeeks(calendarWeeks, calendar, "2026-01-05")).toBe(7);
  });

  it("skips the spring holiday too, so week 12 falls on 2026-03-02 in lesweken", () => {
    expect(caseClockWeeks(lesweken, calendar, "2026-02-13")).toBe(10);
    expect(caseClockWeeks(lesweken, calendar, "2026-02-18")).toBe(10);
    expect(caseClockWeeks(lesweken, calendar, "2026-02-23")).toBe(11);
    expect(caseClockWeeks(lesweken, calendar, "2026-03-02")).toBe(12);
    expect(absenceWeekStart(lesweken, calendar, 4)).toBe("2025-12-15");
    expect(absenceWeekStart(lesweken, calendar, 8)).toBe("2026-01-26");
    expect(absenceWeekStart(lesweken, calendar, 12)).toBe("2026-03-02");
    expect(absenceWeekStart(calendarWeeks, calendar, 12)).toBe("2026-02-09");
  });

  it("starts week 1 at the first lesweek when the absence began in a holiday week", () => {
    const holidayStart = sampleCase({ absenceStartDate: "2025-12-22", openedAt: "2025-12-22" });
    expect(caseClockWeeks(holidayStart, calendar, "2025-12-30")).toBe(0);
    expect(caseClockWeeks(holidayStart, calendar, "2026-01-05")).toBe(1);
    expect(absenceWeekStart(holidayStart, calendar, 1)).toBe("2026-01-05");
    expect(absenceWeekStart(lesweken, calendar, 1)).toBe("2025-11-26");
  });
});

import { describe, expect, it } from "vitest";
import { addDays, dayNumber, fromDayNumber, isIsoDate, isoWeekday } from "./dates.ts";
import { buildSchoolCalendar, buildSchoolCalendars, type Closure } from "./school-calendar.ts";

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

describe("every school's calendar at once (buildSchoolCalendars)", () => {
  const timetable = (schoolId: string, holidayRegion: "noord" | "midden" | "zuid") => ({
    schoolId,
    holidayRegion,
    minutesByWeekday: [300, 300, 240, 300, 300] as [number, number, number, number, number],
  });
  const schools = [
    timetable("01AA", "noord"),
    timetable("02BB", "zuid"),
    timetable("03CC", "noord"),
  ];
  const closures: Closure[] = [
    { scope: "03CC", startDate: "2026-03-09", endDate: "2026-03-09", name: "studiedag C" },
    { scope: "all", startDate: "2026-04-27", endDate: "2026-04-27", name: "Koningsdag" },
    { scope: "noord", startDate: "2026-02-16", endDate: "2026-02-20", name: "voorjaar noord" },
    { scope: "zuid", startDate: "2026-02-09", endDate: "2026-02-13", name: "voorjaar zuid" },
    { scope: "01AA", startDate: "2026-03-10", endDate: "2026-03-10", name: "studiedag A" },
    { scope: "all", startDate: "2026-05-14", endDate: "2026-05-15", name: "Hemelvaart" },
  ];

  it("gives each school the closures that apply to it, in the given order, as one at a time", () => {
    const calendars = buildSchoolCalendars(schools, closures);
    expect([...calendars.keys()]).toEqual(["01AA", "02BB", "03CC"]);
    expect(calendars.get("01AA")?.closures.map((c) => c.name)).toEqual([
      "Koningsdag",
      "voorjaar noord",
      "studiedag A",
      "Hemelvaart",
    ]);
    expect(calendars.get("02BB")?.closures.map((c) => c.name)).toEqual([
      "Koningsdag",
      "voorjaar zuid",
      "Hemelvaart",
    ]);
    for (const school of schools) {
      const one = buildSchoolCalendar(school, closures);
      const many = calendars.get(school.schoolId)!;
      expect(many.closures).toEqual(one.closures);
      for (let day = dayNumber("2026-02-01"); day <= dayNumber("2026-05-31"); day++) {
        expect(many.scheduledMinutesOfDay(day), `${school.schoolId} ${fromDayNumber(day)}`).toBe(
          one.scheduledMinutesOfDay(day),
        );
      }
    }
    // A school's own closure applies to it only.
    expect(calendars.get("03CC")?.isSchoolDay("2026-03-09")).toBe(false);
    expect(calendars.get("01AA")?.isSchoolDay("2026-03-09")).toBe(true);
  });
});

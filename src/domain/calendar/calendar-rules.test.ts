import { describe, expect, it } from "vitest";
import { CLOSURES, NOORD, ZUID } from "../../../test/support/signal-calendars.ts";
import { ageInYearsOnDay, isOfCompulsorySchoolAge } from "./ages.ts";
import { dayNumber, fromDayNumber, monthsBeforeDay, schoolYearStartOfDay } from "./dates.ts";
import { hourUnitsOfRow } from "./hours.ts";
import { buildSchoolCalendar } from "./school-calendar.ts";
import {
  buildSchoolDays,
  completeLesweekenBefore,
  lesweekenUpTo,
  lesweekenWithin,
  schoolDaysBetween,
} from "./school-days.ts";
import { episodesUpTo, groupSickEpisodes, isSickDay } from "./sick-episodes.ts";

const d = dayNumber;
const dates = (days: number[]) => days.map(fromDayNumber);

describe("dates", () => {
  it("computes day numbers exactly as Date.UTC does, across centuries and leap days", () => {
    for (let day = d("1899-12-25"); day < d("2101-01-05"); day += 37) {
      const iso = fromDayNumber(day);
      expect(d(iso)).toBe(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)) / 864e5);
    }
    expect(d("2024-02-29") - d("2024-02-28")).toBe(1);
  });

  it("goes back calendar months, clamped to the month's end", () => {
    expect(fromDayNumber(monthsBeforeDay(d("2026-03-12"), 2))).toBe("2026-01-12");
    expect(fromDayNumber(monthsBeforeDay(d("2026-04-30"), 2))).toBe("2026-02-28");
    expect(fromDayNumber(monthsBeforeDay(d("2024-04-30"), 2))).toBe("2024-02-29");
    expect(fromDayNumber(monthsBeforeDay(d("2026-01-31"), 2))).toBe("2025-11-30");
  });

  it("starts the school year on 1 August", () => {
    expect(fromDayNumber(schoolYearStartOfDay(d("2026-03-12")))).toBe("2025-08-01");
    expect(fromDayNumber(schoolYearStartOfDay(d("2025-08-01")))).toBe("2025-08-01");
    expect(fromDayNumber(schoolYearStartOfDay(d("2025-07-31")))).toBe("2024-08-01");
  });
});

describe("ages and compulsory school age", () => {
  it("counts whole years; a 29 February birthday comes on 1 March in a common year", () => {
    expect(ageInYearsOnDay(d("2018-03-12"), d("2026-03-11"))).toBe(7);
    expect(ageInYearsOnDay(d("2018-03-12"), d("2026-03-12"))).toBe(8);
    expect(ageInYearsOnDay(d("2008-02-29"), d("2026-02-28"))).toBe(17);
    expect(ageInYearsOnDay(d("2008-02-29"), d("2026-03-01"))).toBe(18);
  });

  it("starts on the first day of the month after the 5th birthday", () => {
    const born = d("2020-06-15");
    expect(isOfCompulsorySchoolAge(born, null, d("2025-06-30"))).toBe(false);
    expect(isOfCompulsorySchoolAge(born, null, d("2025-07-01"))).toBe(true);
    const december = d("2020-12-03");
    expect(isOfCompulsorySchoolAge(december, null, d("2025-12-31"))).toBe(false);
    expect(isOfCompulsorySchoolAge(december, null, d("2026-01-01"))).toBe(true);
  });

  it("ends the day before the 18th birthday, or at a start qualification", () => {
    const born = d("2008-03-12");
    expect(isOfCompulsorySchoolAge(born, null, d("2026-03-11"))).toBe(true);
    expect(isOfCompulsorySchoolAge(born, null, d("2026-03-12"))).toBe(false);
    expect(isOfCompulsorySchoolAge(born, d("2025-07-10"), d("2025-07-09"))).toBe(true);
    expect(isOfCompulsorySchoolAge(born, d("2025-07-10"), d("2025-07-10"))).toBe(false);
  });
});

describe("the hours rule", () => {
  it("counts a numbered lesson of at most 60 minutes as one hour, longer ones by the minute", () => {
    expect(hourUnitsOfRow("3", 50)).toBe(60);
    expect(hourUnitsOfRow("3", 60)).toBe(60);
    expect(hourUnitsOfRow("3", 75)).toBe(75);
    expect(hourUnitsOfRow("10", 20)).toBe(60);
    expect(hourUnitsOfRow("am", 50)).toBe(50);
    expect(hourUnitsOfRow("day", 330)).toBe(330);
    expect(hourUnitsOfRow("2", 0)).toBe(0);
  });
});

describe("lesweken", () => {
  const zuid = buildSchoolDays(ZUID, d("2025-06-01"), d("2026-06-30"));
  const noord = buildSchoolDays(NOORD, d("2025-06-01"), d("2026-06-30"));

  it("skips holiday weeks, per holiday region, and counts the week containing D", () => {
    // Zuid's spring holiday is the week of 16 February, noord's the week of 2 March.
    expect(dates(lesweekenUpTo(zuid, d("2026-03-04"), 4))).toEqual([
      "2026-02-02",
      "2026-02-09",
      "2026-02-23",
      "2026-03-02",
    ]);
    expect(dates(lesweekenUpTo(noord, d("2026-03-04"), 4))).toEqual([
      "2026-02-02",
      "2026-02-09",
      "2026-02-16",
      "2026-02-23",
    ]);
    // D on a Sunday: its ISO week still contains D.
    expect(dates(lesweekenUpTo(zuid, d("2026-03-08"), 1))).toEqual(["2026-03-02"]);
  });

  it("takes the complete lesweken before the week containing D", () => {
    expect(dates(completeLesweekenBefore(zuid, d("2026-03-02"), 4))).toEqual([
      "2026-01-26",
      "2026-02-02",
      "2026-02-09",
      "2026-02-23",
    ]);
  });

  it("counts school days without the studiedag and lesweken within a span", () => {
    expect(schoolDaysBetween(zuid, d("2026-03-23"), d("2026-03-29"))).toBe(4);
    expect(lesweekenWithin(zuid, d("2025-08-01"), d("2025-09-03"))).toBe(2);
    expect(lesweekenWithin(zuid, d("2025-08-01"), d("2025-09-15"))).toBe(4);
    expect(lesweekenWithin(zuid, d("2026-02-11"), d("2026-02-23"))).toBe(2);
  });

  it("treats a school without any lesson minutes as having no lesweken", () => {
    const closed = buildSchoolCalendar(
      { schoolId: "30CC00", holidayRegion: "midden", minutesByWeekday: [0, 0, 0, 0, 0] },
      CLOSURES,
    );
    const days = buildSchoolDays(closed, d("2026-01-01"), d("2026-03-01"));
    expect(lesweekenUpTo(days, d("2026-02-25"), 4)).toEqual([]);
  });
});

describe("sick days and episodes", () => {
  const zuid = buildSchoolDays(ZUID, d("2025-06-01"), d("2026-06-30"));

  it("needs sick minutes of at least half the pupil's scheduled minutes", () => {
    expect(isSickDay(150, 300)).toBe(true);
    expect(isSickDay(149, 300)).toBe(false);
    expect(isSickDay(0, 0)).toBe(false);
  });

  it("joins runs across weekends, holidays and a studiedag, but not across a healthy school day", () => {
    const sick = [
      "2026-02-12",
      "2026-02-13",
      "2026-02-23",
      "2026-03-24",
      "2026-03-26",
      "2026-03-30",
    ].map(d);
    const episodes = episodesUpTo(groupSickEpisodes(zuid, sick), d("2026-06-01"));
    expect(episodes.map((e) => [fromDayNumber(e.start), e.length])).toEqual([
      ["2026-02-12", 3], // Thu, Fri, (holiday week), Mon
      ["2026-03-24", 2], // Tue, (studiedag Wed), Thu
      ["2026-03-30", 1], // Friday 27 March was a healthy school day
    ]);
    // Cut at D: on Friday 13 February the first episode is two days long.
    const cut = episodesUpTo(groupSickEpisodes(zuid, sick), d("2026-02-13"));
    expect(cut).toEqual([{ start: d("2026-02-12"), end: d("2026-02-13"), length: 2 }]);
  });
});

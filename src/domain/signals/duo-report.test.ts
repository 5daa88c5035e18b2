import { describe, expect, it } from "vitest";
import { schoolDates, ZUID } from "../../../test/support/signal-calendars.ts";
import { addDays, dayNumber, type IsoDate } from "../calendar/dates.ts";
import { buildSchoolDays } from "../calendar/school-days.ts";
import {
  type AbsenceDay,
  isReportOverdue,
  prepareReports,
  reportDueDate,
  reportTimeliness,
} from "./duo-report.ts";
import { changeReportStatus, overlappingExemption } from "./duo-report-status.ts";

// Zuid: 300 minutes a day in six 50-minute lessons (each counts as 1 hour); studiedag
// Wednesday 2026-03-25. 2026-03-09 is a Monday.
const school = buildSchoolDays(ZUID, dayNumber("2025-08-01"), dayNumber("2026-07-31"));

/** Truancy of `lessons` lessons on each date (hours = lessons). */
function truant(dates: readonly IsoDate[], lessons = 6, reason: "truant" | "luxury" = "truant") {
  return dates.map(
    (date): AbsenceDay => ({
      day: dayNumber(date),
      hourUnits: lessons * 60,
      unauthorizedMinutes: lessons * 50,
      luxuryMinutes: reason === "luxury" ? lessons * 50 : 0,
      scheduledMinutes: 300,
    }),
  );
}

const input = (days: AbsenceDay[], asOf: IsoDate, birthDate = "2012-05-01") => ({
  school,
  birthDate,
  days,
  earlier: [],
  asOf,
});

describe("DUO absence reports", () => {
  it("ends a report on the day 16 hours are reached and restarts counting the day after", () => {
    const days = truant([
      ...schoolDates(ZUID, "2026-03-09", "2026-03-11"),
      ...schoolDates(ZUID, "2026-03-16", "2026-03-18"),
    ]);
    const reports = prepareReports(input(days, "2026-03-20"));
    // Without the restart the 18 hours of the first week would make 16 h on Monday the 16th.
    expect(reports.map((r) => [r.startDate, r.endDate, r.repeatNumber, r.hoursAbsent])).toEqual([
      ["2026-03-09", "2026-03-11", 0, 18],
      ["2026-03-16", "2026-03-18", 0, 18],
    ]);
    expect(reports[0]).toMatchObject({ type: "16_uur", daysAbsent: 3, allLessonsMissed: true });
  });

  it("continues after a stored report, counting only absence after its end date", () => {
    const days = truant(schoolDates(ZUID, "2026-03-09", "2026-03-11"));
    const earlier = [
      {
        startDate: "2026-03-02",
        endDate: "2026-03-10",
        repeatNumber: 0,
        chainStartDate: "2026-03-02",
      },
    ];
    // Only Wednesday's 6 hours lie after the stored end date: no new report.
    expect(prepareReports({ ...input(days, "2026-03-11"), earlier })).toEqual([]);
  });

  it("repeats continuous absence at most once per 7 days and at most 4 times", () => {
    const days = truant(schoolDates(ZUID, "2026-03-09", "2026-05-08"));
    const reports = prepareReports(input(days, "2026-05-08"));
    expect(reports.map((r) => [r.endDate, r.repeatNumber, r.type])).toEqual([
      ["2026-03-11", 0, "16_uur"],
      // 16 h again on the 16th, but a repeat waits until 7 days after the 11th.
      ["2026-03-18", 1, "16_uur"],
      // The 25th is the school's studiedag: the first day it can be reported is the 26th.
      ["2026-03-26", 2, "16_uur"],
      ["2026-04-02", 3, "16_uur"],
      // More than 4 weeks of continuous absence.
      ["2026-04-09", 4, "langdurig_relatief"],
    ]);
    expect(reports[1]?.startDate).toBe("2026-03-12");
  });

  it("starts a new report after the absence breaks, even after the 4 repeats", () => {
    const days = truant([
      ...schoolDates(ZUID, "2026-03-09", "2026-04-17"),
      ...schoolDates(ZUID, "2026-04-21", "2026-04-23"),
    ]);
    const reports = prepareReports(input(days, "2026-04-24"));
    expect(reports.at(-1)).toMatchObject({
      startDate: "2026-04-21",
      endDate: "2026-04-23",
      repeatNumber: 0,
    });
    expect(reports).toHaveLength(6);
  });

  it("suspects luxe for holiday absence and 18plus from the 18th birthday", () => {
    const dates = schoolDates(ZUID, "2026-03-09", "2026-03-11");
    expect(prepareReports(input(truant(dates, 6, "luxury"), "2026-03-11"))[0]?.type).toBe("luxe");
    expect(prepareReports(input(truant(dates), "2026-03-11", "2008-03-11"))[0]?.type).toBe(
      "18plus",
    );
    const partial = prepareReports(
      input(truant(schoolDates(ZUID, "2026-03-09", "2026-03-13"), 4), "2026-03-13"),
    );
    expect(partial[0]).toMatchObject({ endDate: "2026-03-12", allLessonsMissed: false });
  });

  it("is due on the 5th working day after the end date and overdue the day after", () => {
    // Wednesday 11 March: Thu, Fri, Mon, Tue, Wed.
    expect(reportDueDate("2026-03-11")).toBe("2026-03-18");
    // A Friday end date skips the weekend: Mon … Fri.
    expect(reportDueDate("2026-03-13")).toBe("2026-03-20");
    const report = { status: "concept", dueDate: "2026-03-18" };
    expect(isReportOverdue(report, "2026-03-18")).toBe(false);
    expect(isReportOverdue(report, addDays("2026-03-18", 1))).toBe(true);
    expect(isReportOverdue({ ...report, status: "geregistreerd" }, "2026-03-30")).toBe(false);
  });

  it("finds an overlapping exemption, inclusive at both ends", () => {
    const report = { startDate: "2026-03-09", endDate: "2026-03-11" };
    expect(overlappingExemption(report, [{ startDate: "2026-03-12", endDate: null }])).toBeNull();
    expect(
      overlappingExemption(report, [{ startDate: "2026-01-01", endDate: "2026-03-09" }]),
    ).not.toBeNull();
    expect(
      overlappingExemption(report, [{ startDate: "2026-03-11", endDate: null }]),
    ).not.toBeNull();
  });

  it("moves through DUO's statuses; closing needs one of the municipality's reasons", () => {
    expect(changeReportStatus("concept", "in_behandeling")).toEqual({
      ok: false,
      error: "not_allowed",
    });
    expect(changeReportStatus("in_behandeling", "afgesloten")).toEqual({
      ok: false,
      error: "closing_reason_required",
    });
    expect(
      changeReportStatus("in_behandeling", "afgesloten", {
        reason: "terug_naar_school",
        note: "gesprek gevoerd",
      }),
    ).toEqual({
      ok: true,
      status: "afgesloten",
      closingReason: "terug_naar_school",
      note: "gesprek gevoerd",
    });
    expect(changeReportStatus("afgesloten", "ingetrokken").ok).toBe(false);
  });
});

describe("a report against its due date (issue 11 item 7)", () => {
  const due = "2026-03-18";
  it("calls a concept past its due date overdue, never sent late", () => {
    const concept = { status: "concept", dueDate: due, submittedOn: null };
    expect(reportTimeliness(concept, due)).toBe("due");
    expect(reportTimeliness(concept, "2026-03-19")).toBe("overdue");
  });

  it("calls a report sent late only when it was sent after its due date", () => {
    const sent = (submittedOn: string | null, status = "geregistreerd") => ({
      status,
      dueDate: due,
      submittedOn,
    });
    expect(reportTimeliness(sent("2026-03-18"), "2026-04-01")).toBe("on_time");
    expect(reportTimeliness(sent("2026-03-19"), "2026-04-01")).toBe("sent_late");
    expect(reportTimeliness(sent("2026-03-19", "afgesloten"), "2026-04-01")).toBe("sent_late");
    expect(reportTimeliness(sent(null), "2026-04-01")).toBeNull();
    expect(reportTimeliness(sent(null, "ingetrokken"), "2026-04-01")).toBeNull();
  });
});

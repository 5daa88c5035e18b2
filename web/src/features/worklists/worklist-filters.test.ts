import { describe, expect, it } from "vitest";
import {
  filterCases,
  filterReports,
  filterSignals,
  mayOpenCaseForAbsolute,
  NO_FILTER,
  schoolYearStart,
} from "./worklist-filters.ts";

const today = "2026-03-02";
const signals = [
  { code: "ABSOLUTE", state: "open", case_id: null, municipality: "Lindendaal" },
  { code: "LEGAL_16H", state: "open", case_id: null, municipality: "Rivierveen" },
  { code: "LEGAL_16H", state: "handled", case_id: "c1", municipality: "Lindendaal" },
];
const reports = [
  {
    report_type: "16_uur",
    status: "concept",
    due_date: "2026-02-11",
    timeliness: "overdue" as const,
  },
  { report_type: "16_uur", status: "concept", due_date: "2026-03-05", timeliness: "due" as const },
  {
    report_type: "luxe",
    status: "concept",
    due_date: "2026-02-20",
    timeliness: "overdue" as const,
  },
];
const cases = [
  { next_deadline: { status: "overdue" }, three_month: { status: "open" } },
  { next_deadline: null, three_month: { status: "at_risk" } },
  { next_deadline: { status: "open" }, three_month: { status: "overdue" } },
];

describe("worklist filters", () => {
  it("shows everything without a filter", () => {
    expect(filterSignals(signals, NO_FILTER)).toHaveLength(3);
    expect(filterReports(reports, NO_FILTER, today)).toHaveLength(3);
    expect(filterCases(cases, NO_FILTER)).toHaveLength(3);
  });

  it("'only late' keeps overdue reports and cases, and no signals", () => {
    const f = { ...NO_FILTER, show: "overdue" as const };
    expect(filterReports(reports, f, today).map((r) => r.due_date)).toEqual([
      "2026-02-11",
      "2026-02-20",
    ]);
    expect(filterCases(cases, f)).toEqual([cases[0], cases[2]]);
    expect(filterSignals(signals, f)).toEqual([]);
  });

  it("'only new' keeps open signals without a case", () => {
    const f = { ...NO_FILTER, show: "new" as const };
    expect(filterSignals(signals, f)).toEqual([signals[0], signals[1]]);
    expect(filterReports(reports, f, today)).toEqual([]);
  });

  it("one kind: a signal code or a report type", () => {
    expect(filterSignals(signals, { ...NO_FILTER, kind: "signal:ABSOLUTE" })).toEqual([signals[0]]);
    expect(filterReports(reports, { ...NO_FILTER, kind: "signal:ABSOLUTE" }, today)).toEqual([]);
    expect(filterReports(reports, { ...NO_FILTER, kind: "duo:luxe" }, today)).toEqual([reports[2]]);
    // Cases have no kind: a kind filter leaves them.
    expect(filterCases(cases, { ...NO_FILTER, kind: "duo:luxe" })).toHaveLength(3);
  });

  it("one municipality where the row names it", () => {
    const f = { ...NO_FILTER, municipality: "Lindendaal" };
    expect(filterSignals(signals, f)).toEqual([signals[0], signals[2]]);
    // A row without a municipality is not hidden by it.
    expect(filterReports(reports, f, today)).toHaveLength(3);
  });

  it("cases follow the municipality filter by the pupil's residence (GET /api/cases names it)", () => {
    const located = [
      { ...cases[0]!, municipality: "Lindendaal" },
      { ...cases[1]!, municipality: "Rivierveen" },
    ];
    expect(filterCases(located, { ...NO_FILTER, municipality: "Rivierveen" })).toEqual([
      located[1],
    ]);
    expect(filterCases(located, { ...NO_FILTER, municipality: "Lindendaal" })).toEqual([
      located[0],
    ]);
  });

  it("opens a case for absolute absence only after an enrolment this school year", () => {
    expect(schoolYearStart("2026-03-02")).toBe("2025-08-01");
    expect(schoolYearStart("2025-08-01")).toBe("2025-08-01");
    const absolute = (end: string | null) => ({
      code: "ABSOLUTE",
      evidence: { last_enrolment_end: end },
    });
    expect(mayOpenCaseForAbsolute(absolute("2026-02-17"), today)).toBe(true);
    expect(mayOpenCaseForAbsolute(absolute("2025-07-15"), today)).toBe(false);
    expect(mayOpenCaseForAbsolute(absolute(null), today)).toBe(false);
    expect(mayOpenCaseForAbsolute({ code: "LEGAL_16H", evidence: {} }, today)).toBe(true);
  });
});

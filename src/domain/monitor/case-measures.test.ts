import { describe, expect, it } from "vitest";
import { aggregateMonitor, type MonitorLookups } from "./aggregate.ts";
import { caseFacts, durationBucket, type MonitorCase, phaseAt } from "./case-measures.ts";

const lookups: MonitorLookups = {
  municipalityOf: () => "Zandstad",
  partnershipOf: () => "PO2605",
};

function kase(id: string, overrides: Partial<MonitorCase> = {}): MonitorCase {
  return {
    id,
    pupilId: `P${id}`,
    schoolId: "12AB00",
    openedAt: "2026-01-12",
    absenceStartDate: "2026-01-12",
    offerStartedOn: null,
    closedAt: null,
    closedOutcome: null,
    closedGuaranteeHeld: null,
    transitions: [],
    stagnation: [],
    ...overrides,
  };
}

describe("case measures", () => {
  it("buckets the absence duration in calendar time from the absence start", () => {
    expect(durationBucket("2026-01-12", "2026-02-08")).toBe("lt4w"); // day 27
    expect(durationBucket("2026-01-12", "2026-02-09")).toBe("4w_3m"); // day 28
    expect(durationBucket("2025-11-30", "2026-02-28")).toBe("4w_3m"); // the guarantee's due date
    expect(durationBucket("2025-11-30", "2026-03-01")).toBe("3m_6m");
    expect(durationBucket("2025-08-31", "2026-02-28")).toBe("3m_6m"); // + 6 months, clamped
    expect(durationBucket("2025-08-31", "2026-03-01")).toBe("gt6m");
  });

  it("reads the phase at a date from the recorded commands", () => {
    const c = kase("1", {
      transitions: [
        { at: "2026-02-09", to: "CASE_DIRECTOR" },
        { at: "2026-03-02", to: "CASE_DIRECTOR" },
        { at: "2026-04-06", to: "BREAKTHROUGH" },
        { at: "2026-05-01", to: "CLOSED" },
      ],
      closedAt: "2026-05-01",
    });
    expect(phaseAt(c, "2026-01-11")).toBeNull();
    expect(phaseAt(c, "2026-01-12")).toBe("SCHOOL");
    expect(phaseAt(c, "2026-03-12")).toBe("CASE_DIRECTOR");
    expect(phaseAt(c, "2026-04-30")).toBe("BREAKTHROUGH");
    expect(phaseAt(c, "2026-05-01")).toBe("CLOSED");
  });

  it("counts open cases by phase and duration, stagnation, outcomes and budget", () => {
    const cases = [
      kase("1"),
      kase("2", { transitions: [{ at: "2026-02-09", to: "CASE_DIRECTOR" }] }),
      kase("3", {
        absenceStartDate: "2025-10-01",
        openedAt: "2025-10-10",
        stagnation: [
          { cause: "waiting_list_youth_care", flaggedAt: "2026-02-01", resolvedAt: null },
          { cause: "funding_dispute", flaggedAt: "2026-01-01", resolvedAt: "2026-02-01" },
        ],
      }),
      kase("4", {
        closedAt: "2026-02-20",
        closedOutcome: "special_education",
        closedGuaranteeHeld: true,
        transitions: [{ at: "2026-02-20", to: "CLOSED" }],
      }),
      kase("5", { openedAt: "2026-04-01" }), // not yet opened at the date
    ];
    const facts = caseFacts(
      {
        cases,
        waiting: [
          { pupilId: "P3", providerId: "jeugdzorg-west", since: "2026-01-05", leftOn: null },
          {
            pupilId: "P1",
            providerId: "jeugdzorg-west",
            since: "2026-01-05",
            leftOn: "2026-03-01",
          },
          { pupilId: "P4", providerId: "jeugdzorg-west", since: "2026-01-05", leftOn: null },
        ],
        commitments: [
          { caseId: "3", amountCents: 125_050, recordedAt: "2026-02-01", reversedOn: null },
          { caseId: "3", amountCents: 99_900, recordedAt: "2026-02-02", reversedOn: "2026-02-03" },
          { caseId: "2", amountCents: 10_000, recordedAt: "2025-07-01", reversedOn: null },
        ],
      },
      "2026-03-12",
      { from: "2025-08-01", to: "2026-03-12" },
    );
    const rows = aggregateMonitor(facts, "school", lookups, false);
    expect(rows.map((r) => [r.measure, r.count])).toEqual([
      ["budget_spent_eur", 1251],
      ["cases_closed:special_education", 1],
      ["cases_closed_guarantee:held", 1],
      ["cases_open", 3],
      ["cases_open:CASE_DIRECTOR", 1],
      ["cases_open:SCHOOL", 2],
      ["cases_open_no_offer_gt3m", 1],
      ["cases_open_weeks:3m_6m", 1],
      ["cases_open_weeks:4w_3m", 2],
      ["cases_opened", 4],
      ["stagnation:waiting_list_youth_care", 1],
      ["stagnation_waiting_list:jeugdzorg-west", 1],
    ]);
    // A sum made up of fewer than 5 pupils is suppressed like a count.
    expect(aggregateMonitor(facts, "school", lookups, true).every((r) => r.count === null)).toBe(
      true,
    );
  });
});

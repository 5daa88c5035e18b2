import { describe, expect, it } from "vitest";
import {
  checkHandoverText,
  handoverCandidates,
  nextHandoverStatus,
  poToVoMoves,
  yearBeforeMove,
} from "./handover.ts";

const sectorOf = new Map([
  ["PO1", "po"],
  ["PO2", "po"],
  ["VO1", "vo"],
  ["SO1", "so"],
]);

const enrolments = [
  { pupilId: "A", schoolId: "PO1", startDate: "2018-08-01", endDate: "2026-07-31" },
  { pupilId: "A", schoolId: "VO1", startDate: "2026-08-01", endDate: null },
  // B left primary school two years before starting at VO: no move in the sense of a handover.
  { pupilId: "B", schoolId: "PO2", startDate: "2016-08-01", endDate: "2024-07-31" },
  { pupilId: "B", schoolId: "VO1", startDate: "2026-08-01", endDate: null },
  // C goes to special education, not VO.
  { pupilId: "C", schoolId: "PO1", startDate: "2018-08-01", endDate: "2026-07-31" },
  { pupilId: "C", schoolId: "SO1", startDate: "2026-08-01", endDate: null },
  // D moves too, without any signal or case.
  { pupilId: "D", schoolId: "PO2", startDate: "2018-08-01", endDate: null },
  { pupilId: "D", schoolId: "VO1", startDate: "2026-08-01", endDate: null },
];

describe("the warm handover PO→VO", () => {
  it("finds the moves from primary to secondary school", () => {
    expect(poToVoMoves(enrolments, sectorOf)).toEqual([
      { pupilId: "A", sendingSchoolId: "PO1", receivingSchoolId: "VO1", moveDate: "2026-08-01" },
      { pupilId: "D", sendingSchoolId: "PO2", receivingSchoolId: "VO1", moveDate: "2026-08-01" },
    ]);
  });

  it("reads the year before the move as 12 calendar months up to the day before", () => {
    expect(yearBeforeMove("2026-08-01")).toEqual({ from: "2025-08-01", to: "2026-07-31" });
  });

  it("takes a move with a signal at the sending school or a case in that year", () => {
    const signals = [
      { pupilId: "A", schoolId: "PO1", code: "PREVENTIVE_10H", raisedOn: "2026-02-02" },
      // Raised before the year: no evidence.
      { pupilId: "D", schoolId: "PO2", code: "SICK_LONG", raisedOn: "2025-03-01" },
    ];
    const found = handoverCandidates({ enrolments, sectorOf, signals, cases: [] }, "2026-03-16");
    expect(found.map((c) => [c.pupilId, c.evidence])).toEqual([
      ["A", { signalCodes: ["PREVENTIVE_10H"], caseIds: [] }],
    ]);
    const withCase = handoverCandidates(
      {
        enrolments,
        sectorOf,
        signals: [],
        cases: [{ id: "K1", pupilId: "D", openedAt: "2025-06-01", closedAt: "2025-09-15" }],
      },
      "2026-03-16",
    );
    expect(withCase.map((c) => [c.pupilId, c.evidence.caseIds])).toEqual([["D", ["K1"]]]);
  });

  it("ignores signals raised after today and moves more than a year ago", () => {
    const signals = [{ pupilId: "A", schoolId: "PO1", code: "LEGAL_16H", raisedOn: "2026-05-01" }];
    expect(handoverCandidates({ enrolments, sectorOf, signals, cases: [] }, "2026-03-16")).toEqual(
      [],
    );
    const early = [{ pupilId: "A", schoolId: "PO1", code: "LEGAL_16H", raisedOn: "2026-02-01" }];
    expect(
      handoverCandidates({ enrolments, sectorOf, signals: early, cases: [] }, "2027-08-02"),
    ).toEqual([]);
  });

  it("needs both texts, each at most 2000 characters", () => {
    expect(checkHandoverText({ whatWasGoingOn: "x", whatHelped: " " })).toMatchObject({
      error: "text_required",
    });
    expect(checkHandoverText({ whatWasGoingOn: "x".repeat(2001), whatHelped: "y" })).toMatchObject({
      error: "text_too_long",
    });
    expect(checkHandoverText({ whatWasGoingOn: "x", whatHelped: "y" }).ok).toBe(true);
  });

  it("goes open → acknowledged (with consent) → closed", () => {
    expect(nextHandoverStatus("open", "acknowledged", false)).toMatchObject({
      error: "consent_missing",
    });
    expect(nextHandoverStatus("open", "acknowledged", true)).toEqual({
      ok: true,
      status: "acknowledged",
    });
    expect(nextHandoverStatus("open", "closed", true)).toMatchObject({
      error: "status_not_allowed",
    });
    expect(nextHandoverStatus("acknowledged", "closed", false)).toEqual({
      ok: true,
      status: "closed",
    });
    expect(nextHandoverStatus("closed", "acknowledged", true)).toMatchObject({
      error: "status_not_allowed",
    });
  });
});

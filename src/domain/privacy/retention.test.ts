import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETENTION_TERMS,
  RETENTION_CLASSES,
  retentionCutoffs,
  termText,
  yearsBefore,
} from "./retention.ts";

describe("retention terms (domain.md §7)", () => {
  it("takes the same calendar day years earlier, 29 February as 28 February in a common year", () => {
    expect(yearsBefore("2031-08-01", 5)).toBe("2026-08-01");
    expect(yearsBefore("2028-02-29", 1)).toBe("2027-02-28");
    expect(yearsBefore("2028-02-29", 4)).toBe("2024-02-29");
    expect(yearsBefore("2000-02-29", 100)).toBe("1900-02-28");
  });

  it("reaches a 29 February birthday on 1 March in a common year, not on 28 February", () => {
    // Born 29 Feb 2008: 19 on 1 March 2027. Born on or before the cut-off = term reached.
    const born = "2008-02-29";
    expect(born <= retentionCutoffs("2027-02-28").pupilFileBornOnOrBefore).toBe(false);
    expect(born <= retentionCutoffs("2027-03-01").pupilFileBornOnOrBefore).toBe(true);
  });

  it("sets each class's cut-off from its own term", () => {
    const c = retentionCutoffs("2032-03-02");
    expect(c).toEqual({
      asOf: "2032-03-02",
      casesClosedOnOrBefore: "2027-03-02",
      duoReportsEndedOnOrBefore: "2027-03-02",
      relevanceBornOnOrBefore: "2014-03-02",
      pupilFileBornOnOrBefore: "2013-03-02",
      auditBefore: "2027-03-02",
      notificationsBefore: "2031-03-02",
    });
    // A case closed on 2 March 2027 is 5 years closed on 2 March 2032; one closed a day later is not.
    expect("2027-03-02" <= c.casesClosedOnOrBefore).toBe(true);
    expect("2027-03-03" <= c.casesClosedOnOrBefore).toBe(false);
  });

  it("follows other terms a region fixes", () => {
    const c = retentionCutoffs("2030-01-15", { ...DEFAULT_RETENTION_TERMS, auditYears: 7 });
    expect(c.auditBefore).toBe("2023-01-15");
  });

  it("refuses a date or a term that is not one", () => {
    expect(() => yearsBefore("2030-13-01", 1)).toThrow(RangeError);
    expect(() => yearsBefore("2030-01-01", -1)).toThrow(RangeError);
  });

  it("describes every class's term in Dutch for the tombstone", () => {
    for (const kind of RETENTION_CLASSES) {
      expect(termText(kind, DEFAULT_RETENTION_TERMS)).toMatch(/jaar/);
    }
  });
});

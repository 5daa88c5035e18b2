import { describe, expect, it } from "vitest";
import { answerDueOn, erasureRefusal, stepsFor } from "./requests.ts";

describe("requests of data subjects (AVG art. 12, 17)", () => {
  it("is answered within one month of receipt (art. 12(3))", () => {
    expect(answerDueOn("2026-03-02")).toBe("2026-04-02");
    expect(answerDueOn("2026-01-31")).toBe("2026-02-28");
    expect(answerDueOn("2028-01-31")).toBe("2028-02-29");
    expect(answerDueOn("2026-12-15")).toBe("2027-01-15");
    expect(() => answerDueOn("2026-13-01")).toThrow(RangeError);
  });

  it("allows erasure only when no legal task holds the data (art. 17(3)(b))", () => {
    expect(erasureRefusal({ currentEnrolments: 0, openCases: 0, reportsWithinTerm: 0 })).toBeNull();
    const refusal = erasureRefusal({ currentEnrolments: 1, openCases: 1, reportsWithinTerm: 0 });
    expect(refusal).toMatch(/^Wissen kan niet \(AVG art\. 17 lid 3 sub b\)/);
    expect(refusal).toMatch(/ingeschreven/);
    expect(refusal).toMatch(/casus/);
    expect(erasureRefusal({ currentEnrolments: 0, openCases: 0, reportsWithinTerm: 2 })).toMatch(
      /verzuimmelding/,
    );
  });

  it("offers the steps that fit the kind", () => {
    expect(stepsFor("rectification")).toContain("rectified");
    expect(stepsFor("objection")).toContain("objection_decided");
    expect(stepsFor("access")).toEqual(["note"]);
  });
});

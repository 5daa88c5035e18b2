import { describe, expect, it } from "vitest";
import {
  ageOn,
  type ConsentFile,
  type ConsentRecord,
  consentStatus,
  hasConsent,
  recordConsent,
} from "./consent.ts";

const mother = { kind: "parent", personId: "ouder-1" } as const;
const father = { kind: "parent", personId: "ouder-2" } as const;
const child = { kind: "child" } as const;

function file(childBirthDate: string, ...records: Omit<ConsentRecord, "id" | "recordedBy">[]) {
  let current: ConsentFile = { childBirthDate, records: [] };
  records.forEach((r, i) => {
    const result = recordConsent(current, { ...r, id: `k${i}`, recordedBy: "u-zc" });
    if (!result.ok) throw new Error(result.message);
    current = result.file;
  });
  return current;
}

const A = "share_authorized_absence_with_leerplicht" as const;

describe("consent", () => {
  it("counts whole years of age", () => {
    expect(ageOn("2014-03-10", "2026-03-09")).toBe(11);
    expect(ageOn("2014-03-10", "2026-03-10")).toBe(12);
  });

  it("under 12: the parents decide, the child's view does not", () => {
    const f = file(
      "2015-06-01",
      { purpose: A, decision: "refused", giver: child, at: "2026-01-05" },
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
    );
    expect(consentStatus(f, A, undefined, "2026-01-05")).toMatchObject({
      state: "given",
      authority: "parents",
      ageOnDate: 10,
    });
  });

  it("12 to 15: both the parents and the child must agree", () => {
    const parentsOnly = file("2012-09-01", {
      purpose: A,
      decision: "given",
      giver: mother,
      at: "2026-01-05",
    });
    expect(consentStatus(parentsOnly, A, undefined, "2026-01-05")).toMatchObject({
      state: "not_asked",
      authority: "parents_and_child",
      parents: "given",
      child: "not_asked",
    });
    const both = file(
      "2012-09-01",
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
      { purpose: A, decision: "given", giver: child, at: "2026-01-06" },
    );
    expect(hasConsent(both, A, undefined, "2026-01-05")).toBe(false);
    expect(hasConsent(both, A, undefined, "2026-01-06")).toBe(true);
    const childRefuses = file(
      "2012-09-01",
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
      { purpose: A, decision: "refused", giver: child, at: "2026-01-05" },
    );
    expect(consentStatus(childRefuses, A, undefined, "2026-01-05").state).toBe("refused");
  });

  it("from 16 the young person decides alone; the parents' earlier consent no longer counts", () => {
    const f = file(
      "2010-02-01",
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
      { purpose: A, decision: "refused", giver: father, at: "2026-02-02" },
    );
    expect(consentStatus(f, A, undefined, "2026-01-31")).toMatchObject({
      authority: "parents_and_child", // still 15: the child had to be asked too
      parents: "given",
      state: "not_asked",
    });

    expect(consentStatus(f, A, undefined, "2026-02-01")).toMatchObject({
      authority: "child",
      state: "not_asked",
    });
    const youngPerson = recordConsent(f, {
      id: "k9",
      purpose: A,
      decision: "given",
      giver: child,
      at: "2026-02-03",
      recordedBy: "u-lpa",
    });
    if (!youngPerson.ok) throw new Error(youngPerson.message);
    // The father's refusal does not count any more: the young person decides.
    expect(hasConsent(youngPerson.file, A, undefined, "2026-02-03")).toBe(true);
  });

  it("takes a withdrawal into effect on its own day", () => {
    const f = file(
      "2015-06-01",
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
      { purpose: A, decision: "withdrawn", giver: mother, at: "2026-02-10" },
    );
    expect(hasConsent(f, A, undefined, "2026-02-09")).toBe(true);
    expect(hasConsent(f, A, undefined, "2026-02-10")).toBe(false);
    expect(consentStatus(f, A, undefined, "2026-02-10").state).toBe("withdrawn");
  });

  it("lets one parent's consent stand unless the other parent says no", () => {
    const f = file(
      "2015-06-01",
      { purpose: A, decision: "given", giver: mother, at: "2026-01-05" },
      { purpose: A, decision: "refused", giver: father, at: "2026-01-07" },
    );
    expect(hasConsent(f, A, undefined, "2026-01-06")).toBe(true);
    expect(consentStatus(f, A, undefined, "2026-01-07").state).toBe("refused");
  });

  it("keeps consent (b) per named partner", () => {
    const f = file("2015-06-01", {
      purpose: "involve_partner",
      subject: "Jeugdteam Noord",
      decision: "given",
      giver: mother,
      at: "2026-01-05",
    });
    expect(hasConsent(f, "involve_partner", "Jeugdteam Noord", "2026-01-05")).toBe(true);
    expect(hasConsent(f, "involve_partner", "GGD Regio", "2026-01-05")).toBe(false);
    expect(hasConsent(f, "agree_with_plan", undefined, "2026-01-05")).toBe(false);
  });

  it("rejects a partner consent without partner, a withdrawal of nothing and back-dated records", () => {
    const empty: ConsentFile = { childBirthDate: "2015-06-01", records: [] };
    const base = { id: "x", recordedBy: "u", giver: mother, at: "2026-01-05" } as const;
    expect(
      recordConsent(empty, { ...base, purpose: "involve_partner", decision: "given" }),
    ).toMatchObject({
      ok: false,
      error: "subject_required",
    });
    expect(recordConsent(empty, { ...base, purpose: A, decision: "withdrawn" })).toMatchObject({
      ok: false,
      error: "nothing_to_withdraw",
    });
    const f = file("2015-06-01", {
      purpose: A,
      decision: "given",
      giver: mother,
      at: "2026-01-05",
    });
    expect(
      recordConsent(f, { ...base, purpose: A, decision: "refused", at: "2026-01-04" }),
    ).toMatchObject({
      ok: false,
      error: "out_of_order",
    });
  });
});

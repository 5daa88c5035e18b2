import { describe, expect, it } from "vitest";
import { type PersonFacts, reconcile } from "./reconciliation.ts";

const lookups = {
  partnershipOf: (school: string) => (school.startsWith("12") ? "PO2605" : "VO2606"),
};

function person(id: string, overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    id,
    known: true,
    residence: "Zandstad",
    schools: ["12AB00"],
    exemptions: [],
    signals: [],
    longTermAbsentAt: [],
    caseState: null,
    ...overrides,
  };
}

describe("reconciliation", () => {
  const facts = new Map(
    [
      person("A", {
        signals: ["LONG_TERM_ABSENT:legal"],
        longTermAbsentAt: ["12AB00"],
        caseState: "open",
      }),
      person("B", { signals: ["LONG_TERM_ABSENT"], longTermAbsentAt: ["12AB00"] }),
      person("C", { signals: ["UNDER_50"] }),
      person("D", { schools: [] }),
      person("E", { exemptions: ["5b"], schools: [] }),
      person("F", { schools: ["34CD00"] }),
      person("G", { caseState: "closed" }),
      person("H", { schools: [], signals: ["ABSOLUTE"] }),
      person("I"),
    ].map((p) => [p.id, p]),
  );

  it("says who is on which list, with the reason where known", () => {
    const result = reconcile(
      ["A", "C", "D", "E", "F", "G", "I", "Z"],
      facts,
      { kind: "partnership", id: "PO2605" },
      lookups,
    );
    expect(result.inBoth).toEqual(["A"]);
    expect(result.onlyInRegister).toEqual([
      { id: "B", reason: "thuiszitter_breed", detail: ["LONG_TERM_ABSENT"], caseState: null },
    ]);
    expect(result.onlyInList.map((l) => [l.id, l.reason, l.detail])).toEqual([
      ["C", "signal_not_holding", ["UNDER_50"]],
      ["D", "not_enrolled", []],
      ["E", "exemption", ["5b"]],
      ["F", "outside_scope", []],
      ["G", "case_closed", []],
      ["I", "no_absence_signal", []],
      ["Z", "unknown_person", []],
    ]);
  });

  it("counts persons without a school (absolute absence) in a municipality's scope only", () => {
    const municipal = reconcile([], facts, { kind: "municipality", id: "Zandstad" }, lookups);
    expect(municipal.onlyInRegister.map((l) => [l.id, l.reason])).toEqual([
      ["A", "thuiszitter_inspectie"],
      ["B", "thuiszitter_breed"],
      ["H", "absolute_absence"],
    ]);
    const school = reconcile([], facts, { kind: "school", id: "12AB00" }, lookups);
    expect(school.onlyInRegister.map((l) => l.id)).toEqual(["A", "B"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Signal } from "../signals/types.ts";
import { aggregateMonitor, type MonitorLookups, signalFacts } from "./aggregate.ts";

const lookups: MonitorLookups = {
  municipalityOf: (id) => (id.startsWith("U") ? "Utrecht" : "Zeist"),
  partnershipOf: (school) => (school === "12AB00" ? "PO2605" : "VO2606"),
};

function signal(pupilId: string, schoolId: string, code: Signal["code"], legal?: boolean): Signal {
  return {
    pupilId,
    schoolId,
    code,
    asOf: "2026-03-12",
    evidence: {},
    attributes: legal === undefined ? {} : { legal },
  };
}

describe("monitor aggregation", () => {
  const signals = [
    signal("U1", "12AB00", "LONG_TERM_ABSENT", true),
    signal("U2", "12AB00", "LONG_TERM_ABSENT", false),
    signal("U2", "34CD00", "LONG_TERM_ABSENT", false), // one pupil at two schools
    signal("Z1", "", "ABSOLUTE"),
    ...["U3", "U4", "U5", "U6", "Z2"].map((p) => signal(p, "34CD00", "LEGAL_16H")),
  ];

  it("counts distinct persons, the Inspectie and the broad definition side by side", () => {
    const rows = aggregateMonitor(signalFacts(signals), "municipality", lookups, false);
    expect(rows).toEqual([
      { group: "Utrecht", measure: "signal:LEGAL_16H", count: 4 },
      { group: "Utrecht", measure: "signal:LONG_TERM_ABSENT", count: 2 },
      { group: "Utrecht", measure: "thuiszitters_breed", count: 2 },
      { group: "Utrecht", measure: "thuiszitters_inspectie", count: 1 },
      { group: "Zeist", measure: "signal:ABSOLUTE", count: 1 },
      { group: "Zeist", measure: "signal:LEGAL_16H", count: 1 },
      { group: "Zeist", measure: "thuiszitters_breed", count: 1 },
    ]);
  });

  it("puts measures without a school under the empty group and suppresses 1–4", () => {
    const rows = aggregateMonitor(signalFacts(signals), "partnership", lookups, true);
    expect(rows).toContainEqual({ group: "", measure: "signal:ABSOLUTE", count: null });
    expect(rows).toContainEqual({ group: "VO2606", measure: "signal:LEGAL_16H", count: 5 });
    expect(rows).toContainEqual({ group: "PO2605", measure: "thuiszitters_breed", count: null });
  });
});

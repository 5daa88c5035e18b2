import { describe, expect, it } from "vitest";
import { compareSignals } from "./compare-signals.ts";
import type { PeerSignal } from "./duckdb-signals.ts";

const signal = (pupil_id: string, code: string, legal: boolean | null = null): PeerSignal => ({
  pupil_id,
  school_id: "10AA00",
  code,
  as_of: "2026-03-12",
  legal,
});

describe("compareSignals", () => {
  it("counts agreement, one-sided signals and a differing legal attribute", () => {
    const duckdb = [
      signal("P1", "LEGAL_16H"),
      signal("P2", "LONG_TERM_ABSENT", true),
      signal("P3", "UNDER_50"),
    ];
    const ts = [
      signal("P1", "LEGAL_16H"),
      signal("P2", "LONG_TERM_ABSENT", false),
      signal("P4", "SICK_LONG"),
    ];
    const result = compareSignals(duckdb, ts);
    expect(result.agreeing).toBe(1);
    expect(result.disagreements).toBe(3);
    expect(result.byKind).toEqual({ only_duckdb: 1, only_ts: 1, legal_differs: 1 });
    expect(result.examples.map((e) => `${e.kind} ${e.pupil_id}`)).toEqual([
      "legal_differs P2",
      "only_duckdb P3",
      "only_ts P4",
    ]);
  });
});

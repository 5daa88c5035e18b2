// What the CLI writes with --format csv (the functions the commands print with): text a
// spreadsheet would run as a formula is defused in every cell, the rest comes out unchanged.
import { describe, expect, it } from "vitest";
import type { Signal } from "../../domain/signals/types.ts";
import { renderMonitor } from "./monitor.ts";
import { renderSignals } from "./signals.ts";

const DANGEROUS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"];

function signal(pupilId: string, schoolId: string): Signal {
  return {
    pupilId,
    schoolId,
    code: "LEGAL_16H",
    asOf: "2026-03-02",
    evidence: { hours: 16 },
    attributes: {},
  };
}

describe("aanwezig signals --format csv", () => {
  it("keeps the columns and ordinary values as they are", () => {
    expect(renderSignals([signal("P0001", "12AB00")], "csv")).toBe(
      'pupil_id;school_id;code;as_of;legal;evidence\nP0001;12AB00;LEGAL_16H;2026-03-02;;"{""hours"":16}"\n',
    );
  });

  it.each(DANGEROUS)("defuses a pupil or school id starting with %j", (text) => {
    const quoted = `"'${text}"`;
    const [, line] = renderSignals([signal(text, text)], "csv").split("\n");
    expect(line).toBe(`${quoted};${quoted};LEGAL_16H;2026-03-02;;"{""hours"":16}"`);
  });
});

describe("aanwezig monitor --format csv", () => {
  it("defuses a group starting with a formula character, and keeps counts as numbers", () => {
    const rows = [
      { group: "12AB00", measure: "cases_open:SCHOOL", count: 5 },
      { group: "", measure: "signal:ABSOLUTE", count: null },
      ...DANGEROUS.map((group) => ({ group, measure: "cases_open:SCHOOL", count: -1 })),
    ];
    expect(renderMonitor(rows, "csv")).toBe(
      [
        "group;measure;count",
        "12AB00;cases_open:SCHOOL;5",
        ";signal:ABSOLUTE;",
        ...DANGEROUS.map((group) => `"'${group}";cases_open:SCHOOL;-1`),
        "",
      ].join("\n"),
    );
  });
});

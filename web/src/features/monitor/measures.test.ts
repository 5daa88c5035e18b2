import { describe, expect, it } from "vitest";
import {
  cellExport,
  cellOf,
  cellText,
  formatCell,
  measureLabel,
  pivot,
  sectionsOf,
  suppressedText,
} from "./measures.ts";

describe("pivot", () => {
  it("keeps a suppressed cell null and makes a missing row 0", () => {
    const table = pivot(
      [
        { group: "Lindendaal", measure: "thuiszitters_breed", count: 11 },
        { group: "Lindendaal", measure: "thuiszitters_inspectie", count: null },
        { group: "Rivierveen", measure: "thuiszitters_breed", count: null },
        { group: "Rivierveen", measure: "signal:LEGAL_16H", count: 7 },
      ],
      "thuiszitters",
    );
    expect(table.measures).toEqual(["thuiszitters_inspectie", "thuiszitters_breed"]);
    expect(table.groups).toEqual(["Lindendaal", "Rivierveen"]);
    expect(table.cells).toEqual([
      [null, 11],
      [0, null],
    ]);
  });

  it("orders phases and duration buckets as the case chain runs", () => {
    const rows = [
      "cases_open:PROSECUTOR",
      "cases_open:SCHOOL",
      "cases_open",
      "cases_open:BREAKTHROUGH",
    ].map((measure) => ({ group: "", measure, count: 5 }));
    expect(pivot(rows, "casesPhase").measures).toEqual([
      "cases_open",
      "cases_open:SCHOOL",
      "cases_open:BREAKTHROUGH",
      "cases_open:PROSECUTOR",
    ]);
  });
});

describe("cells", () => {
  it("shows a suppressed count as '< 5', never as 0", () => {
    expect(cellOf(null)).toBeNull();
    expect(cellOf(undefined)).toBe(0);
    expect(cellText(null)).toBe("< 5");
    expect(cellText(1234)).toBe("1.234");
    // Counts of children say "< 5"; a hidden euro sum never does (it would read as < €5).
    expect(formatCell(null, "cases_open_weeks:gt6m")).toBe("< 5");
    expect(formatCell(null, "budget_spent_eur")).toBe("afgeschermd (1–4 kinderen)");
    expect(suppressedText("budget_spent_eur")).toBe("afgeschermd (1–4 kinderen)");
    expect(cellExport(null, "budget_spent_eur")).toBe("afgeschermd (1–4 kinderen)");
    expect(cellExport(null, "signal:ABSOLUTE")).toBe("< 5");
    expect(formatCell(1500, "budget_spent_eur")).toMatch(/^€\s?1\.500,00$/);
  });
});

describe("sections and labels", () => {
  it("puts each measure of the API in its section, absolute absence in two", () => {
    expect(sectionsOf("signal:ABSOLUTE")).toEqual(["signals", "absolute"]);
    expect(sectionsOf("cases_open_weeks:gt6m")).toEqual(["casesDuration"]);
    expect(sectionsOf("cases_open_no_offer_gt3m")).toEqual(["casesDuration"]);
    expect(sectionsOf("stagnation_waiting_list:SO De Kompas")).toEqual(["stagnation"]);
    expect(sectionsOf("cases_closed_guarantee:held")).toEqual(["outcomes"]);
    expect(sectionsOf("budget_spent_eur")).toEqual(["budget"]);
    expect(sectionsOf("something_new")).toEqual(["other"]);
  });

  it("names measures in Dutch and shows an unknown code as it came", () => {
    expect(measureLabel("signal:LEGAL_16H")).toBe("Wettelijke meldplicht (16 uur)");
    expect(measureLabel("cases_open_weeks:3m_6m")).toBe("3 tot 6 maanden");
    expect(measureLabel("exemptions:5a")).toBe("Art. 5 onder a (lichamelijk of psychisch)");
    expect(measureLabel("stagnation_waiting_list:SO De Kompas")).toBe(
      "Wachtlijst bij aanbieder SO De Kompas",
    );
    expect(measureLabel("something_new")).toBe("something_new");
  });
});

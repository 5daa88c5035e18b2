import { describe, expect, it } from "vitest";
import { kpiChartCategories, missingRealisation } from "./kpi-chart.ts";

describe("the KPI chart on a 0–100 % axis", () => {
  it("draws target and realisation as whole percentages", () => {
    const [c] = kpiChartCategories([{ target: 0.8, actual: 0.625, total: 8 }], () => "Contact");
    expect(c).toEqual({ label: "Contact", values: { target: 80, actual: 63 } });
  });

  it("never labels a percentage with the count text '< 5'", () => {
    const hidden = { target: 0.9, actual: null, total: null };
    const none = { target: 1, actual: null, total: 0 };
    const [a, b] = kpiChartCategories([hidden, none], (i) => `k${i}`);
    expect(a?.nullLabels?.actual).toBe("afgeschermd (1–4 kinderen)");
    expect(b?.nullLabels?.actual).toBe("geen casussen");
    for (const label of [missingRealisation(hidden), missingRealisation(none)]) {
      expect(label).not.toBe("< 5");
    }
    expect(missingRealisation({ actual: 0.5, total: 10 })).toBe("");
  });
});

// The KPI chart's data (domain.md §5 KPIs, §7): target and realisation as percentages on a
// 0–100 % axis. "< 5" is a count of children (interfaces.md "Monitor rows") and never stands on
// that axis, where it would read as less than 5 %: a realisation without cases says so, and one
// resting on 1–4 cases (the server leaves it out) says it is hidden (issue 11 item 6).
import type { Kpi } from "../../api/monitor.ts";
import { t } from "../../i18n/index.ts";
import type { ChartCategory } from "./charts/types.ts";

/** What stands for a realisation the server did not give: no cases, or hidden (1–4 cases). */
export function missingRealisation(kpi: Pick<Kpi, "actual" | "total">): string {
  if (kpi.actual !== null) return "";
  return kpi.total === 0 ? t.monitor.noCases : t.monitor.suppressedFigure;
}

export function kpiChartCategories(
  kpis: readonly Pick<Kpi, "target" | "actual" | "total">[],
  name: (kpi: number) => string,
): ChartCategory[] {
  return kpis.map((kpi, i) => ({
    label: name(i),
    values: {
      target: Math.round(kpi.target * 100),
      actual: kpi.actual === null ? null : Math.round(kpi.actual * 100),
    },
    ...(kpi.actual === null ? { nullLabels: { actual: missingRealisation(kpi) } } : {}),
  }));
}

// Trends over quarters (domain.md §7 "per quarter"): one measure at a time, a line per group,
// each quarter counted at its last day. The table has every group and quarter.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import {
  fetchMonitorTrend,
  type MonitorGrouping,
  type MonitorTrendRow,
} from "../../api/monitor.ts";
import type { Column } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import {
  cellExport,
  cellOf,
  compareMeasures,
  formatCell,
  groupLabel,
  measureLabel,
} from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { GroupingField, QuarterField, useQuarterInput } from "./QuarterFields.tsx";
import {
  lastCompletedQuarter,
  quarterEnd,
  quarterLabel,
  shiftQuarter,
  useEndpoint,
  useToday,
} from "./use-monitor.ts";

const MAX_LINES = 6;

interface TrendQuery {
  from: string;
  to: string;
  by: MonitorGrouping;
}

export function TrendsPage() {
  const today = useToday();
  const current = lastCompletedQuarter(today);
  const [query, setQuery] = useState<TrendQuery>({
    from: shiftQuarter(current, -3),
    to: current,
    by: "municipality",
  });
  const endpoint = useEndpoint(/^\/api\/monitor\/trends?$/);
  const trend = useQuery({
    queryKey: ["monitor-trend", query],
    queryFn: ({ signal }) => fetchMonitorTrend(query, signal),
    enabled: endpoint === "available",
  });
  return (
    <>
      <PageHeading>{t.monitorScreens.trends.title}</PageHeading>
      <Paragraph>{t.monitorScreens.trends.intro}</Paragraph>
      <Paragraph>{t.monitorScreens.privacyNote}</Paragraph>
      <TrendForm query={query} onSubmit={setQuery} />
      {endpoint === "missing" ? (
        <NotAvailable what={t.monitorScreens.trends.title} />
      ) : endpoint === "pending" || trend.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <ProblemAlert error={trend.error} />
      ) : (
        <TrendFigure rows={trend.data} query={query} exportDate={today} />
      )}
    </>
  );
}

function TrendForm({ query, onSubmit }: { query: TrendQuery; onSubmit: (q: TrendQuery) => void }) {
  const from = useQuarterInput(query.from);
  const to = useQuarterInput(query.to);
  const [by, setBy] = useState<MonitorGrouping>(query.by);
  function submit(event: FormEvent) {
    event.preventDefault();
    const f = from.read();
    const u = to.read();
    if (f && u) onSubmit(f <= u ? { from: f, to: u, by } : { from: u, to: f, by });
  }
  return (
    <form className="aanwezig-monitor-filters" onSubmit={submit} noValidate>
      <QuarterField id="trend-from" label={t.monitorScreens.trends.from} input={from} />
      <QuarterField id="trend-to" label={t.monitorScreens.trends.to} input={to} />
      <GroupingField id="trend-by" value={by} onChange={setBy} />
      <Button type="submit" purpose="primary">
        {t.monitorScreens.trends.show}
      </Button>
    </form>
  );
}

/** A running quarter is counted at today, and its column says so. */
function quarterHeader(quarter: string, rows: readonly MonitorTrendRow[]): string {
  const asOf = rows.find((r) => r.quarter === quarter)?.as_of;
  return asOf && asOf !== quarterEnd(quarter)
    ? t.monitorScreens.trends.runningQuarter(quarterLabel(quarter), formatDate(asOf))
    : quarterLabel(quarter);
}

interface TrendRow {
  group: string;
  counts: Record<string, number | null>;
}

export function TrendFigure({
  rows,
  query,
  exportDate,
  fixedMeasure,
}: {
  rows: readonly MonitorTrendRow[];
  query: TrendQuery;
  exportDate: string;
  /** The quarterly report shows one measure without a choice. */
  fixedMeasure?: string;
}) {
  const measures = [...new Set(rows.map((r) => r.measure))].sort(compareMeasures);
  const preferred = measures.includes("thuiszitters_inspectie")
    ? "thuiszitters_inspectie"
    : (measures[0] ?? "");
  const [chosen, setChosen] = useState(preferred);
  const selectId = useId();
  const measure = fixedMeasure ?? (measures.includes(chosen) ? chosen : preferred);
  if (rows.length === 0 || measure === "") {
    return <Paragraph>{t.monitorScreens.trends.empty}</Paragraph>;
  }
  const ofMeasure = rows.filter((r) => r.measure === measure);
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
  const groups = [...new Set(ofMeasure.map((r) => r.group))].sort();
  const table: TrendRow[] = groups.map((group) => ({
    group,
    counts: Object.fromEntries(
      quarters.map((q) => [
        q,
        cellOf(ofMeasure.find((r) => r.group === group && r.quarter === q)?.count),
      ]),
    ),
  }));
  const last = quarters[quarters.length - 1] ?? "";
  // The largest groups of the last quarter get a line; the table keeps every group.
  const lines = [...table]
    .sort((a, b) => (b.counts[last] ?? 0) - (a.counts[last] ?? 0)) // suppressed sorts as 0
    .slice(0, MAX_LINES);
  const label = measureLabel(measure);
  const columns: Column<TrendRow>[] = [
    {
      key: "group",
      header: t.monitorScreens.columns.group,
      value: (r) => groupLabel(r.group),
      rowHeader: true,
      sortable: true,
    },
    ...quarters.map(
      (q): Column<TrendRow> => ({
        key: q,
        header: quarterHeader(q, rows),
        value: (r) => cellExport(cellOf(r.counts[q]), measure),
        cell: (r) => formatCell(cellOf(r.counts[q]), measure),
        sortable: true,
      }),
    ),
  ];
  const byLabel = t.monitor.byOptions[query.by] ?? query.by;
  return (
    <>
      {table.length > lines.length && (
        <Paragraph>{t.monitorScreens.trends.linesNote(lines.length)}</Paragraph>
      )}
      <ChartFigure
        kind="line"
        testId="monitor-trend"
        description={t.monitorScreens.figure.lineDescription(label)}
        controls={
          fixedMeasure === undefined ? (
            <SelectField
              id={selectId}
              label={t.monitorScreens.trends.measure}
              value={measure}
              onChange={setChosen}
              options={measures.map((m) => ({ value: m, label: measureLabel(m) }))}
            />
          ) : undefined
        }
        chart={{
          categories: quarters.map((q) => ({
            label: quarterLabel(q),
            values: Object.fromEntries(lines.map((l) => [l.group, cellOf(l.counts[q])])),
          })),
          series: lines.map((l) => ({ key: l.group, label: groupLabel(l.group) })),
          format: (v) => formatCell(v, measure),
        }}
        table={{
          title: `${t.monitorScreens.trends.tableTitle(label)} – ${byLabel}`,
          columns,
          rows: table,
          rowKey: (r) => r.group,
        }}
        exportDate={exportDate}
      />
    </>
  );
}

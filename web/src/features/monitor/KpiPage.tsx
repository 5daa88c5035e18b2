// The KPIs of domain.md §5 per quarter: the share of cases that met each norm beside its target
// (first contact ≤ 1 week: 80%, SMART goals ≤ 1 month: 90%, first conversation ≤ 14 days: 100%,
// no child > 3 months without an offer: 80%), and the cases behind each for the roles that may
// open them (the server leaves the list out for policy roles).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { fetchKpis, type Kpi, type KpiCase } from "../../api/monitor.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { kpiChartCategories, missingRealisation } from "./kpi-chart.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { QuarterField, useQuarterInput } from "./QuarterFields.tsx";
import { lastCompletedQuarter, quarterLabel, useEndpoint, useToday } from "./use-monitor.ts";

const k = t.monitorScreens.kpis;

export function kpiName(code: string): string {
  return k.names[code] ?? (t.deadlines as Record<string, string>)[code] ?? code;
}

function percent(value: number | null): string {
  return value === null ? "" : `${Math.round(value * 100).toLocaleString(t.locale)}%`;
}

export function KpiPage() {
  const today = useToday();
  const [quarter, setQuarter] = useState(lastCompletedQuarter(today));
  const input = useQuarterInput(quarter);
  function submit(event: FormEvent) {
    event.preventDefault();
    const q = input.read();
    if (q) setQuarter(q);
  }
  return (
    <>
      <PageHeading>{k.title}</PageHeading>
      <Paragraph>{k.intro}</Paragraph>
      <form className="aanwezig-monitor-filters" onSubmit={submit} noValidate>
        <QuarterField id="kpi-quarter" label={k.quarter} input={input} />
        <Button type="submit" purpose="primary">
          {k.show}
        </Button>
      </form>
      <KpiResults quarter={quarter} exportDate={today} withCases />
    </>
  );
}

export function KpiResults({
  quarter,
  exportDate,
  withCases,
}: {
  quarter: string;
  exportDate: string;
  withCases: boolean;
}) {
  const endpoint = useEndpoint(/^\/api\/monitor\/kpis$/);
  const report = useQuery({
    queryKey: ["monitor-kpis", quarter],
    queryFn: ({ signal }) => fetchKpis(quarter, signal),
    enabled: endpoint === "available",
  });
  if (endpoint === "missing") return <NotAvailable what={k.title} />;
  if (endpoint === "pending" || report.isPending) return <Loading />;
  if (report.isError) return <ProblemAlert error={report.error} />;
  const kpis = report.data.kpis;
  if (kpis.length === 0) return <Paragraph>{k.empty}</Paragraph>;
  const columns: Column<Kpi>[] = [
    { key: "name", header: k.indicator, value: (r) => kpiName(r.code), rowHeader: true },
    { key: "target", header: k.target, value: (r) => percent(r.target) },
    {
      key: "actual",
      header: k.actual,
      value: (r) => (r.actual === null ? missingRealisation(r) : percent(r.actual)),
    },
    { key: "met", header: k.met, value: (r) => r.met ?? t.monitor.suppressed },
    { key: "total", header: k.total, value: (r) => r.total ?? t.monitor.suppressed },
    { key: "pending", header: k.pending, value: (r) => r.pending ?? t.monitor.suppressed },
    {
      key: "reached",
      header: k.reached,
      value: (r) => (r.target_met === null ? "" : r.target_met ? t.common.yes : t.common.no),
    },
  ];
  const title = k.tableTitle(quarterLabel(quarter));
  const withList = kpis.filter((kpi) => kpi.cases !== null && kpi.cases.length > 0);
  return (
    <>
      <Paragraph>{k.evaluatedAt(formatDate(report.data.evaluated_at))}</Paragraph>
      <ChartFigure
        kind="bar"
        testId="monitor-kpis"
        description={t.monitorScreens.figure.chartDescription(
          `${k.chartTitle} ${quarterLabel(quarter)}`,
          kpis.length,
        )}
        chart={{
          categories: kpiChartCategories(kpis, (i) => kpiName(kpis[i]?.code ?? "")),
          series: [
            { key: "target", label: k.targetSeries },
            { key: "actual", label: k.actualSeries },
          ],
          format: (v) => `${v}%`,
        }}
        table={{ title, columns, rows: kpis, rowKey: (r) => `${r.group}-${r.code}` }}
        exportDate={exportDate}
      />
      {withCases && kpis.every((kpi) => kpi.cases === null) && (
        <Paragraph>{k.casesNotShown}</Paragraph>
      )}
      {withCases && withList.length > 0 && (
        <section className="aanwezig-monitor-cases" aria-labelledby="kpi-cases">
          <Heading level={2} id="kpi-cases">
            {k.casesTitle}
          </Heading>
          {withList.map((kpi) => (
            <KpiCases key={`${kpi.group}-${kpi.code}`} kpi={kpi} exportDate={exportDate} />
          ))}
        </section>
      )}
    </>
  );
}

const caseColumns: Column<KpiCase>[] = [
  {
    key: "case",
    header: k.caseColumn,
    value: (c) => c.case_id,
    cell: (c) => (
      <Link className="nl-link" to={`/casussen/${encodeURIComponent(c.case_id)}`}>
        {k.caseLink(c.case_id)}
      </Link>
    ),
    rowHeader: true,
  },
  { key: "school", header: k.school, value: (c) => c.school_id, sortable: true },
  {
    key: "due",
    header: k.due,
    value: (c) => c.due_date,
    cell: (c) => formatDate(c.due_date),
    sortable: true,
  },
  {
    key: "status",
    header: k.status,
    value: (c) => k.statuses[c.status] ?? c.status,
    sortable: true,
  },
  {
    key: "metOn",
    header: k.metOn,
    value: (c) => c.met_on ?? "",
    cell: (c) => formatDate(c.met_on),
  },
];

function KpiCases({ kpi, exportDate }: { kpi: Kpi; exportDate: string }) {
  const cases = kpi.cases ?? [];
  return (
    <details>
      <summary>
        {kpiName(kpi.code)}: {k.cases(cases.length)}
      </summary>
      <DataTable
        title={`${kpiName(kpi.code)} – ${k.casesTitle}`}
        columns={caseColumns}
        rows={cases}
        rowKey={(c) => c.case_id}
        exportDate={exportDate}
      />
    </details>
  );
}

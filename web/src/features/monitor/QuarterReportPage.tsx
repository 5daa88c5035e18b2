// The printable quarterly report (domain.md §7 "per quarter"): the KPIs of the quarter, every
// monitor section at the quarter's last day (or today while it runs) and the thuiszitter trend
// of the past year. Printing uses monitor.css's print rules: no navigation or controls, a page
// per part, the tables printed beside the charts.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fetchMonitor, fetchMonitorTrend, type MonitorGrouping } from "../../api/monitor.ts";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { KpiResults } from "./KpiPage.tsx";
import { MonitorSection } from "./MonitorSection.tsx";
import { sectionsWithRows } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { GroupingField, QuarterField, useQuarterInput } from "./QuarterFields.tsx";
import { TrendFigure } from "./TrendsPage.tsx";
import {
  lastCompletedQuarter,
  quarterAsOf,
  quarterLabel,
  shiftQuarter,
  useEndpoint,
  useToday,
} from "./use-monitor.ts";

const r = t.monitorScreens.report;

export function QuarterReportPage() {
  const today = useToday();
  const [choice, setChoice] = useState<{ quarter: string; by: MonitorGrouping }>({
    quarter: lastCompletedQuarter(today),
    by: "municipality",
  });
  const input = useQuarterInput(choice.quarter);
  const [by, setBy] = useState<MonitorGrouping>(choice.by);
  function submit(event: FormEvent) {
    event.preventDefault();
    const q = input.read();
    if (q) setChoice({ quarter: q, by });
  }
  const byLabel = t.monitor.byOptions[choice.by] ?? choice.by;
  return (
    <>
      <PageHeading>{r.title}</PageHeading>
      <div className="aanwezig-no-print">
        <Paragraph>{r.intro}</Paragraph>
        <form className="aanwezig-monitor-filters" onSubmit={submit} noValidate>
          <QuarterField id="report-quarter" label={r.quarter} input={input} />
          <GroupingField id="report-by" value={by} onChange={setBy} />
          <Button type="submit" purpose="primary">
            {r.show}
          </Button>
          <Button type="button" purpose="secondary" onClick={() => window.print()}>
            {r.print}
          </Button>
        </form>
      </div>
      <Paragraph className="aanwezig-report__lead">
        <strong>{r.heading(quarterLabel(choice.quarter), byLabel)}</strong>{" "}
        {r.madeOn(formatDate(today))} {t.monitorScreens.privacyNote}
      </Paragraph>
      <section className="aanwezig-report__part" aria-labelledby="report-kpis">
        <Heading level={2} id="report-kpis">
          {t.monitorScreens.pages.kpis}
        </Heading>
        <KpiResults quarter={choice.quarter} exportDate={today} withCases={false} />
      </section>
      <ReportFigures quarter={choice.quarter} by={choice.by} today={today} />
      <ReportTrend quarter={choice.quarter} by={choice.by} today={today} />
    </>
  );
}

function ReportFigures({
  quarter,
  by,
  today,
}: {
  quarter: string;
  by: MonitorGrouping;
  today: string;
}) {
  const asOf = quarterAsOf(quarter, today);
  const endpoint = useEndpoint(/^\/api\/monitor$/);
  const monitor = useQuery({
    queryKey: ["monitor", asOf, by],
    queryFn: ({ signal }) => fetchMonitor(asOf, by, signal),
    enabled: endpoint === "available",
  });
  const title = r.figuresAt(formatDate(asOf));
  return (
    <section className="aanwezig-report__part" aria-labelledby="report-figures">
      <Heading level={2} id="report-figures">
        {title}
      </Heading>
      {endpoint === "missing" ? (
        <NotAvailable what={title} />
      ) : endpoint === "pending" || monitor.isPending ? (
        <Loading />
      ) : monitor.isError ? (
        <ProblemAlert error={monitor.error} />
      ) : (
        sectionsWithRows(monitor.data).map((section) => (
          <MonitorSection
            key={`${section}-${asOf}-${by}`}
            section={section}
            rows={monitor.data}
            exportDate={asOf}
            titleSuffix={`${t.monitor.byOptions[by] ?? by}, ${formatDate(asOf)}`}
            headingLevel={3}
          />
        ))
      )}
    </section>
  );
}

function ReportTrend({
  quarter,
  by,
  today,
}: {
  quarter: string;
  by: MonitorGrouping;
  today: string;
}) {
  const query = { from: shiftQuarter(quarter, -3), to: quarter, by };
  const endpoint = useEndpoint(/^\/api\/monitor\/trends?$/);
  const trend = useQuery({
    queryKey: ["monitor-trend", query],
    queryFn: ({ signal }) => fetchMonitorTrend(query, signal),
    enabled: endpoint === "available",
  });
  return (
    <section className="aanwezig-report__part" aria-labelledby="report-trend">
      <Heading level={2} id="report-trend">
        {t.monitorScreens.pages.trends}
      </Heading>
      {endpoint === "missing" ? (
        <NotAvailable what={t.monitorScreens.pages.trends} />
      ) : endpoint === "pending" || trend.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <ProblemAlert error={trend.error} />
      ) : (
        ["thuiszitters_inspectie", "thuiszitters_breed"].map((measure) => (
          <TrendFigure
            key={measure}
            rows={trend.data}
            query={query}
            exportDate={today}
            fixedMeasure={measure}
          />
        ))
      )}
    </section>
  );
}

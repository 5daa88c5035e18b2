// Former thuiszitters (domain.md §7): after their case closed, how their school career goes —
// back at school, attendance since, school changes, new signals, leaving with or without a
// start qualification — counted per cohort (the quarter the case closed), small cells suppressed.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { fetchFormerThuiszitters } from "../../api/monitor.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { pivotAll } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { PivotFigure } from "./PivotFigure.tsx";
import { quarterLabel, useEndpoint, useToday } from "./use-monitor.ts";

const c = t.monitorScreens.cohort;

export function cohortMeasureLabel(measure: string): string {
  return c.measures[measure] ?? measure;
}

export function CohortPage() {
  const today = useToday();
  const endpoint = useEndpoint(/^\/api\/monitor\/(former|oud)/);
  const cohorts = useQuery({
    queryKey: ["monitor-former-thuiszitters", today],
    queryFn: ({ signal }) => fetchFormerThuiszitters({ asOf: today }, signal),
    enabled: endpoint === "available",
  });
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      <Paragraph>{c.intro}</Paragraph>
      <Paragraph>{t.monitorScreens.privacyNote}</Paragraph>
      {endpoint === "missing" ? (
        <NotAvailable what={c.title} />
      ) : endpoint === "pending" || cohorts.isPending ? (
        <Loading />
      ) : cohorts.isError ? (
        <ProblemAlert error={cohorts.error} />
      ) : cohorts.data.length === 0 ? (
        <Paragraph>{c.empty}</Paragraph>
      ) : (
        <PivotFigure
          table={pivotAll(cohorts.data.map((row) => ({ ...row, group: row.cohort })))}
          chartTitle={c.tableTitle}
          tableTitle={c.tableTitle}
          exportDate={today}
          testId="monitor-cohort"
          groupHeader={c.cohort}
          groupName={quarterLabel}
          measureLabel={cohortMeasureLabel}
        />
      )}
    </>
  );
}

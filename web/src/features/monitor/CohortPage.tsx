// Former thuiszitters (domain.md §7): after their case closed, how their school career goes —
// back at school, attendance since, school changes, new signals and cases, leaving with or
// without a start qualification — per cohort (the quarter the case closed), small cells
// suppressed. Roles that may read the cases also get the pupils, each linked to the case file.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { type FormerPupil, fetchFormerThuiszitters } from "../../api/monitor.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { compareMeasures, measureLabel, pivotAll } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { PivotFigure } from "./PivotFigure.tsx";
import { quarterLabel, useEndpoint, useToday } from "./use-monitor.ts";

const c = t.monitorScreens.cohort;
const MEASURE_ORDER = Object.keys(c.measures);

export function cohortMeasureLabel(measure: string): string {
  const known = c.measures[measure];
  if (known) return known;
  const [prefix = "", code = ""] = measure.split(":");
  if (prefix === "outcome") return c.outcome((t.outcomes as Record<string, string>)[code] ?? code);
  return measure;
}

function cohortOrder(a: string, b: string): number {
  const rank = (m: string) => {
    const i = MEASURE_ORDER.indexOf(m);
    return i === -1 ? MEASURE_ORDER.length : i;
  };
  return rank(a) - rank(b) || compareMeasures(a, b);
}

const yesNo = (v: boolean) => (v ? t.common.yes : t.common.no);

const pupilColumns: Column<FormerPupil>[] = [
  {
    key: "case",
    header: c.columns.case,
    value: (p) => p.case_id,
    cell: (p) => (
      <Link className="nl-link" to={`/casussen/${encodeURIComponent(p.case_id)}`}>
        {t.monitorScreens.kpis.caseLink(p.case_id)}
      </Link>
    ),
    rowHeader: true,
  },
  { key: "pupil", header: c.columns.pupil, value: (p) => p.pupil_id, sortable: true },
  { key: "cohort", header: c.cohort, value: (p) => quarterLabel(p.cohort), sortable: true },
  {
    key: "closed",
    header: c.columns.closedAt,
    value: (p) => p.closed_at,
    cell: (p) => formatDate(p.closed_at),
    sortable: true,
  },
  {
    key: "outcome",
    header: c.columns.outcome,
    value: (p) => (t.outcomes as Record<string, string>)[p.outcome] ?? p.outcome,
    sortable: true,
  },
  {
    key: "reentered",
    header: c.columns.reentered,
    value: (p) => yesNo(p.reentered),
    sortable: true,
  },
  {
    key: "changes",
    header: c.columns.schoolChanges,
    value: (p) => p.school_changes,
    sortable: true,
  },
  {
    key: "attendance",
    header: c.columns.attendance,
    value: (p) => (p.attendance_rate === null ? "" : `${Math.round(p.attendance_rate * 100)}%`),
    sortable: true,
  },
  {
    key: "signals",
    header: c.columns.signals,
    value: (p) => p.signals_now.map((s) => measureLabel(`signal:${s}`)).join(", "),
  },
  { key: "newCase", header: c.columns.newCase, value: (p) => yesNo(p.new_case), sortable: true },
  { key: "left", header: c.columns.left, value: (p) => yesNo(p.left_education), sortable: true },
  {
    key: "sq",
    header: c.columns.startQualification,
    value: (p) => c.startQualification[p.start_qualification] ?? p.start_qualification,
  },
];

export function CohortPage() {
  const today = useToday();
  const endpoint = useEndpoint(/^\/api\/monitor\/former-thuiszitters$/);
  const report = useQuery({
    queryKey: ["monitor-former-thuiszitters", today],
    queryFn: ({ signal }) => fetchFormerThuiszitters(today, signal),
    enabled: endpoint === "available",
  });
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      <Paragraph>{c.intro}</Paragraph>
      <Paragraph>{t.monitorScreens.privacyNote}</Paragraph>
      {endpoint === "missing" ? (
        <NotAvailable what={c.title} />
      ) : endpoint === "pending" || report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : report.data.cohorts.length === 0 ? (
        <Paragraph>{c.empty}</Paragraph>
      ) : (
        <>
          {!report.data.start_qualification_recorded && (
            <Paragraph>{c.noStartQualifications}</Paragraph>
          )}
          <PivotFigure
            table={pivotAll(
              report.data.cohorts.map((row) => ({ ...row, group: row.cohort })),
              cohortOrder,
            )}
            chartTitle={c.tableTitle}
            tableTitle={`${c.tableTitle} – ${formatDate(report.data.as_of)}`}
            exportDate={report.data.as_of}
            testId="monitor-cohort"
            groupHeader={c.cohort}
            groupName={quarterLabel}
            measureLabel={cohortMeasureLabel}
          />
          <Heading level={2}>{c.pupilsTitle}</Heading>
          {report.data.pupils === null ? (
            <Paragraph>{c.pupilsNotShown}</Paragraph>
          ) : (
            <DataTable
              title={`${c.pupilsTitle} – ${formatDate(report.data.as_of)}`}
              columns={pupilColumns}
              rows={report.data.pupils}
              rowKey={(p) => p.case_id}
              exportDate={report.data.as_of}
            />
          )}
        </>
      )}
    </>
  );
}

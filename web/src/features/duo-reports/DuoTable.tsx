// A table of verzuimmeldingen (domain.md §4): the pupil, school, type, period, hours, the due
// date with its note (due, overdue, sent late), the status, DUO's reference, and a link to open
// the report. Shared by leerplicht's and the school's worklists and the list page.
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { StatusText } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { duoDueNote, isDuoOverdue } from "../worklists/duo-due-note.ts";

/** A verzuimmelding as GET /api/duo-reports lists it (src/http/routes/duo-reports.ts). */
export interface DuoReport {
  report_id: string;
  pupil_id: string;
  pupil_name?: string;
  school_id: string;
  school_name?: string;
  municipality?: string | null;
  report_type: string;
  repeat_number?: number;
  start_date: string;
  end_date: string;
  due_date: string;
  status: string;
  hours_absent?: number;
  overdue?: boolean;
  submitted_on?: string | null;
  duo_reference?: string | null;
  timeliness?: "due" | "overdue" | "on_time" | "sent_late" | null;
}

export const FINAL_DUO_STATUSES = new Set(["afgesloten", "ter_kennisgeving", "ingetrokken"]);

export const duoReportPath = (id: string) => `/verzuimmeldingen/${encodeURIComponent(id)}`;

export const duoTypeName = (r: Pick<DuoReport, "report_type" | "repeat_number">) =>
  `${t.worklist.duoTypes[r.report_type] ?? r.report_type}${r.repeat_number ? ` (${t.worklist.duoRepeat(r.repeat_number)})` : ""}`;

/** Overdue first, then by due date. */
export function byDuoUrgency(today: string) {
  return (a: DuoReport, b: DuoReport) => {
    const late = Number(isDuoOverdue(b, today)) - Number(isDuoOverdue(a, today));
    return late !== 0 ? late : a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : 0;
  };
}

export function DuoTable(props: {
  rows: readonly DuoReport[];
  today: string;
  testId: string;
  pageSize?: number;
  showSchool?: boolean;
  emptyText?: string;
  captionHidden?: boolean;
}) {
  const { rows, today } = props;
  const columns: Column<DuoReport>[] = [
    {
      key: "pupil",
      header: t.signals.pupil,
      value: (r) => formatPupil(r),
      cell: (r) => (
        <AppLink to={`/leerlingen/${encodeURIComponent(r.pupil_id)}`}>{formatPupil(r)}</AppLink>
      ),
      sortable: true,
      rowHeader: true,
    },
    ...(props.showSchool === false
      ? []
      : [
          {
            key: "school",
            header: t.signals.school,
            value: (r: DuoReport) => formatSchool(r),
            sortable: true,
          },
        ]),
    { key: "type", header: t.worklist.duoType, value: duoTypeName, sortable: true },
    {
      key: "period",
      header: t.worklist.duoPeriod,
      value: (r) => `${formatDate(r.start_date)} – ${formatDate(r.end_date)}`,
    },
    {
      key: "hours",
      header: t.worklist.duoHours,
      value: (r) => r.hours_absent ?? null,
      sortable: true,
    },
    {
      key: "due",
      header: t.worklist.duoDue,
      value: (r) => r.due_date,
      cell: (r) => {
        const note = duoDueNote(r, today);
        return note ? (
          <StatusText tone={isDuoOverdue(r, today) ? "danger" : "warning"}>
            {formatDate(r.due_date)} ({note})
          </StatusText>
        ) : (
          formatDate(r.due_date)
        );
      },
      sortable: true,
    },
    {
      key: "status",
      header: t.worklist.duoStatus,
      value: (r) => t.worklist.duoStatuses[r.status] ?? r.status,
      sortable: true,
    },
    {
      key: "reference",
      header: t.duo.reference,
      value: (r) => r.duo_reference ?? "",
    },
    {
      key: "open",
      header: t.duo.action,
      value: () => "",
      cell: (r) => (
        <AppLink to={duoReportPath(r.report_id)} aria-label={t.duo.openLabel(formatPupil(r))}>
          {t.duo.open}
        </AppLink>
      ),
      noExport: true,
    },
  ];
  return (
    <DataTable
      title={t.worklist.duoReports}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.report_id}
      exportDate={today}
      emptyText={props.emptyText ?? t.worklist.duoNone}
      testId={props.testId}
      {...(props.pageSize ? { pageSize: props.pageSize } : {})}
      stack
      captionHidden={props.captionHidden ?? true}
    />
  );
}

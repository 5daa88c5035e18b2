// The caseload table shared by the worklists and the case list: pupil (a link to the case
// file), phase, clock, next deadline and the 3-month guarantee, most urgent first.
import type { CaseDeadline, CaseSummary } from "../../api/cases.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate, personLabel } from "../../components/format.ts";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { byUrgency } from "./urgency.ts";

export function deadlineName(code: CaseDeadline["code"]): string {
  return t.deadlines[code];
}

export function phaseName(phase: CaseSummary["phase"]): string {
  return t.phases[phase];
}

export function caseColumns(myId: string): Column<CaseSummary>[] {
  return [
    {
      key: "pupil",
      header: t.cases.pupil,
      value: (c) => formatPupil(c),
      cell: (c) => <AppLink to={`/casussen/${encodeURIComponent(c.id)}`}>{formatPupil(c)}</AppLink>,
      sortable: true,
      rowHeader: true,
    },
    { key: "school", header: t.cases.school, value: (c) => formatSchool(c), sortable: true },
    { key: "phase", header: t.cases.phase, value: (c) => phaseName(c.phase), sortable: true },
    {
      key: "clock",
      header: t.cases.clock,
      value: (c) => c.clock_weeks,
      cell: (c) => t.cases.weekValue(c.clock_weeks),
      sortable: true,
    },
    {
      key: "next",
      header: t.cases.nextDeadline,
      value: (c) => (c.next_deadline ? deadlineName(c.next_deadline.code) : ""),
      sortable: true,
    },
    {
      key: "due",
      header: t.cases.due,
      value: (c) => c.next_deadline?.due_date ?? "",
      cell: (c) =>
        c.next_deadline ? (
          <StatusText tone={toneOf(c.next_deadline.status)}>
            {formatDate(c.next_deadline.due_date)} ({t.deadlineStatus[c.next_deadline.status]})
          </StatusText>
        ) : (
          ""
        ),
      sortable: true,
    },
    {
      key: "three",
      header: t.cases.threeMonth,
      value: (c) => c.three_month.due_date,
      cell: (c) => (
        <StatusText tone={toneOf(c.three_month.status)}>
          {formatDate(c.three_month.due_date)} ({t.cases.threeMonthStatus[c.three_month.status]})
        </StatusText>
      ),
      sortable: true,
    },
    {
      key: "owner",
      header: t.cases.owner,
      value: (c) => personLabel(c.owner, myId, c),
      sortable: true,
    },
  ];
}

export function CaseTable({
  title,
  cases,
  myId,
  today,
  emptyText,
  testId,
  pageSize,
  captionHidden = false,
}: {
  title: string;
  cases: readonly CaseSummary[];
  myId: string;
  today: string;
  emptyText?: string;
  testId?: string;
  /** Rows per page (a pager under the table). */
  pageSize?: number;
  /** The caption for assistive technology only (a heading above says it with the count). */
  captionHidden?: boolean;
}) {
  const rows = [...cases].sort(byUrgency);
  return (
    <DataTable
      title={title}
      columns={caseColumns(myId)}
      rows={rows}
      rowKey={(c) => c.id}
      exportDate={today}
      emptyText={emptyText ?? t.cases.none}
      {...(testId ? { testId } : {})}
      {...(pageSize ? { pageSize } : {})}
      stack
      captionHidden={captionHidden}
    />
  );
}

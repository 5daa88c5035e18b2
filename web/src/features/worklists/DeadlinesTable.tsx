// Deadlines that need attention across cases (domain.md §5 "deadlines the system computes, shows
// to the responsible person"): overdue, at risk, or due within two weeks, the earliest first.
import type { CaseDeadline, CaseDetail } from "../../api/cases.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { addDaysIso, formatDate } from "../../components/format.ts";
import { formatPupil } from "../../components/names.ts";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";
import { deadlineName } from "../cases/CaseTable.tsx";

export interface DeadlineRow {
  caseId: string;
  pupil: string;
  deadline: CaseDeadline;
}

export function deadlinesNeedingAttention(
  details: readonly CaseDetail[],
  today: string,
  withinDays = 14,
): DeadlineRow[] {
  const horizon = addDaysIso(today, withinDays);
  const rows: DeadlineRow[] = [];
  for (const c of details) {
    if (c.phase === "CLOSED") continue;
    for (const d of c.deadlines) {
      const pressing =
        d.status === "overdue" ||
        d.status === "at_risk" ||
        (d.status === "open" && d.due_date <= horizon);
      if (pressing) rows.push({ caseId: c.id, pupil: formatPupil(c), deadline: d });
    }
  }
  return rows.sort((a, b) => (a.deadline.due_date < b.deadline.due_date ? -1 : 1));
}

export function DeadlinesTable({
  title,
  rows,
  today,
  testId,
  pageSize,
}: {
  title: string;
  rows: readonly DeadlineRow[];
  today: string;
  testId?: string;
  /** Rows per page (a pager under the table). */
  pageSize?: number;
}) {
  const columns: Column<DeadlineRow>[] = [
    {
      key: "pupil",
      header: t.worklist.deadlineCase,
      value: (r) => r.pupil,
      cell: (r) => <AppLink to={`/casussen/${encodeURIComponent(r.caseId)}`}>{r.pupil}</AppLink>,
      sortable: true,
      rowHeader: true,
    },
    {
      key: "deadline",
      header: t.caseFile.deadlines.deadline,
      value: (r) => deadlineName(r.deadline.code),
      sortable: true,
    },
    {
      key: "due",
      header: t.caseFile.deadlines.due,
      value: (r) => r.deadline.due_date,
      cell: (r) => formatDate(r.deadline.due_date),
      sortable: true,
    },
    {
      key: "status",
      header: t.caseFile.deadlines.status,
      value: (r) => t.deadlineStatus[r.deadline.status],
      cell: (r) => (
        <StatusText tone={toneOf(r.deadline.status)}>
          {t.deadlineStatus[r.deadline.status]}
        </StatusText>
      ),
      sortable: true,
    },
    {
      key: "responsible",
      header: t.caseFile.deadlines.responsible,
      value: (r) => roleTitle(r.deadline.responsible.role),
      sortable: true,
    },
  ];
  return (
    <DataTable
      title={title}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.caseId}-${r.deadline.code}`}
      exportDate={today}
      emptyText={t.worklist.noDeadlines}
      {...(testId ? { testId } : {})}
      {...(pageSize ? { pageSize, captionHidden: true } : {})}
      stack
    />
  );
}

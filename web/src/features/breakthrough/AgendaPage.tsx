// /doorbraakteam: the breakthrough team's agenda (domain.md §5 BREAKTHROUGH, ARBITRATION): the
// cases on a team's agenda with the date they were added and the meeting date, earliest
// meeting first, each with the clock and the 3-month guarantee.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { CaseDetail } from "../../api/cases.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil } from "../../components/names.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { phaseName } from "../cases/CaseTable.tsx";
import { useCaseDetails, useCases } from "../cases/queries.ts";

const AGENDA_PHASES = new Set(["BREAKTHROUGH", "ARBITRATION"]);

export interface AgendaRow {
  key: string;
  c: CaseDetail;
  team: string;
  addedOn: string;
  meetingDate: string | null;
  reason: string;
}

export function agendaRows(details: readonly CaseDetail[]): AgendaRow[] {
  const rows: AgendaRow[] = [];
  for (const c of details) {
    const convened = [...c.history]
      .reverse()
      .find((h) => h.to === "BREAKTHROUGH" && h.from !== h.to);
    const items =
      c.breakthrough_agenda.length > 0
        ? c.breakthrough_agenda
        : [{ team: "", added_on: convened?.at ?? c.opened_at, meeting_date: null }];
    for (const item of items) {
      rows.push({
        key: `${c.id}-${item.team}-${item.added_on}`,
        c,
        team: item.team,
        addedOn: item.added_on,
        meetingDate: item.meeting_date,
        reason: convened?.reason ?? "",
      });
    }
  }
  return rows.sort(
    (a, b) =>
      (a.meetingDate ?? "9999").localeCompare(b.meetingDate ?? "9999") ||
      a.addedOn.localeCompare(b.addedOn),
  );
}

export function AgendaPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const cases = useCases();
  const onAgenda = (cases.data ?? []).filter((c) => AGENDA_PHASES.has(c.phase));
  const { details, pending, error } = useCaseDetails(onAgenda);
  const columns: Column<AgendaRow>[] = [
    {
      key: "pupil",
      header: t.cases.pupil,
      value: (r) => formatPupil(r.c),
      cell: (r) => (
        <AppLink to={`/casussen/${encodeURIComponent(r.c.id)}`}>{formatPupil(r.c)}</AppLink>
      ),
      sortable: true,
      rowHeader: true,
    },
    { key: "team", header: t.agenda.team, value: (r) => r.team, sortable: true },
    { key: "phase", header: t.agenda.phase, value: (r) => phaseName(r.c.phase), sortable: true },
    {
      key: "added",
      header: t.agenda.addedOn,
      value: (r) => r.addedOn,
      cell: (r) => formatDate(r.addedOn),
      sortable: true,
    },
    {
      key: "meeting",
      header: t.agenda.meetingDate,
      value: (r) => r.meetingDate ?? "",
      cell: (r) => (r.meetingDate ? formatDate(r.meetingDate) : t.agenda.notPlanned),
      sortable: true,
    },
    {
      key: "clock",
      header: t.cases.clock,
      value: (r) => r.c.clock_weeks,
      cell: (r) => t.cases.weekValue(r.c.clock_weeks),
      sortable: true,
    },
    {
      key: "three",
      header: t.cases.threeMonth,
      value: (r) => r.c.three_month.due_date,
      cell: (r) => (
        <StatusText tone={toneOf(r.c.three_month.status)}>
          {formatDate(r.c.three_month.due_date)} ({t.cases.threeMonthStatus[r.c.three_month.status]}
          )
        </StatusText>
      ),
      sortable: true,
    },
    { key: "reason", header: t.agenda.reason, value: (r) => r.reason },
  ];
  return (
    <>
      <PageHeading>{t.agenda.title}</PageHeading>
      <Paragraph>{t.agenda.intro}</Paragraph>
      {(cases.isPending || pending) && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {error && <ProblemAlert error={error} />}
      {cases.data && !pending && (
        <DataTable
          title={t.agenda.tableTitle}
          columns={columns}
          rows={agendaRows(details)}
          rowKey={(r) => r.key}
          exportDate={today}
          emptyText={t.agenda.empty}
          testId="agenda-table"
        />
      )}
    </>
  );
}

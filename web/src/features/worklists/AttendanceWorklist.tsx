// Leerplicht's worklist (issue 5; domain.md §4 reporting duty, ABSOLUTE): the DUO reports that
// are due or overdue (when the server offers them), absolute absence among residents, and the
// other signals leerplicht may see — those resting on authorized absence only with consent (a).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { findGet } from "../../api/capabilities.ts";
import type { Me } from "../../api/session.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { CaseTable } from "../cases/CaseTable.tsx";
import {
  useCases,
  useOperations,
  useOptionalList,
  useSignals,
  workKeys,
} from "../cases/queries.ts";
import { openCasesByPupil, SignalTable } from "../signals/SignalTable.tsx";
import { duoDueNote, isDuoOverdue } from "./duo-due-note.ts";

/** A verzuimmelding as GET /api/duo-reports lists it (src/services/duo-reports.ts). */
export interface DuoReport {
  report_id: string;
  pupil_id: string;
  pupil_name?: string;
  school_id: string;
  school_name?: string;
  report_type: string;
  repeat_number?: number;
  start_date: string;
  end_date: string;
  due_date: string;
  status: string;
  hours_absent?: number;
  overdue?: boolean;
  submitted_on?: string | null;
  timeliness?: "due" | "overdue" | "on_time" | "sent_late" | null;
}

const FINAL = new Set(["afgesloten", "ter_kennisgeving", "ingetrokken"]);

function DuoReports({ me }: { me: Me }) {
  const today = appToday(me);
  const operations = useOperations();
  const path = operations.data ? findGet(operations.data, /^\/api\/duo-reports$/) : undefined;
  const reports = useOptionalList<DuoReport>(path, workKeys.duoReports);
  if (operations.isPending) return <Loading />;
  if (!path) return <Paragraph>{t.common.notAvailable(t.worklist.duoUnavailable)}</Paragraph>;
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <ProblemAlert error={reports.error} />;
  const rows = (reports.data ?? [])
    .filter((r) => !FINAL.has(r.status))
    .sort((a, b) => {
      const late = Number(isDuoOverdue(b, today)) - Number(isDuoOverdue(a, today));
      return late !== 0 ? late : a.due_date < b.due_date ? -1 : 1;
    });
  const columns: Column<DuoReport>[] = [
    {
      key: "pupil",
      header: t.signals.pupil,
      value: (r) => formatPupil(r),
      sortable: true,
      rowHeader: true,
    },
    { key: "school", header: t.signals.school, value: (r) => formatSchool(r), sortable: true },
    {
      key: "type",
      header: t.worklist.duoType,
      value: (r) =>
        `${t.worklist.duoTypes[r.report_type] ?? r.report_type}${r.repeat_number ? ` (${t.worklist.duoRepeat(r.repeat_number)})` : ""}`,
      sortable: true,
    },
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
  ];
  return (
    <DataTable
      title={t.worklist.duoReports}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.report_id}
      exportDate={today}
      emptyText={t.worklist.duoNone}
      testId="worklist-duo"
    />
  );
}

export function AttendanceWorklist({ me }: { me: Me }) {
  const today = appToday(me);
  const signals = useSignals(today);
  const cases = useCases();
  const openByPupil = openCasesByPupil(cases.data);
  const absolute = (signals.data ?? []).filter((s) => s.code === "ABSOLUTE");
  const others = (signals.data ?? []).filter((s) => s.code !== "ABSOLUTE");
  return (
    <>
      <section aria-labelledby="worklist-duo">
        <Heading level={2} id="worklist-duo">
          {t.worklist.duoReports}
        </Heading>
        <Paragraph>{t.worklist.duoIntro}</Paragraph>
        <DuoReports me={me} />
      </section>
      <section aria-labelledby="worklist-absolute">
        <Heading level={2} id="worklist-absolute">
          {t.worklist.absoluteSignals}
        </Heading>
        <Paragraph>{t.worklist.absoluteIntro}</Paragraph>
        {(signals.isPending || cases.isPending) && <Loading />}
        {signals.isError && <ProblemAlert error={signals.error} />}
        {/* Only once the cases are in: a pupil with an open case is not offered a second one. */}
        {signals.data && !cases.isPending && (
          <SignalTable
            title={t.worklist.absoluteSignals}
            signals={absolute}
            openCases={openByPupil}
            mayOpenCase={false}
            showSchool={false}
            today={today}
            emptyText={t.worklist.absoluteNone}
            testId="worklist-absolute"
          />
        )}
      </section>
      <section aria-labelledby="worklist-other-signals">
        <Heading level={2} id="worklist-other-signals">
          {t.worklist.otherSignals}
        </Heading>
        <Paragraph>{t.worklist.otherSignalsIntro}</Paragraph>
        {signals.data && !cases.isPending && (
          <SignalTable
            title={t.worklist.otherSignals}
            signals={others}
            openCases={openByPupil}
            mayOpenCase={true}
            today={today}
            testId="worklist-other-signals"
          />
        )}
      </section>
      <section aria-labelledby="worklist-leerplicht-cases">
        <Heading level={2} id="worklist-leerplicht-cases">
          {t.cases.title}
        </Heading>
        {cases.isPending && <Loading />}
        {cases.isError && <ProblemAlert error={cases.error} />}
        {cases.data && (
          <CaseTable
            title={t.cases.tableTitle}
            cases={cases.data.filter((c) => c.phase !== "CLOSED")}
            myId={me.user.id}
            today={today}
          />
        )}
      </section>
    </>
  );
}

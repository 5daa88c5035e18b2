// Leerplicht's worklist (issue 5; domain.md §4 reporting duty, ABSOLUTE): the DUO reports that
// are due or overdue (when the server offers them), absolute absence among residents, and the
// other signals leerplicht may see — those resting on authorized absence only with consent (a).
// Issue 11 deliverable 5: one filter bar for all lists (only late, only new, a kind, a
// municipality), the counts in each heading, ten rows a page, and per row the child's page and
// the action that fits: open a case where one can be opened, else mark the signal known.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { ReactNode } from "react";
import { findGet } from "../../api/capabilities.ts";
import type { Me } from "../../api/session.ts";
import type { SignalRow } from "../../api/signals.ts";
import { AppLink } from "../../components/AppLink.tsx";
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
import { signalName } from "../signals/explain.ts";
import { openCasesByPupil, SignalTable } from "../signals/SignalTable.tsx";
import { duoDueNote, isDuoOverdue } from "./duo-due-note.ts";
import { type KindOption, useWorklistFilter, WorklistFilters } from "./WorklistFilters.tsx";
import {
  filterCases,
  filterReports,
  filterSignals,
  isCaseOverdue,
  isFiltered,
  mayOpenCaseForAbsolute,
  type WorklistFilter,
} from "./worklist-filters.ts";

/** Rows a page in each list of the worklist. */
export const WORKLIST_PAGE_SIZE = 5;

/** A verzuimmelding as GET /api/duo-reports lists it (src/services/duo-reports.ts). */
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
  timeliness?: "due" | "overdue" | "on_time" | "sent_late" | null;
}

/** A section heading with its count, "(shown van total)" while a filter hides rows. */
function countHeading(
  title: string,
  shown: number,
  total: number,
  filter: WorklistFilter,
  late?: number,
): string {
  return isFiltered(filter) && shown !== total
    ? t.work.headingFiltered(title, shown, total, late)
    : t.work.heading(title, shown, late);
}

function WorkSection(props: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <Heading level={2} id={props.id}>
        {props.heading}
      </Heading>
      {props.intro && <Paragraph>{props.intro}</Paragraph>}
      {props.children}
    </section>
  );
}

const FINAL = new Set(["afgesloten", "ter_kennisgeving", "ingetrokken"]);

function useDuoReports() {
  const operations = useOperations();
  const path = operations.data ? findGet(operations.data, /^\/api\/duo-reports$/) : undefined;
  const reports = useOptionalList<DuoReport>(path, workKeys.duoReports);
  return { operations, path, reports };
}

function DuoTable({ rows, today }: { rows: readonly DuoReport[]; today: string }) {
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
      pageSize={WORKLIST_PAGE_SIZE}
      stack
      captionHidden
    />
  );
}

export function AttendanceWorklist({ me }: { me: Me }) {
  const today = appToday(me);
  const [filter, setFilter] = useWorklistFilter();
  const signals = useSignals(today);
  const cases = useCases();
  const duo = useDuoReports();
  const openByPupil = openCasesByPupil(cases.data);

  const allReports = (duo.reports.data ?? [])
    .filter((r) => !FINAL.has(r.status))
    .sort((a, b) => {
      const late = Number(isDuoOverdue(b, today)) - Number(isDuoOverdue(a, today));
      return late !== 0 ? late : a.due_date < b.due_date ? -1 : 1;
    });
  const reports = filterReports(allReports, filter, today);
  const allAbsolute = (signals.data ?? []).filter((s) => s.code === "ABSOLUTE");
  const allOthers = (signals.data ?? []).filter((s) => s.code !== "ABSOLUTE");
  const absolute = filterSignals(allAbsolute, filter);
  const others = filterSignals(allOthers, filter);
  const allCases = (cases.data ?? []).filter((c) => c.phase !== "CLOSED");
  const shownCases = filterCases(allCases, filter);

  const kinds: KindOption[] = [
    ...[...new Set((signals.data ?? []).map((s) => s.code))].sort().map((code) => ({
      value: `signal:${code}`,
      label: `${t.work.filters.signalKinds}: ${signalName(code)}`,
    })),
    ...[...new Set(allReports.map((r) => r.report_type))].sort().map((type) => ({
      value: `duo:${type}`,
      label: `${t.work.filters.duoKinds}: ${t.worklist.duoTypes[type] ?? type}`,
    })),
  ];
  const mayOpen = (s: SignalRow) => mayOpenCaseForAbsolute(s, today);
  const signalsReady = signals.data !== undefined && !cases.isPending;

  return (
    <>
      <WorklistFilters
        filter={filter}
        onChange={setFilter}
        shows={["all", "overdue", "new"]}
        kinds={kinds}
        municipalities={me.scopes.municipalities}
      />
      <WorkSection
        id="worklist-duo"
        heading={
          duo.reports.data
            ? countHeading(
                t.worklist.duoReports,
                reports.length,
                allReports.length,
                filter,
                reports.filter((r) => isDuoOverdue(r, today)).length,
              )
            : t.worklist.duoReports
        }
        intro={t.worklist.duoIntro}
      >
        {duo.operations.isPending ? (
          <Loading />
        ) : !duo.path ? (
          <Paragraph>{t.common.notAvailable(t.worklist.duoUnavailable)}</Paragraph>
        ) : duo.reports.isPending ? (
          <Loading />
        ) : duo.reports.isError ? (
          <ProblemAlert error={duo.reports.error} />
        ) : (
          <DuoTable rows={reports} today={today} />
        )}
      </WorkSection>
      <WorkSection
        id="worklist-absolute"
        heading={
          signalsReady
            ? countHeading(t.worklist.absoluteSignals, absolute.length, allAbsolute.length, filter)
            : t.worklist.absoluteSignals
        }
        intro={t.worklist.absoluteIntro}
      >
        {(signals.isPending || cases.isPending) && <Loading />}
        {signals.isError && <ProblemAlert error={signals.error} />}
        {/* Only once the cases are in: a pupil with an open case is not offered a second one. */}
        {signalsReady && (
          <SignalTable
            title={t.worklist.absoluteSignals}
            signals={absolute}
            openCases={openByPupil}
            mayOpenCase={mayOpen}
            noCaseReason={(s) => (mayOpen(s) ? undefined : t.work.actions.noSchoolForCase)}
            pupilLink
            showSchool={false}
            today={today}
            emptyText={t.worklist.absoluteNone}
            testId="worklist-absolute"
            pageSize={WORKLIST_PAGE_SIZE}
            captionHidden
          />
        )}
      </WorkSection>
      <WorkSection
        id="worklist-other-signals"
        heading={
          signalsReady
            ? countHeading(t.worklist.otherSignals, others.length, allOthers.length, filter)
            : t.worklist.otherSignals
        }
        intro={t.worklist.otherSignalsIntro}
      >
        {signalsReady && (
          <SignalTable
            title={t.worklist.otherSignals}
            signals={others}
            openCases={openByPupil}
            mayOpenCase={true}
            pupilLink
            today={today}
            testId="worklist-other-signals"
            pageSize={WORKLIST_PAGE_SIZE}
            captionHidden
          />
        )}
      </WorkSection>
      <WorkSection
        id="worklist-leerplicht-cases"
        heading={
          cases.data
            ? countHeading(
                t.cases.title,
                shownCases.length,
                allCases.length,
                filter,
                shownCases.filter(isCaseOverdue).length,
              )
            : t.cases.title
        }
      >
        {cases.isPending && <Loading />}
        {cases.isError && <ProblemAlert error={cases.error} />}
        {cases.data && (
          <CaseTable
            title={t.cases.tableTitle}
            cases={shownCases}
            myId={me.user.id}
            today={today}
            testId="worklist-leerplicht-cases"
            pageSize={WORKLIST_PAGE_SIZE}
            captionHidden
          />
        )}
      </WorkSection>
    </>
  );
}

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
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
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
import {
  byDuoUrgency,
  type DuoReport,
  DuoTable,
  FINAL_DUO_STATUSES,
} from "../duo-reports/DuoTable.tsx";
import { MasWorklist } from "../leerplicht/MasWorklist.tsx";
import { signalName } from "../signals/explain.ts";
import { openCasesByPupil, SignalTable } from "../signals/SignalTable.tsx";
import { isDuoOverdue } from "./duo-due-note.ts";
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

function useDuoReports() {
  const operations = useOperations();
  const path = operations.data ? findGet(operations.data, /^\/api\/duo-reports$/) : undefined;
  const reports = useOptionalList<DuoReport>(path, workKeys.duoReports);
  return { operations, path, reports };
}

export function AttendanceWorklist({ me }: { me: Me }) {
  const today = appToday(me);
  const [filter, setFilter] = useWorklistFilter();
  const signals = useSignals(today);
  const cases = useCases();
  const duo = useDuoReports();
  const openByPupil = openCasesByPupil(cases.data);

  const allReports = (duo.reports.data ?? [])
    .filter((r) => !FINAL_DUO_STATUSES.has(r.status))
    .sort(byDuoUrgency(today));
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
          <DuoTable
            rows={reports}
            today={today}
            testId="worklist-duo"
            pageSize={WORKLIST_PAGE_SIZE}
          />
        )}
      </WorkSection>
      <MasWorklist today={today} pageSize={WORKLIST_PAGE_SIZE} filter={filter} />
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

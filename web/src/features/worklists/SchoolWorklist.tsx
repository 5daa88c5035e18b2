// The care coordinator's worklist (issue 5; domain.md §5 phase SCHOOL): the school's new
// signals with why they fired, the cases they hold with the weekly review due, and the
// deadlines that need attention. Issue 11: a filter bar (only late, a kind of signal), the counts
// in the headings, paging, and on a phone each row as a card with its action in view. Issue 15:
// for the school head and care coordinator, the verzuimmeldingen still to be reported to DUO.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useState } from "react";
import type { CaseDetail } from "../../api/cases.ts";
import type { Me } from "../../api/session.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil } from "../../components/names.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { WorklistEventForm } from "../case-file/RecordEventForm.tsx";
import { deadlineName, phaseName } from "../cases/CaseTable.tsx";
import { useCaseDetails, useCases, useSignals } from "../cases/queries.ts";
import { byUrgency } from "../cases/urgency.ts";
import { SchoolDuoSection } from "../duo-reports/SchoolDuoSection.tsx";
import { signalName } from "../signals/explain.ts";
import { isNewSignal, openCasesByPupil, SignalTable } from "../signals/SignalTable.tsx";
import { WORKLIST_PAGE_SIZE } from "./AttendanceWorklist.tsx";
import { DeadlinesTable, deadlinesNeedingAttention } from "./DeadlinesTable.tsx";
import { type KindOption, useWorklistFilter, WorklistFilters } from "./WorklistFilters.tsx";
import { filterCases, filterSignals, isCaseOverdue, isFiltered } from "./worklist-filters.ts";

/** At most this many case files are loaded for a worklist (a school's open cases). */
const MAX_DETAILS = 60;

function weeklyReview(c: CaseDetail) {
  return c.deadlines.find((d) => d.code === "weekly_school_review");
}

export function SchoolWorklist({ me }: { me: Me }) {
  const today = appToday(me);
  const signals = useSignals(today);
  const cases = useCases();
  const open = (cases.data ?? []).filter((c) => c.phase !== "CLOSED").sort(byUrgency);
  const { details, pending, error } = useCaseDetails(open.slice(0, MAX_DETAILS));
  const openByPupil = openCasesByPupil(cases.data);
  // A pupil already in a case is followed there; the worklist shows who still needs a decision.
  const newSignals = (signals.data ?? []).filter(
    (s) => isNewSignal(s) && !openByPupil.has(s.pupil_id),
  );
  const mine = details.filter((c) => c.owner.person_id === me.user.id);
  const allMyCases = mine.length > 0 ? mine : details;
  const [filter, setFilter] = useWorklistFilter();
  const [eventNotice, setEventNotice] = useState("");
  // Issue 15: the mentor's same-day contact and the weekly review, recorded from here on the
  // cases whose file offers it (the server's allowed_actions).
  const recordable = details
    .filter((c) => c.allowed_actions.includes("events"))
    .map((c) => ({ id: c.id, label: formatPupil(c), absence_start_date: c.absence_start_date }));
  const shownSignals = filterSignals(newSignals, filter);
  const myCases = filterCases(allMyCases, filter);
  const allDeadlines = deadlinesNeedingAttention(details, today);
  const deadlines =
    filter.show === "overdue"
      ? allDeadlines.filter((d) => d.deadline.status === "overdue")
      : filter.show === "new"
        ? []
        : allDeadlines;
  const kinds: KindOption[] = [...new Set(newSignals.map((s) => s.code))].sort().map((code) => ({
    value: `signal:${code}`,
    label: signalName(code),
  }));
  const heading = (title: string, shown: number, total: number, late?: number) =>
    isFiltered(filter) && shown !== total
      ? t.work.headingFiltered(title, shown, total, late)
      : t.work.heading(title, shown, late);

  const caseColumns: Column<CaseDetail>[] = [
    {
      key: "pupil",
      header: t.cases.pupil,
      value: (c) => formatPupil(c),
      cell: (c) => <AppLink to={`/casussen/${encodeURIComponent(c.id)}`}>{formatPupil(c)}</AppLink>,
      sortable: true,
      rowHeader: true,
    },
    { key: "phase", header: t.cases.phase, value: (c) => phaseName(c.phase), sortable: true },
    {
      key: "clock",
      header: t.cases.clock,
      value: (c) => c.clock_weeks,
      cell: (c) => t.cases.weekValue(c.clock_weeks),
      sortable: true,
    },
    {
      key: "review",
      header: t.worklist.weeklyReview,
      value: (c) => weeklyReview(c)?.due_date ?? "",
      cell: (c) => {
        const review = weeklyReview(c);
        return review ? (
          <StatusText tone={toneOf(review.status)}>
            {formatDate(review.due_date)} ({t.deadlineStatus[review.status]})
          </StatusText>
        ) : (
          t.common.none
        );
      },
      sortable: true,
    },
    {
      key: "next",
      header: t.cases.nextDeadline,
      value: (c) =>
        c.next_deadline
          ? `${deadlineName(c.next_deadline.code)} ${formatDate(c.next_deadline.due_date)}`
          : "",
      sortable: true,
    },
  ];

  const signalsReady = signals.data !== undefined && !cases.isPending;
  const casesReady = cases.data !== undefined && !pending;
  return (
    <>
      <WorklistFilters
        filter={filter}
        onChange={setFilter}
        shows={["all", "overdue"]}
        kinds={kinds}
        municipalities={[]}
      />
      <section aria-labelledby="worklist-signals">
        <Heading level={2} id="worklist-signals">
          {signalsReady
            ? heading(t.worklist.newSignals, shownSignals.length, newSignals.length)
            : t.worklist.newSignals}
        </Heading>
        <Paragraph>{t.worklist.newSignalsIntro}</Paragraph>
        {(signals.isPending || cases.isPending) && <Loading />}
        {signals.isError && <ProblemAlert error={signals.error} />}
        {/* Only once the cases are in: a pupil with an open case is not offered a second one.
            Not paged: a school's new signals are few, and each must be decided on. */}
        {signals.data && !cases.isPending && (
          <SignalTable
            title={t.worklist.newSignals}
            signals={shownSignals}
            openCases={openByPupil}
            mayOpenCase={me.capabilities.open_case}
            today={today}
            showSchool={me.scopes.school_ids.length > 1}
            emptyText={t.worklist.noNewSignals}
            testId="worklist-new-signals"
            pupilLink
            captionHidden
          />
        )}
        <Paragraph>
          <AppLink to="/signalen">{t.worklist.allSignalsLink}</AppLink>
        </Paragraph>
      </section>
      {me.capabilities.read_duo_reports && <SchoolDuoSection me={me} filter={filter} />}
      <section aria-labelledby="worklist-cases">
        <Heading level={2} id="worklist-cases">
          {casesReady
            ? heading(
                t.worklist.myCases,
                myCases.length,
                allMyCases.length,
                myCases.filter(isCaseOverdue).length,
              )
            : t.worklist.myCases}
        </Heading>
        <Paragraph>{t.worklist.myCasesIntro}</Paragraph>
        {(cases.isPending || pending) && <Loading />}
        {cases.isError && <ProblemAlert error={cases.error} />}
        {error && <ProblemAlert error={error} />}
        {cases.data && !pending && (
          <DataTable
            title={t.worklist.myCases}
            columns={caseColumns}
            rows={myCases}
            rowKey={(c) => c.id}
            exportDate={today}
            emptyText={t.worklist.noCases}
            testId="worklist-my-cases"
            pageSize={WORKLIST_PAGE_SIZE}
            stack
            captionHidden
          />
        )}
        {cases.data && !pending && recordable.length > 0 && (
          <>
            <Paragraph>{t.caseCommands.event.intro}</Paragraph>
            <WorklistEventForm cases={recordable} today={today} onDone={setEventNotice} />
          </>
        )}
        <p role="status" className="aanwezig-notice" data-testid="worklist-event-notice">
          {eventNotice}
        </p>
        <Paragraph>
          <AppLink to="/casussen">{t.worklist.allCasesLink}</AppLink>
        </Paragraph>
      </section>
      <section aria-labelledby="worklist-deadlines">
        <Heading level={2} id="worklist-deadlines">
          {casesReady
            ? heading(
                t.worklist.deadlines,
                deadlines.length,
                allDeadlines.length,
                deadlines.filter((d) => d.deadline.status === "overdue").length,
              )
            : t.worklist.deadlines}
        </Heading>
        <Paragraph>{t.worklist.deadlinesIntro}</Paragraph>
        {(cases.isPending || pending) && <Loading />}
        {cases.data && !pending && (
          <DeadlinesTable
            title={t.worklist.deadlines}
            rows={deadlines}
            today={today}
            testId="worklist-deadlines"
            pageSize={WORKLIST_PAGE_SIZE}
          />
        )}
      </section>
    </>
  );
}

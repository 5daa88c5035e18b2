// The casusregisseur's caseload (issue 5; domain.md §5 from week 4): per case the clock, the
// phase and the next deadline, overdue and 3-month risk first. Other chain professionals see
// the cases they take part in the same way. Issue 11: "only late" as a filter, the count in the
// heading, ten cases a page.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { Me } from "../../api/session.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { CaseTable } from "../cases/CaseTable.tsx";
import { useCases } from "../cases/queries.ts";
import { useWorklistFilter, WorklistFilters } from "./WorklistFilters.tsx";
import { filterCases, isCaseOverdue, isFiltered } from "./worklist-filters.ts";

const CASELOAD_PAGE_SIZE = 10;

export function CaseloadWorklist({ me, director }: { me: Me; director: boolean }) {
  const cases = useCases();
  const title = director ? t.worklist.caseload : t.worklist.myCases;
  const [filter, setFilter] = useWorklistFilter();
  const open = (cases.data ?? []).filter((c) => c.phase !== "CLOSED");
  const shown = filterCases(open, filter);
  const late = shown.filter(isCaseOverdue).length;
  return (
    <section aria-labelledby="worklist-caseload">
      <WorklistFilters
        filter={filter}
        onChange={setFilter}
        shows={["all", "overdue"]}
        kinds={[]}
        municipalities={[]}
      />
      <Heading level={2} id="worklist-caseload">
        {!cases.data
          ? title
          : isFiltered(filter) && shown.length !== open.length
            ? t.work.headingFiltered(title, shown.length, open.length, late)
            : t.work.heading(title, shown.length, late)}
      </Heading>
      <Paragraph>{director ? t.worklist.caseloadIntro : t.worklist.chainIntro}</Paragraph>
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data && (
        <CaseTable
          title={title}
          cases={shown}
          myId={me.user.id}
          today={appToday(me)}
          testId="worklist-caseload"
          pageSize={CASELOAD_PAGE_SIZE}
          captionHidden
        />
      )}
    </section>
  );
}

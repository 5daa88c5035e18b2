// The casusregisseur's caseload (issue 5; domain.md §5 from week 4): per case the clock, the
// phase and the next deadline, overdue and 3-month risk first. Other chain professionals see
// the cases they take part in the same way.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { Me } from "../../api/session.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { CaseTable } from "../cases/CaseTable.tsx";
import { useCases } from "../cases/queries.ts";

export function CaseloadWorklist({ me, director }: { me: Me; director: boolean }) {
  const cases = useCases();
  const title = director ? t.worklist.caseload : t.worklist.myCases;
  return (
    <section aria-labelledby="worklist-caseload">
      <Heading level={2} id="worklist-caseload">
        {title}
      </Heading>
      <Paragraph>{director ? t.worklist.caseloadIntro : t.worklist.chainIntro}</Paragraph>
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data && (
        <CaseTable
          title={title}
          cases={cases.data.filter((c) => c.phase !== "CLOSED")}
          myId={me.user.id}
          today={appToday(me)}
          testId="worklist-caseload"
        />
      )}
    </section>
  );
}

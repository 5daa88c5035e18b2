// The school's verzuimmeldingen on its worklist (domain.md §4: the school reports to DUO within
// 5 working days; overdue reports are a signal to the school head): the concepts still to be
// reported, overdue first, each with a link to complete and mark it. The worklist's filter
// applies (only late, a kind of report).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { duoKeys, fetchDuoReports } from "../../api/duo-reports.ts";
import type { Me } from "../../api/session.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { WORKLIST_PAGE_SIZE } from "../worklists/AttendanceWorklist.tsx";
import { isDuoOverdue } from "../worklists/duo-due-note.ts";
import { filterReports, isFiltered, type WorklistFilter } from "../worklists/worklist-filters.ts";
import { byDuoUrgency, DuoTable } from "./DuoTable.tsx";

export function SchoolDuoSection({ me, filter }: { me: Me; filter: WorklistFilter }) {
  const today = appToday(me);
  const reports = useQuery({
    queryKey: duoKeys.all,
    queryFn: ({ signal }) => fetchDuoReports(signal),
  });
  const all = (reports.data ?? []).filter((r) => r.status === "concept").sort(byDuoUrgency(today));
  const shown = filterReports(all, filter, today);
  const late = shown.filter((r) => isDuoOverdue(r, today)).length;
  const title = t.duo.schoolHeading;
  return (
    <section aria-labelledby="worklist-school-duo">
      <Heading level={2} id="worklist-school-duo">
        {reports.data
          ? isFiltered(filter) && shown.length !== all.length
            ? t.work.headingFiltered(title, shown.length, all.length, late)
            : t.work.heading(title, shown.length, late)
          : title}
      </Heading>
      <Paragraph>{t.duo.schoolIntro}</Paragraph>
      {reports.isPending && <Loading />}
      {reports.isError && <ProblemAlert error={reports.error} />}
      {reports.data && (
        <DuoTable
          rows={shown}
          today={today}
          testId="worklist-school-duo"
          pageSize={WORKLIST_PAGE_SIZE}
          showSchool={me.scopes.school_ids.length > 1}
          emptyText={t.duo.schoolNone}
        />
      )}
      <Paragraph>
        <AppLink to="/verzuimmeldingen">{t.duo.allLink}</AppLink>
      </Paragraph>
    </section>
  );
}

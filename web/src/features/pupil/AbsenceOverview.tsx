// The school year's absence of one pupil: totals in words, then the calendar heat-map or, at
// the user's choice, the same days as a table (sortable, exportable).
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMemo, useState } from "react";
import type { PupilAttendance } from "../../api/attendance.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { AbsenceCalendar } from "./AbsenceCalendar.tsx";
import { type DaySummary, summarise, totalsOf } from "./calendar-model.ts";

export function AbsenceOverview({ data, name }: { data: PupilAttendance; name: string }) {
  const me = useCurrentUser();
  const today = appToday(me);
  const [view, setView] = useState<"grid" | "table">("grid");
  const summaries = useMemo(() => summarise(data.days), [data.days]);
  const totals = useMemo(() => totalsOf(summaries.values()), [summaries]);
  const lastDay = data.days.at(-1)?.date;
  const s = t.pupilPage;
  const withAbsence = [...summaries.values()].filter((d) => d.absent > 0 || d.lateCount > 0);
  const minutes = (n: number | null) => (n === null ? s.hidden : s.duration(n));

  return (
    <>
      <Paragraph>{s.calendarIntro(formatDate(data.from), formatDate(data.to))}</Paragraph>
      {!data.authorized_visible && <Paragraph>{s.authorizedHidden}</Paragraph>}
      <dl className="aanwezig-facts" data-testid="absence-totals">
        <div>
          <dt>{s.totalSchoolDays}</dt>
          <dd>{totals.schoolDays}</dd>
        </div>
        <div>
          <dt>{s.totalDaysWithAbsence}</dt>
          <dd>{totals.daysWithAbsence}</dd>
        </div>
        <div>
          <dt>{s.totalAbsent}</dt>
          <dd>
            {s.totalShare(
              s.duration(totals.absent),
              totals.scheduled > 0 ? Math.round((totals.absent / totals.scheduled) * 1000) / 10 : 0,
            )}
          </dd>
        </div>
        <div>
          <dt>{s.kindNames.sick}</dt>
          <dd>{minutes(totals.sick)}</dd>
        </div>
        <div>
          <dt>{s.kindNames.authorized}</dt>
          <dd>{minutes(totals.authorized)}</dd>
        </div>
        <div>
          <dt>{s.kindNames.unauthorized}</dt>
          <dd>{minutes(totals.unauthorized)}</dd>
        </div>
        <div>
          <dt>{s.kindNames.late}</dt>
          <dd>{s.lateTimes(totals.lateCount)}</dd>
        </div>
      </dl>
      <div className="aanwezig-calendar__switch">
        <Button
          type="button"
          purpose="secondary"
          aria-pressed={view === "table"}
          onClick={() => setView(view === "grid" ? "table" : "grid")}
        >
          {view === "grid" ? t.pupil.showTable : t.pupil.showGrid}
        </Button>
      </div>
      {view === "grid" ? (
        <AbsenceCalendar
          from={data.from}
          to={data.to}
          summaries={summaries}
          initialDate={lastDay}
        />
      ) : (
        <DataTable<DaySummary>
          title={s.tableTitle(name)}
          exportDate={today}
          rows={withAbsence}
          rowKey={(d) => d.date}
          emptyText={s.noAbsence}
          columns={[
            {
              key: "date",
              header: t.pupil.date,
              value: (d) => d.date,
              cell: (d) => formatDate(d.date),
              sortable: true,
              rowHeader: true,
            },
            { key: "scheduled", header: s.colScheduled, value: (d) => d.scheduled },
            { key: "pct", header: s.colPercentage, value: (d) => d.percentage, sortable: true },
            { key: "sick", header: s.colSick, value: (d) => d.sick },
            { key: "authorized", header: s.colAuthorized, value: (d) => d.authorized },
            {
              key: "unauthorized",
              header: s.colUnauthorized,
              value: (d) => d.unauthorized,
              sortable: true,
            },
            { key: "late", header: s.colLate, value: (d) => d.late },
          ]}
        />
      )}
    </>
  );
}

// /verzuimmeldingen: the verzuimmeldingen the user may see (domain.md §4 reporting duty), open
// ones first, with the CSV export for regions that key reports into DUO by hand;
// /verzuimmeldingen/:id one report: its figures, the legally required fields (prefilled, the
// school completes them), its history, and the steps the server offers the user on it — the
// school marks it reported to DUO (date and DUO's reference) or withdraws it; leerplicht takes
// it in behandeling, closes it with the closing reason, or takes note. The server decides and
// audits every read and change (src/http/routes/duo-reports.ts).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Route, Routes, useParams } from "react-router";
import {
  DUO_EXPORT_CSV,
  type DuoReportDetail,
  duoKeys,
  fetchDuoReport,
  fetchDuoReports,
} from "../../api/duo-reports.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { Fact } from "../case-file/CaseSections.tsx";
import { duoDueNote, isDuoOverdue } from "../worklists/duo-due-note.ts";
import { DuoSteps, FieldsForm, missingRequiredFields, REQUIRED_FIELDS } from "./DuoReportForms.tsx";
import { byDuoUrgency, DuoTable, duoTypeName, FINAL_DUO_STATUSES } from "./DuoTable.tsx";

export function DuoReportsScreen() {
  return (
    <Routes>
      <Route index element={<DuoReportsPage />} />
      <Route path=":id" element={<DuoReportPage />} />
    </Routes>
  );
}

function DuoReportsPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const [show, setShow] = useState<"open" | "all">("open");
  const reports = useQuery({
    queryKey: duoKeys.all,
    queryFn: ({ signal }) => fetchDuoReports(signal),
  });
  const rows = (reports.data ?? [])
    .filter((r) => show === "all" || !FINAL_DUO_STATUSES.has(r.status))
    .sort(byDuoUrgency(today));
  return (
    <>
      <PageHeading>{t.duo.title}</PageHeading>
      <Paragraph>{t.duo.intro}</Paragraph>
      <SelectField
        id="duo-show"
        label={t.duo.show}
        value={show}
        onChange={(v) => setShow(v === "all" ? "all" : "open")}
        options={[
          { value: "open", label: t.duo.showOpen },
          { value: "all", label: t.duo.showAll },
        ]}
      />
      {reports.isPending && <Loading />}
      {reports.isError && <ProblemAlert error={reports.error} />}
      {reports.data && (
        <DuoTable
          rows={rows}
          today={today}
          testId="duo-reports"
          showSchool={me.scopes.school_ids.length !== 1}
          emptyText={t.duo.none}
          captionHidden={false}
        />
      )}
      <Paragraph>
        {/* A plain download: the browser sends the session cookie with it (a GET, no CSRF). */}
        <a className="nl-link" href={DUO_EXPORT_CSV} download>
          {t.duo.exportCsv}
        </a>
      </Paragraph>
    </>
  );
}

function DuoReportPage() {
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const today = appToday(me);
  const report = useQuery({
    queryKey: duoKeys.report(id),
    queryFn: ({ signal }) => fetchDuoReport(id, signal),
  });
  const [notice, setNotice] = useState<{ text: string; seq: number }>({ text: "", seq: 0 });
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // A step's form closes after success; when its button is gone too (the status moved on),
  // focus goes to the message rather than the top of the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the notice or the report changes
  useEffect(() => {
    if (notice.seq === 0) return;
    const active = document.activeElement;
    if (!active || active === document.body) noticeRef.current?.focus({ preventScroll: true });
  }, [notice.seq, report.data]);
  const announce = (text: string) => setNotice((n) => ({ text, seq: n.seq + 1 }));

  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <>
        <PageHeading>{t.duo.title}</PageHeading>
        <ProblemAlert error={report.error} />
        <Paragraph>
          <AppLink to="/verzuimmeldingen">{t.duo.back}</AppLink>
        </Paragraph>
      </>
    );
  }
  const r = report.data;
  return (
    <>
      <PageHeading>{t.duo.reportTitle(formatPupil(r))}</PageHeading>
      <Paragraph>
        <AppLink to="/verzuimmeldingen">{t.duo.back}</AppLink>
      </Paragraph>
      <p
        role="status"
        ref={noticeRef}
        tabIndex={-1}
        className="aanwezig-notice"
        data-testid="duo-notice"
      >
        {notice.text}
      </p>
      <ReportFacts report={r} today={today} />
      <section aria-labelledby="duo-required">
        <Heading level={2} id="duo-required">
          {t.duo.required}
        </Heading>
        <Paragraph>{t.duo.requiredIntro}</Paragraph>
        <dl className="aanwezig-facts aanwezig-facts--grid" data-testid="duo-fields">
          {[...REQUIRED_FIELDS, "location", "parent_phone"].map((name) => (
            <Fact key={name} label={t.duo.fieldLabels[name] ?? name} value={fieldText(r, name)} />
          ))}
        </dl>
        {r.may_fill_fields && <FieldsForm report={r} me={me} onDone={announce} />}
      </section>
      <section aria-labelledby="duo-steps">
        <Heading level={2} id="duo-steps">
          {t.duo.status}: {t.worklist.duoStatuses[r.status] ?? r.status}
        </Heading>
        {r.allowed_statuses.length === 0 ? (
          <Paragraph>{t.duo.noSteps}</Paragraph>
        ) : (
          <DuoSteps report={r} today={today} missing={missingRequiredFields(r)} onDone={announce} />
        )}
      </section>
      <section aria-labelledby="duo-history">
        <Heading level={2} id="duo-history">
          {t.duo.history}
        </Heading>
        <History report={r} today={today} />
      </section>
    </>
  );
}

function fieldText(r: DuoReportDetail, name: string): string {
  const value = (r as unknown as Record<string, unknown>)[name];
  if (name === "municipal_action_wanted") {
    return value === true ? t.duo.yes : value === false ? t.duo.no : t.duo.notFilled;
  }
  return typeof value === "string" && value.trim() !== "" ? value : t.duo.notFilled;
}

function ReportFacts({ report: r, today }: { report: DuoReportDetail; today: string }) {
  const note = duoDueNote(r, today);
  return (
    <section aria-labelledby="duo-facts">
      <Heading level={2} id="duo-facts">
        {t.duo.facts}
      </Heading>
      <dl className="aanwezig-facts aanwezig-facts--grid" data-testid="duo-facts">
        <Fact
          label={t.duo.pupil}
          value={
            <>
              {formatPupil(r)}{" "}
              <AppLink to={`/leerlingen/${encodeURIComponent(r.pupil_id)}`}>
                {t.duo.pupilLink}
              </AppLink>
            </>
          }
        />
        <Fact label={t.duo.school} value={formatSchool(r)} />
        <Fact label={t.duo.type} value={duoTypeName(r)} />
        <Fact
          label={t.duo.period}
          value={`${formatDate(r.start_date)} – ${formatDate(r.end_date)}`}
        />
        <Fact label={t.duo.daysHours} value={t.duo.daysHoursValue(r.days_absent, r.hours_absent)} />
        <Fact label={t.duo.allLessons} value={r.all_lessons_missed ? t.duo.yes : t.duo.no} />
        <Fact
          label={t.duo.due}
          value={
            note ? (
              <StatusText tone={isDuoOverdue(r, today) ? "danger" : "warning"}>
                {formatDate(r.due_date)} ({note})
              </StatusText>
            ) : (
              formatDate(r.due_date)
            )
          }
        />
        <Fact label={t.duo.status} value={t.worklist.duoStatuses[r.status] ?? r.status} />
        {r.submitted_on && <Fact label={t.duo.reportedOn} value={formatDate(r.submitted_on)} />}
        {r.duo_reference && <Fact label={t.duo.reference} value={r.duo_reference} />}
        {r.closing_reason && (
          <Fact
            label={t.duo.closingReason}
            value={t.duo.closingReasons[r.closing_reason] ?? r.closing_reason}
          />
        )}
        {r.closing_note && <Fact label={t.duo.closingNote} value={r.closing_note} />}
      </dl>
    </section>
  );
}

type HistoryRow = DuoReportDetail["history"][number] & { n: number };

function History({ report, today }: { report: DuoReportDetail; today: string }) {
  const rows: HistoryRow[] = report.history.map((h, n) => ({ ...h, n }));
  const columns: Column<HistoryRow>[] = [
    {
      key: "date",
      header: t.duo.historyDate,
      value: (h) => h.on_date,
      cell: (h) => formatDate(h.on_date),
    },
    {
      key: "status",
      header: t.duo.historyStatus,
      value: (h) => t.worklist.duoStatuses[h.to_status] ?? h.to_status,
      rowHeader: true,
    },
    {
      key: "note",
      header: t.duo.historyNote,
      value: (h) => (h.reason ? (t.duo.closingReasons[h.reason] ?? h.reason) : ""),
    },
  ];
  return (
    <DataTable
      title={t.duo.historyTitle}
      columns={columns}
      rows={rows}
      rowKey={(h) => String(h.n)}
      exportDate={today}
      testId="duo-history"
      captionHidden
    />
  );
}

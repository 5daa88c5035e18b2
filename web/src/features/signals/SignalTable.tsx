// Signals with their evidence explained: one sentence why, the figures behind a disclosure, and
// per row either the case the pupil already has or a link that opens one from this signal.
import type { CaseSummary } from "../../api/cases.ts";
import type { SignalRow } from "../../api/signals.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { t } from "../../i18n/index.ts";
import { absenceStartOf, evidenceFacts, explainSignal, signalId, signalName } from "./explain.ts";
import { MarkKnown } from "./MarkKnown.tsx";

export function openCaseHref(signal: SignalRow): string {
  const query = new URLSearchParams({
    leerling: signal.pupil_id,
    signaal: signalId(signal),
    code: signal.code,
    start: absenceStartOf(signal),
  });
  if (signal.school_id) query.set("school", signal.school_id);
  return `/casussen/nieuw?${query.toString()}`;
}

function Why({ signal }: { signal: SignalRow }) {
  const facts = evidenceFacts(signal);
  return (
    <>
      <span>{explainSignal(signal)}</span>
      {facts.length > 0 && (
        <details className="aanwezig-details">
          <summary>{t.common.showDetails}</summary>
          <dl className="aanwezig-facts">
            {facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </>
  );
}

export interface SignalTableProps {
  title: string;
  signals: readonly SignalRow[];
  /** Open cases by pupil id: a signal of such a pupil links to the case. */
  openCases: ReadonlyMap<string, CaseSummary>;
  mayOpenCase: boolean;
  today: string;
  emptyText?: string;
  showSchool?: boolean;
  testId?: string;
}

export function SignalTable({
  title,
  signals,
  openCases,
  mayOpenCase,
  today,
  emptyText,
  showSchool = true,
  testId,
}: SignalTableProps) {
  const columns: Column<SignalRow>[] = [
    {
      key: "pupil",
      header: t.signals.pupil,
      value: (s) =>
        formatPupil({
          pupil_id: s.pupil_id,
          pupil_name: s.pupil_name ?? openCases.get(s.pupil_id)?.pupil_name,
        }),
      sortable: true,
      rowHeader: true,
    },
    ...(showSchool
      ? [
          {
            key: "school",
            header: t.signals.school,
            value: (s: SignalRow) => formatSchool(s),
            sortable: true,
          },
        ]
      : []),
    { key: "signal", header: t.signals.signal, value: (s) => signalName(s.code), sortable: true },
    {
      key: "why",
      header: t.signals.why,
      value: (s) => explainSignal(s),
      cell: (s) => <Why signal={s} />,
    },
    {
      key: "since",
      header: t.signals.raisedOn,
      value: (s) => s.raised_on ?? s.as_of,
      cell: (s) => formatDate(s.raised_on ?? s.as_of),
      sortable: true,
    },
    {
      key: "action",
      header: t.signals.action,
      value: (s) =>
        s.case_id || openCases.has(s.pupil_id)
          ? t.signals.inCase
          : s.state === "handled"
            ? (t.signals.states.handled ?? "")
            : t.signals.newState,
      cell: (s) => {
        const existing = openCases.get(s.pupil_id);
        if (s.case_id) {
          return (
            <AppLink to={`/casussen/${encodeURIComponent(s.case_id)}`}>
              {t.signals.viewCase}
            </AppLink>
          );
        }
        if (s.state === "handled") return t.signals.states.handled ?? "";
        if (existing) {
          return (
            <AppLink to={`/casussen/${encodeURIComponent(existing.id)}`}>
              {t.signals.viewCase}
            </AppLink>
          );
        }
        const id = s.id;
        const known = id && s.state === "open" ? <MarkKnown signal={{ ...s, id }} /> : null;
        if (!mayOpenCase) return known ?? t.signals.newState;
        const pupil = formatPupil(s);
        return (
          <>
            <AppLink
              to={openCaseHref(s)}
              aria-label={`${t.signals.openCaseFor(pupil)}: ${signalName(s.code)}`}
            >
              {t.signals.openCase}
            </AppLink>
            {known}
          </>
        );
      },
    },
  ];
  return (
    <DataTable
      title={title}
      columns={columns}
      rows={signals}
      rowKey={(s) => signalId(s)}
      exportDate={today}
      emptyText={emptyText ?? t.signals.noneAtDate}
      {...(testId ? { testId } : {})}
    />
  );
}

/** Not handled yet: no case linked, not marked known (domain.md §4). */
export function isNewSignal(s: SignalRow): boolean {
  return (s.state ?? "open") === "open" && !s.case_id;
}

/** Open cases by pupil (the most recent one when a pupil has several). */
export function openCasesByPupil(cases: readonly CaseSummary[] | undefined) {
  const map = new Map<string, CaseSummary>();
  for (const c of cases ?? []) if (c.phase !== "CLOSED") map.set(c.pupil_id, c);
  return map;
}

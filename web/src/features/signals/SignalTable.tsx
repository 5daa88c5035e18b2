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
  /** Whether the user may open a case, for every signal or per signal. */
  mayOpenCase: boolean | ((signal: SignalRow) => boolean);
  today: string;
  emptyText?: string;
  showSchool?: boolean;
  testId?: string;
  /** The pupil's name links to the pupil page (roles that may read it). */
  pupilLink?: boolean;
  /** Rows per page (a pager under the table). */
  pageSize?: number;
  /** Why no case can be opened for a signal that `mayOpenCase` refuses, beside its actions. */
  noCaseReason?: (signal: SignalRow) => string | undefined;
  /** The caption for assistive technology only (a heading above says it with the count). */
  captionHidden?: boolean;
}

function pupilHref(pupilId: string): string {
  return `/leerlingen/${encodeURIComponent(pupilId)}`;
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
  pupilLink = false,
  pageSize,
  noCaseReason,
  captionHidden = false,
}: SignalTableProps) {
  const pupilOf = (s: SignalRow) =>
    formatPupil({
      pupil_id: s.pupil_id,
      pupil_name: s.pupil_name ?? openCases.get(s.pupil_id)?.pupil_name,
    });
  const columns: Column<SignalRow>[] = [
    {
      key: "pupil",
      header: t.signals.pupil,
      value: pupilOf,
      ...(pupilLink
        ? { cell: (s: SignalRow) => <AppLink to={pupilHref(s.pupil_id)}>{pupilOf(s)}</AppLink> }
        : {}),
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
        const pupil = formatPupil(s);
        const may = typeof mayOpenCase === "function" ? mayOpenCase(s) : mayOpenCase;
        if (!may) {
          const reason = noCaseReason?.(s);
          // No case to open: the child's page (when the role may read it) and marking it known.
          if (!pupilLink && !reason) return known ?? t.signals.newState;
          return (
            <div className="aanwezig-row-actions">
              {pupilLink && (
                <AppLink
                  to={pupilHref(s.pupil_id)}
                  aria-label={t.work.actions.viewPupilOf(pupilOf(s))}
                >
                  {t.work.actions.viewPupil}
                </AppLink>
              )}
              {reason && <span className="aanwezig-hint">{reason}</span>}
              {known}
            </div>
          );
        }
        return (
          <div className="aanwezig-row-actions">
            <AppLink
              to={openCaseHref(s)}
              aria-label={`${t.signals.openCaseFor(pupil)}: ${signalName(s.code)}`}
            >
              {t.signals.openCase}
            </AppLink>
            {known}
          </div>
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
      {...(pageSize ? { pageSize } : {})}
      stack
      captionHidden={captionHidden}
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

// The start page's sections for the roles without a worklist (issue 11): a parent sees their
// child's case(s), policy staff where the monitor's figures are, the application admin the state
// of accounts, schools and imports, the privacy officer the latest audit activity. Each shows
// only what an endpoint the role may already read gives.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fetchAccounts, fetchAdminSchools, fetchImportLog } from "../../api/admin.ts";
import { fetchAudit } from "../../api/audit.ts";
import { fetchCases } from "../../api/cases.ts";
import { fetchRetentionRuns, type RetentionRun } from "../../api/privacy.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const h = () => t.home;

function StartSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`home-${props.id}`} data-role-group={props.id}>
      <Heading level={2} id={`home-${props.id}`}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}

export function ParentStart() {
  const cases = useQuery({ queryKey: ["cases"], queryFn: ({ signal }) => fetchCases(signal) });
  return (
    <StartSection id="parent" title={h().parent.title}>
      <Paragraph>{h().parent.body}</Paragraph>
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data?.length === 0 && <Paragraph>{h().parent.noCase}</Paragraph>}
      {cases.data && cases.data.length > 0 && (
        <ul>
          {cases.data.map((c) => (
            <li key={c.id}>
              {h().parent.caseLine(c.pupil_name, t.phasesPlain[c.phase], formatDate(c.opened_at))}
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <AppLink to="/mijn-kind">{t.worklist.parentLink}</AppLink>
      </Paragraph>
    </StartSection>
  );
}

export function PolicyStart() {
  return (
    <StartSection id="policy" title={h().policy.title}>
      <Paragraph>{h().policy.body}</Paragraph>
      <ul>
        {h().policy.links.map((link) => (
          <li key={link.to}>
            <AppLink to={link.to}>{link.label}</AppLink>
          </li>
        ))}
      </ul>
    </StartSection>
  );
}

export function AdminStart() {
  const accounts = useQuery({
    queryKey: ["admin", "users"],
    queryFn: ({ signal }) => fetchAccounts(signal),
  });
  const schools = useQuery({
    queryKey: ["admin", "schools"],
    queryFn: ({ signal }) => fetchAdminSchools(signal),
  });
  const imports = useQuery({
    queryKey: ["admin", "import-log"],
    queryFn: ({ signal }) => fetchImportLog(signal),
  });
  const s = h().admin;
  const active = accounts.data?.filter((a) => a.active).length;
  const last = imports.data?.[0];
  return (
    <StartSection id="admin" title={s.title}>
      <Paragraph>{s.body}</Paragraph>
      {(accounts.isPending || schools.isPending || imports.isPending) && <Loading />}
      {accounts.isError && <ProblemAlert error={accounts.error} />}
      <ul>
        {active !== undefined && accounts.data && (
          <li>
            <AppLink to="/beheer">{s.accounts(active, accounts.data.length - active)}</AppLink>
          </li>
        )}
        {schools.data && (
          <li>
            <AppLink to="/beheer">{s.schools(schools.data.length)}</AppLink>
          </li>
        )}
        {imports.data && (
          <li>
            {last === undefined
              ? s.noImport
              : s.lastImport(
                  (t.adminScreens.kinds as Record<string, string>)[last.kind] ?? last.kind,
                  formatDate(last.started_at),
                  t.adminScreens.outcomes[last.outcome] ?? last.outcome,
                )}
          </li>
        )}
      </ul>
      <Paragraph>
        <AppLink to="/logboek">{t.worklist.auditLink}</AppLink>
      </Paragraph>
      <RetentionRuns />
    </StartSection>
  );
}

/** What the retention procedure removed, run by run: figures per data class, never whose. */
function RetentionRuns() {
  const runs = useQuery({
    queryKey: ["privacy", "retention-runs"],
    queryFn: ({ signal }) => fetchRetentionRuns(signal),
  });
  const me = useCurrentUser();
  const r = h().privacy.retention;
  const removed = (run: RetentionRun) => {
    const perClass = new Map<string, number>();
    for (const c of run.counts)
      perClass.set(c.data_class, (perClass.get(c.data_class) ?? 0) + c.rows);
    if (perClass.size === 0) return r.nothing;
    return [...perClass].map(([k, n]) => r.perClass(r.classes[k] ?? k, n)).join("; ");
  };
  return (
    <section aria-labelledby="home-retention">
      <Heading level={3} id="home-retention">
        {r.title}
      </Heading>
      <Paragraph>{r.body}</Paragraph>
      {runs.isPending && <Loading />}
      {runs.isError && <ProblemAlert error={runs.error} />}
      {runs.data && (
        <DataTable<RetentionRun>
          title={r.table}
          captionHidden
          rows={runs.data.runs}
          rowKey={(run) => String(run.id)}
          exportDate={appToday(me)}
          emptyText={r.none}
          testId="retention-runs"
          columns={[
            {
              key: "as_of",
              header: r.columns.asOf,
              value: (run) => formatDate(run.as_of),
              rowHeader: true,
            },
            {
              key: "kind",
              header: r.columns.kind,
              value: (run) => (run.dry_run ? r.dryRun : r.real),
            },
            {
              key: "status",
              header: r.columns.status,
              value: (run) => r.statuses[run.status] ?? run.status,
            },
            {
              key: "started_by",
              header: r.columns.startedBy,
              value: (run) => r.startedBy[run.started_by] ?? run.started_by,
            },
            { key: "removed", header: r.columns.removed, value: removed },
          ]}
        />
      )}
    </section>
  );
}

const RECENT = 5;

export function PrivacyStart() {
  const recent = useQuery({
    queryKey: ["audit", "recent"],
    queryFn: ({ signal }) => fetchAudit({ limit: RECENT }, signal),
  });
  const s = h().privacy;
  const audit = t.auditScreens;
  return (
    <StartSection id="privacy" title={s.title}>
      <Paragraph>{s.body}</Paragraph>
      {recent.isPending && <Loading />}
      {recent.isError && <ProblemAlert error={recent.error} />}
      {recent.data?.entries.length === 0 && <Paragraph>{audit.empty}</Paragraph>}
      {recent.data && recent.data.entries.length > 0 && (
        <ul aria-label={s.recent}>
          {recent.data.entries.map((e) => (
            <li key={e.id}>
              {s.entry(
                new Date(e.at).toLocaleString(t.locale),
                e.user_email ?? audit.system,
                audit.actionName(e.action),
                audit.resource(e.resource_type, e.resource_id),
                t.audit.outcomes[e.outcome] ?? e.outcome,
              )}
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <AppLink to="/logboek">{t.worklist.auditLink}</AppLink>
      </Paragraph>
      <RetentionRuns />
    </StartSection>
  );
}

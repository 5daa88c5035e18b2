// The audit trail (/logboek, app_admin and privacy officer; GET /api/audit): who read or changed
// whose data, when, in which role, why (the route's purpose, NEN 7513) and whether it was allowed.
// Filter by pupil and by user on the server, by outcome and action on the loaded rows; load older
// rows page by page; export the loaded rows as CSV/XLSX, or the whole filtered trail as CSV.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type AuditEntry, auditCsvUrl, fetchAudit } from "../../api/audit.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const PAGE = 200;

function roleText(role: string | null): string {
  if (!role) return "";
  return role
    .split(",")
    .map((r) => (r === "system" ? t.auditScreens.system : roleTitle(r)))
    .join(", ");
}

export function AuditPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const s = t.auditScreens;
  const [pupilInput, setPupilInput] = useState("");
  const [pupilId, setPupilId] = useState("");
  const [userInput, setUserInput] = useState("");
  const [userEmail, setUserEmail] = useState("");
  const [outcome, setOutcome] = useState("");
  const [action, setAction] = useState("");
  const pages = useInfiniteQuery({
    queryKey: ["audit", pupilId, userEmail],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      fetchAudit(
        {
          ...(pupilId ? { pupil_id: pupilId } : {}),
          ...(userEmail ? { user_email: userEmail } : {}),
          ...(pageParam === undefined ? {} : { before_id: pageParam }),
          limit: PAGE,
        },
        signal,
      ),
    getNextPageParam: (last) => last.next_before_id ?? undefined,
  });
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  const actions = [...new Set(entries.map((e) => e.action))].sort();
  const shown = entries.filter(
    (e) => (!outcome || e.outcome === outcome) && (!action || e.action === action),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPupilId(pupilInput.trim());
    setUserEmail(userInput.trim());
  }

  return (
    <>
      <PageHeading>{t.audit.title}</PageHeading>
      <Paragraph>{t.audit.intro}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="aanwezig-filter" aria-label={s.filters}>
        <TextField
          id="audit-pupil"
          label={t.audit.pupil}
          value={pupilInput}
          spellCheck={false}
          onChange={(e) => setPupilInput(e.target.value)}
        />
        <TextField
          id="audit-user"
          label={s.user}
          type="email"
          value={userInput}
          spellCheck={false}
          onChange={(e) => setUserInput(e.target.value)}
        />
        <Button type="submit" purpose="primary">
          {t.audit.show}
        </Button>
      </form>
      <div className="aanwezig-filter">
        <SelectField
          id="audit-outcome"
          label={t.audit.outcome}
          value={outcome}
          placeholder={t.common.all}
          options={Object.entries(t.audit.outcomes).map(([value, label]) => ({ value, label }))}
          onChange={setOutcome}
        />
        <SelectField
          id="audit-action"
          label={t.audit.action}
          value={action}
          placeholder={t.common.all}
          options={actions.map((a) => ({ value: a, label: s.actionName(a) }))}
          onChange={setAction}
        />
      </div>
      <Paragraph>
        <a
          className="nl-link"
          href={auditCsvUrl({
            ...(pupilId ? { pupil_id: pupilId } : {}),
            ...(userEmail ? { user_email: userEmail } : {}),
          })}
          download
        >
          {s.csv}
        </a>
      </Paragraph>
      {pages.isPending && <Loading />}
      {pages.isError && <ProblemAlert error={pages.error} />}
      {pages.data && (
        <>
          <DataTable<AuditEntry>
            title={
              pupilId
                ? s.tableFor(pupilId)
                : userEmail
                  ? s.tableForUser(userEmail)
                  : t.audit.tableTitle
            }
            exportDate={today}
            rows={shown}
            rowKey={(e) => String(e.id)}
            emptyText={s.empty}
            columns={[
              {
                key: "at",
                header: t.audit.at,
                value: (e) => e.at,
                cell: (e) => new Date(e.at).toLocaleString(t.locale),
                sortable: true,
                rowHeader: true,
              },
              {
                key: "user",
                header: t.audit.user,
                value: (e) => e.user_email ?? e.user_id ?? s.system,
                sortable: true,
              },
              { key: "role", header: t.audit.role, value: (e) => roleText(e.role), sortable: true },
              {
                key: "action",
                header: t.audit.action,
                value: (e) => s.actionName(e.action),
                sortable: true,
              },
              {
                key: "resource",
                header: t.audit.resource,
                value: (e) => s.resource(e.resource_type, e.resource_id),
              },
              { key: "pupil", header: s.pupil, value: (e) => e.pupil_id ?? "", sortable: true },
              { key: "purpose", header: s.purpose, value: (e) => e.purpose ?? "" },
              {
                key: "route",
                header: s.route,
                value: (e) => `${e.context.method ?? ""} ${e.context.route ?? ""}`.trim(),
              },
              {
                key: "outcome",
                header: t.audit.outcome,
                value: (e) => t.audit.outcomes[e.outcome] ?? e.outcome,
                cell: (e) => (
                  <StatusText tone={e.outcome === "denied" ? "danger" : "ok"}>
                    {t.audit.outcomes[e.outcome] ?? e.outcome}
                  </StatusText>
                ),
                sortable: true,
              },
            ]}
          />
          {pages.hasNextPage && (
            <Button
              type="button"
              purpose="secondary"
              busy={pages.isFetchingNextPage || undefined}
              onClick={() => void pages.fetchNextPage()}
            >
              {s.older}
            </Button>
          )}
        </>
      )}
    </>
  );
}

// Reconciliation (domain.md §7): the partnership's, school's or municipality's own thuiszitter
// list against the register — who is on one list and not the other, with the reason. The CSV
// is read in the browser and only its pupil numbers are sent. The server matches only the
// pupils the user may read (audited); other numbers count as unknown, and the register's
// thuiszitters the user may not read are counted only, small counts suppressed.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation } from "@tanstack/react-query";
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { type ReconciliationLine, type ReconciliationScope, reconcile } from "../../api/monitor.ts";
import type { Me } from "../../api/session.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { pupilIdsFromCsv } from "./csv-list.ts";
import { measureLabel } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { useEndpoint, useToday } from "./use-monitor.ts";

const r = t.monitorScreens.reconciliation;

export function reasonText(reason: string): string {
  return r.reasons[reason] ?? reason;
}

/** A signal code (LONG_TERM_ABSENT:legal for the Inspectie's reading) or an exemption kind. */
export function detailText(detail: string): string {
  const [code = "", flag] = detail.split(":");
  const exemption = t.monitorScreens.measures.exemptionKinds[code];
  if (exemption) return exemption;
  const signal = measureLabel(`signal:${code}`);
  return flag === "legal" ? `${signal} (${r.legal})` : signal;
}

const columns: Column<ReconciliationLine>[] = [
  { key: "pupil", header: r.pupil, value: (l) => l.pupil_id, rowHeader: true, sortable: true },
  { key: "reason", header: r.reason, value: (l) => reasonText(l.reason), sortable: true },
  { key: "detail", header: r.detail, value: (l) => l.detail.map(detailText).join(", ") },
  {
    key: "case",
    header: r.caseState,
    value: (l) => (l.case_state === null ? "" : (r.caseStates[l.case_state] ?? l.case_state)),
    sortable: true,
  },
];

/** The lists a user can compare: the whole region, or one of the scopes of their roles. */
function scopesOf(me: Me): ReconciliationScope[] {
  return [
    { kind: "region", id: "" },
    ...me.scopes.municipalities.map((id) => ({ kind: "municipality" as const, id })),
    ...me.scopes.partnerships.map((id) => ({ kind: "partnership" as const, id })),
    ...me.scopes.school_ids.map((id) => ({ kind: "school" as const, id })),
  ];
}

const scopeKey = (s: ReconciliationScope) => `${s.kind}:${s.id}`;
const scopeLabel = (s: ReconciliationScope) =>
  s.kind === "region" ? r.scopeRegion : (r.scopeKinds[s.kind]?.(s.id) ?? s.id);
const countText = (n: number | null) => (n === null ? t.monitor.suppressed : String(n));

export function ReconciliationPage() {
  const today = useToday();
  const scopes = scopesOf(useCurrentUser());
  const endpoint = useEndpoint(/^\/api\/monitor\/reconciliation$/, "POST");
  const file = useRef<HTMLInputElement>(null);
  const [asOf, setAsOf] = useState(today);
  const [scope, setScope] = useState(
    scopeKey(scopes[1] ?? scopes[0] ?? { kind: "region", id: "" }),
  );
  const [error, setError] = useState<string | undefined>();
  const comparison = useMutation({ mutationFn: reconcile });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    const ids = chosen ? pupilIdsFromCsv(await chosen.text()) : undefined;
    if (!ids) {
      setError(chosen ? r.fileNoIds : r.fileRequired);
      file.current?.focus();
      return;
    }
    setError(undefined);
    const picked = scopes.find((s) => scopeKey(s) === scope) ?? { kind: "region", id: "" };
    comparison.mutate({ pupilIds: ids, asOf, scope: picked });
  }

  return (
    <>
      <PageHeading>{r.title}</PageHeading>
      <Paragraph>{r.intro}</Paragraph>
      {endpoint === "missing" ? (
        <NotAvailable what={r.title} />
      ) : (
        <form className="aanwezig-narrow" onSubmit={submit} noValidate>
          <FormField
            invalid={error !== undefined}
            label={<FormLabel htmlFor="reconcile-file">{r.file}</FormLabel>}
            description={
              <FormFieldDescription id="reconcile-file-description">
                {r.fileHelp}
              </FormFieldDescription>
            }
            input={
              <input
                ref={file}
                id="reconcile-file"
                name="reconcile-file"
                type="file"
                accept=".csv,text/csv"
                className="aanwezig-file"
                aria-invalid={error !== undefined || undefined}
                aria-describedby={`reconcile-file-description${error ? " reconcile-file-error" : ""}`}
              />
            }
            errorMessage={
              error ? (
                <FormFieldErrorMessage id="reconcile-file-error">{error}</FormFieldErrorMessage>
              ) : undefined
            }
          />
          <SelectField
            id="reconcile-scope"
            label={r.scope}
            value={scope}
            onChange={setScope}
            options={scopes.map((s) => ({ value: scopeKey(s), label: scopeLabel(s) }))}
          />
          <TextField
            id="reconcile-as-of"
            label={r.asOf}
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
          />
          <Button type="submit" purpose="primary" busy={comparison.isPending}>
            {comparison.isPending ? r.submitting : r.submit}
          </Button>
        </form>
      )}
      {comparison.isPending && <Loading />}
      {comparison.isError && <ProblemAlert error={comparison.error} />}
      {comparison.isSuccess && (
        <section aria-labelledby="reconcile-result" className="aanwezig-monitor-section">
          <Heading level={2} id="reconcile-result">
            {r.resultTitle}
          </Heading>
          <Paragraph>
            <span role="status">
              {r.summary(
                comparison.data.list_size,
                comparison.data.only_in_list.length,
                comparison.data.only_in_register.length,
                countText(comparison.data.in_both),
              )}
            </span>
          </Paragraph>
          {Object.values(comparison.data.not_shown).some((n) => n !== 0) && (
            <Paragraph>
              {r.notShown(
                countText(comparison.data.not_shown.only_in_list),
                countText(comparison.data.not_shown.only_in_register),
              )}
            </Paragraph>
          )}
          <Heading level={3}>{r.onlyInList}</Heading>
          <DataTable
            title={r.onlyInList}
            columns={columns}
            rows={comparison.data.only_in_list}
            rowKey={(l) => l.pupil_id}
            exportDate={comparison.data.as_of}
            testId="reconcile-only-in-list"
          />
          <Heading level={3}>{r.onlyInRegister}</Heading>
          <DataTable
            title={r.onlyInRegister}
            columns={columns}
            rows={comparison.data.only_in_register}
            rowKey={(l) => l.pupil_id}
            exportDate={comparison.data.as_of}
            testId="reconcile-only-in-register"
          />
        </section>
      )}
    </>
  );
}

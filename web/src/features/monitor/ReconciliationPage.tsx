// Reconciliation (domain.md §7): the partnership's or school's own thuiszitter list against the
// register — who is on one list and not the other, with the reason where the server knows it.
// Only for roles that work with pupils; the server authorizes and audits the comparison.
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
import { type ReconciliationEntry, reconcile } from "../../api/monitor.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { pupilIdsFromCsv } from "./csv-list.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { useEndpoint, useToday } from "./use-monitor.ts";

const r = t.monitorScreens.reconciliation;

export function reasonText(reason: string | null): string {
  if (reason === null || reason === "") return r.unknownReason;
  return r.reasons[reason] ?? reason;
}

const columns: Column<ReconciliationEntry>[] = [
  { key: "pupil", header: r.pupil, value: (e) => e.pupilId, rowHeader: true, sortable: true },
  { key: "reason", header: r.reason, value: (e) => reasonText(e.reason), sortable: true },
];

export function ReconciliationPage() {
  const today = useToday();
  const endpoint = useEndpoint(/^\/api\/monitor\/reconcil/, "POST");
  const file = useRef<HTMLInputElement>(null);
  const [asOf, setAsOf] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState<number | null>(null);
  const comparison = useMutation({
    mutationFn: (input: { pupilIds: string[]; asOf: string }) => reconcile(input),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError(r.fileRequired);
      file.current?.focus();
      return;
    }
    const ids = pupilIdsFromCsv(await chosen.text());
    if (ids === null) {
      setError(r.fileNoIds);
      file.current?.focus();
      return;
    }
    setError(undefined);
    setSent(ids.length);
    comparison.mutate({ pupilIds: ids, asOf });
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
              {sent !== null ? `${r.sent(sent)} ` : ""}
              {r.summary(
                comparison.data.onlyInList.length,
                comparison.data.onlyInRegister.length,
                comparison.data.inBoth,
              )}
            </span>
          </Paragraph>
          <Heading level={3}>{r.onlyInList}</Heading>
          <DataTable
            title={r.onlyInList}
            columns={columns}
            rows={comparison.data.onlyInList}
            rowKey={(e) => e.pupilId}
            exportDate={asOf}
          />
          <Heading level={3}>{r.onlyInRegister}</Heading>
          <DataTable
            title={r.onlyInRegister}
            columns={columns}
            rows={comparison.data.onlyInRegister}
            rowKey={(e) => e.pupilId}
            exportDate={asOf}
          />
        </section>
      )}
    </>
  );
}

// Imports: choose the kind, choose the CSV file, send. The upload shows how much is sent; then
// the server checks the whole file (reading → checking → writing) while this page polls the
// job. A refused file imports nothing and lists its row errors by line, column and reason
// (interfaces.md: imports are atomic per file). Below, the import log.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  fetchImportJob,
  fetchImportLog,
  IMPORT_ENCODINGS,
  IMPORT_KIND_ORDER,
  type ImportEncoding,
  type ImportJob,
  type ImportKind,
  type ImportLogEntry,
  uploadImport,
} from "../../api/admin.ts";
import { fetchImportMappings } from "../../api/import-mappings.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { mappingsNl as m } from "../../i18n/nl/mappings.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const POLL_MS = 400;
const PHASES = ["reading", "checking", "writing"] as const;

function dateTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(t.locale) : "";
}

export function ImportsPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind | "">("");
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>("utf-8");
  const [mapping, setMapping] = useState("");
  const mappings = useQuery({
    queryKey: ["admin", "import-mappings"],
    queryFn: ({ signal }) => fetchImportMappings(signal),
  });
  const offered = (mappings.data ?? []).filter((m) => m.kind === kind);
  const [submitted, setSubmitted] = useState(false);
  const [uploadShare, setUploadShare] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const s = t.adminScreens;

  const job = useQuery({
    queryKey: ["admin", "import-job", jobId],
    queryFn: ({ signal }) => fetchImportJob(jobId as string, signal),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.phase === "done" ? false : POLL_MS),
  });
  const log = useQuery({
    queryKey: ["admin", "import-log"],
    queryFn: ({ signal }) => fetchImportLog(signal),
  });
  const finished = job.data?.phase === "done";
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ["admin", "import-log"] });
  }, [finished, queryClient]);

  const errors = submitted
    ? { kind: kind ? undefined : s.kindRequired, file: file ? undefined : s.fileRequired }
    : {};
  const running = uploadShare !== null || (jobId !== null && !finished);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!kind) return document.getElementById("import-kind")?.focus();
    if (!file) return fileRef.current?.focus();
    setFailure(null);
    setJobId(null);
    setUploadShare(0);
    try {
      const started = await uploadImport(
        kind,
        file,
        me.csrf_token,
        setUploadShare,
        encoding,
        mapping,
      );
      setJobId(started.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setUploadShare(null);
    }
  }

  return (
    <>
      <section aria-labelledby="import-new">
        <Heading level={2} id="import-new">
          {s.newImport}
        </Heading>
        <Paragraph>{s.importOrder}</Paragraph>
        <form
          noValidate
          onSubmit={onSubmit}
          className="aanwezig-admin__form"
          aria-labelledby="import-new"
        >
          <SelectField
            id="import-kind"
            label={s.kind}
            value={kind}
            placeholder={s.chooseKind}
            error={errors.kind}
            options={IMPORT_KIND_ORDER.map((k) => ({ value: k, label: s.kinds[k] }))}
            onChange={(value) => {
              setKind(value as ImportKind | "");
              setMapping("");
            }}
          />
          {offered.length > 0 && (
            <SelectField
              id="import-mapping"
              label={m.mappingForImport}
              description={m.mappingForImportHint}
              value={mapping}
              placeholder={m.noMapping}
              options={offered.map((x) => ({ value: x.name, label: x.name }))}
              onChange={(value) => {
                setMapping(value);
                const chosen = offered.find((x) => x.name === value);
                if (chosen) setEncoding(chosen.encoding);
              }}
            />
          )}
          <FormField
            invalid={errors.file !== undefined}
            label={<FormLabel htmlFor="import-file">{s.file}</FormLabel>}
            input={
              <input
                id="import-file"
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                className="aanwezig-admin__file"
                aria-invalid={errors.file !== undefined || undefined}
                aria-describedby={errors.file ? "import-file-error" : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            }
            errorMessage={
              errors.file ? (
                <FormFieldErrorMessage id="import-file-error">{errors.file}</FormFieldErrorMessage>
              ) : undefined
            }
          />
          <SelectField
            id="import-encoding"
            label={s.encoding}
            description={s.encodingDescription}
            value={encoding}
            options={IMPORT_ENCODINGS.map((e) => ({ value: e, label: s.encodings[e] }))}
            onChange={(value) => setEncoding(value as ImportEncoding)}
          />
          <Button type="submit" purpose="primary" disabled={running} busy={running || undefined}>
            {s.startImport}
          </Button>
        </form>
      </section>
      <section aria-labelledby="import-progress" aria-busy={running}>
        <Heading level={2} id="import-progress" className="aanwezig-visually-hidden">
          {s.progressHeading}
        </Heading>
        <div role="status" aria-live="polite">
          {uploadShare !== null && (
            <ProgressLine
              label={s.uploading(Math.round(uploadShare * 100))}
              value={uploadShare * 100}
            />
          )}
          {job.data && !finished && <JobProgress job={job.data} />}
        </div>
        {failure !== null && <ProblemAlert error={failure} />}
        {job.isError && <ProblemAlert error={job.error} />}
        {job.data && finished && <JobResult job={job.data} today={today} />}
      </section>
      <section aria-labelledby="import-log">
        <Heading level={2} id="import-log">
          {s.logHeading}
        </Heading>
        {log.isPending && <Loading />}
        {log.isError && <ProblemAlert error={log.error} />}
        {log.data && (
          <DataTable<ImportLogEntry>
            title={s.logHeading}
            exportDate={today}
            rows={log.data}
            rowKey={(r) => String(r.id)}
            emptyText={s.noImports}
            columns={[
              {
                key: "at",
                header: s.startedAt,
                value: (r) => r.started_at,
                cell: (r) => dateTime(r.started_at),
                sortable: true,
              },
              {
                key: "kind",
                header: s.kind,
                value: (r) => s.kinds[r.kind as ImportKind] ?? r.kind,
                sortable: true,
              },
              { key: "file", header: s.file, value: (r) => r.file_name, rowHeader: true },
              {
                key: "outcome",
                header: s.outcome,
                value: (r) => s.outcomes[r.outcome] ?? r.outcome,
                sortable: true,
              },
              { key: "rows", header: s.rows, value: (r) => r.rows_total },
              { key: "inserted", header: s.inserted, value: (r) => r.inserted },
              { key: "updated", header: s.updated, value: (r) => r.updated },
              { key: "unchanged", header: s.unchanged, value: (r) => r.unchanged },
              { key: "errors", header: s.errorCount, value: (r) => r.errors.length },
              { key: "actor", header: s.actor, value: (r) => r.actor },
            ]}
          />
        )}
      </section>
    </>
  );
}

export function ProgressLine({ label, value }: { label: string; value: number | undefined }) {
  return (
    <>
      <Paragraph>{label}</Paragraph>
      <progress className="aanwezig-admin__progress" max={100} value={value} aria-label={label} />
    </>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  const s = t.adminScreens;
  const step = PHASES.indexOf(job.phase as (typeof PHASES)[number]);
  const label =
    step < 0
      ? s.queued(job.file_name)
      : s.phaseLine(step + 1, PHASES.length, s.phases[PHASES[step] as string] ?? "", job.rows);
  return (
    <ProgressLine
      label={label}
      value={step < 0 ? undefined : ((step + 0.5) / PHASES.length) * 100}
    />
  );
}

function JobResult({ job, today }: { job: ImportJob; today: string }) {
  const s = t.adminScreens;
  const r = job.result;
  if (job.status === "failed" || !r) {
    return (
      <Alert type="error" role="alert">
        <Paragraph>{s.failed(job.file_name)}</Paragraph>
      </Alert>
    );
  }
  if (job.status === "imported") {
    return (
      <Alert type="ok" role="alert">
        <Paragraph>
          {s.imported(job.file_name, job.rows, r.inserted, r.updated, r.unchanged)}
        </Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Alert type="error" role="alert">
        <Paragraph>{s.rejected(job.file_name, r.errors_total)}</Paragraph>
        {r.errors_total > r.errors.length && (
          <Paragraph>{s.moreErrors(r.errors_total - r.errors.length)}</Paragraph>
        )}
      </Alert>
      <DataTable
        title={s.errorsTable(job.file_name)}
        exportDate={today}
        rows={r.errors}
        rowKey={(e) => `${e.line}-${e.column}-${e.reason}`}
        testId="import-errors"
        columns={[
          { key: "line", header: s.line, value: (e) => e.line, sortable: true, rowHeader: true },
          { key: "column", header: s.column, value: (e) => e.column, sortable: true },
          { key: "reason", header: s.reason, value: (e) => e.reason },
        ]}
      />
    </>
  );
}

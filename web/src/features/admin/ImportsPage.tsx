// Imports: choose the kind, choose the CSV file, send. The upload shows how much is sent; then
// the server checks the whole file (reading → checking → writing) while this page polls the
// job. A refused file imports nothing and lists its row errors by line, column and reason
// (interfaces.md: imports are atomic per file). Below, the import log.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import {
  fetchImportJob,
  fetchImportLog,
  IMPORT_KIND_ORDER,
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
import { useCurrentUser } from "../auth/use-current-user.ts";
import { ImportFileForm, type ImportUpload, ProgressLine } from "./ImportFileForm.tsx";

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
  const mappings = useQuery({
    queryKey: ["admin", "import-mappings"],
    queryFn: ({ signal }) => fetchImportMappings(signal),
  });
  const offered = (mappings.data ?? []).filter((m) => m.kind === kind);
  const [jobId, setJobId] = useState<string | null>(null);
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

  async function upload({ file, encoding, mapping, onProgress }: ImportUpload) {
    if (!kind) return;
    setJobId(null);
    const started = await uploadImport(kind, file, me.csrf_token, onProgress, encoding, mapping);
    setJobId(started.id);
  }

  return (
    <>
      <ImportFileForm
        idPrefix="import"
        heading={s.newImport}
        intro={s.importOrder}
        mappings={offered}
        fields={(submitted) => (
          <SelectField
            id="import-kind"
            label={s.kind}
            value={kind}
            placeholder={s.chooseKind}
            error={submitted && !kind ? s.kindRequired : undefined}
            options={IMPORT_KIND_ORDER.map((k) => ({ value: k, label: s.kinds[k] }))}
            onChange={(value) => setKind(value as ImportKind | "")}
          />
        )}
        fieldsComplete={() => {
          if (kind) return true;
          document.getElementById("import-kind")?.focus();
          return false;
        }}
        upload={upload}
        jobRunning={jobId !== null && !finished}
        progress={job.data && !finished && <JobProgress job={job.data} />}
        outcome={
          <>
            {job.isError && <ProblemAlert error={job.error} />}
            {job.data && finished && <JobResult job={job.data} today={today} />}
          </>
        }
      />
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

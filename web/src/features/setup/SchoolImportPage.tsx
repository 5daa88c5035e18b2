// A school's own attendance file (issue 14 item 3), for its care coordinator under Inrichting:
// choose the file, optionally one of the school's saved column mappings, send. The upload shows
// how much is sent; then the page polls the job (GET /api/imports/{job_id}) until it is
// imported or refused, and lists a refused file's errors by line, column and reason. The server
// accepts rows of the coordinator's own school(s) only (policy resource `import`, action
// `import_file`, rule ownSchoolAttendance); a row of another school refuses the whole file.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
} from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { IMPORT_ENCODINGS, type ImportEncoding } from "../../api/admin.ts";
import { fetchImportMappings } from "../../api/import-mappings.ts";
import {
  type DeliveredImport,
  fetchDeliveredImport,
  uploadSchoolAttendance,
} from "../../api/school-imports.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { mappingsNl as m } from "../../i18n/nl/mappings.ts";
import { ProgressLine } from "../admin/ImportsPage.tsx";
import { useCurrentUser } from "../auth/use-current-user.ts";

const POLL_MS = 400;

export function SchoolImportPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const s = t.adminScreens;
  const x = t.setup.schoolImport;
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>("utf-8");
  const [mapping, setMapping] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [uploadShare, setUploadShare] = useState<number | null>(null);
  const [delivered, setDelivered] = useState<{ id: string; file: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const mappings = useQuery({
    queryKey: ["setup", "import-mappings"],
    queryFn: ({ signal }) => fetchImportMappings(signal),
  });
  const offered = (mappings.data ?? []).filter((x) => x.kind === "attendance");
  const job = useQuery({
    queryKey: ["setup", "school-import", delivered?.id],
    queryFn: ({ signal }) => fetchDeliveredImport(delivered?.id as string, signal),
    enabled: delivered !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "succeeded" || status === "rejected" ? false : POLL_MS;
    },
  });
  const finished = job.data?.status === "succeeded" || job.data?.status === "rejected";
  const running = uploadShare !== null || (delivered !== null && !finished && !job.isError);
  const fileError = submitted && !file ? s.fileRequired : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!file) return fileRef.current?.focus();
    setFailure(null);
    setDelivered(null);
    setUploadShare(0);
    try {
      const started = await uploadSchoolAttendance(
        file,
        me.csrf_token,
        setUploadShare,
        encoding,
        mapping,
        crypto.randomUUID(),
      );
      setDelivered({ id: started.job_id, file: file.name });
    } catch (error) {
      setFailure(error);
    } finally {
      setUploadShare(null);
    }
  }

  return (
    <>
      <section aria-labelledby="school-import-new">
        <Heading level={2} id="school-import-new">
          {x.heading}
        </Heading>
        <form
          noValidate
          onSubmit={onSubmit}
          className="aanwezig-admin__form"
          aria-labelledby="school-import-new"
        >
          {offered.length > 0 && (
            <SelectField
              id="school-import-mapping"
              label={m.mappingForImport}
              description={m.mappingForImportHint}
              value={mapping}
              placeholder={m.noMapping}
              options={offered.map((o) => ({ value: o.name, label: o.name }))}
              onChange={(value) => {
                setMapping(value);
                const chosen = offered.find((o) => o.name === value);
                if (chosen) setEncoding(chosen.encoding);
              }}
            />
          )}
          <FormField
            invalid={fileError !== undefined}
            label={<FormLabel htmlFor="school-import-file">{s.file}</FormLabel>}
            input={
              <input
                id="school-import-file"
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                className="aanwezig-admin__file"
                aria-invalid={fileError !== undefined || undefined}
                aria-describedby={fileError ? "school-import-file-error" : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            }
            errorMessage={
              fileError ? (
                <FormFieldErrorMessage id="school-import-file-error">
                  {fileError}
                </FormFieldErrorMessage>
              ) : undefined
            }
          />
          <SelectField
            id="school-import-encoding"
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
      <section aria-labelledby="school-import-progress" aria-busy={running}>
        <Heading level={2} id="school-import-progress" className="aanwezig-visually-hidden">
          {s.progressHeading}
        </Heading>
        <div role="status" aria-live="polite">
          {uploadShare !== null && (
            <ProgressLine
              label={s.uploading(Math.round(uploadShare * 100))}
              value={uploadShare * 100}
            />
          )}
          {delivered && !finished && !job.isError && (
            <ProgressLine
              label={
                job.data?.status === "running"
                  ? x.running(delivered.file)
                  : s.queued(delivered.file)
              }
              value={undefined}
            />
          )}
        </div>
        {failure !== null && <ProblemAlert error={failure} />}
        {job.isError && <ProblemAlert error={job.error} />}
        {delivered && job.data && finished && (
          <Outcome job={job.data} file={delivered.file} today={today} />
        )}
      </section>
    </>
  );
}

function Outcome({ job, file, today }: { job: DeliveredImport; file: string; today: string }) {
  const s = t.adminScreens;
  const r = job.summary;
  if (job.status === "succeeded" && r) {
    return (
      <Alert type="ok" role="alert">
        <Paragraph>{s.imported(file, r.rows, r.inserted, r.updated, r.unchanged)}</Paragraph>
      </Alert>
    );
  }
  const total = r?.errors_total ?? job.errors.length;
  return (
    <>
      <Alert type="error" role="alert">
        <Paragraph>{s.rejected(file, total)}</Paragraph>
        {total > job.errors.length && (
          <Paragraph>{s.moreErrors(total - job.errors.length)}</Paragraph>
        )}
      </Alert>
      {job.errors.length > 0 && (
        <DataTable
          title={s.errorsTable(file)}
          exportDate={today}
          rows={job.errors}
          rowKey={(e) => `${e.line}-${e.column}-${e.message}`}
          testId="school-import-errors"
          columns={[
            { key: "line", header: s.line, value: (e) => e.line, sortable: true, rowHeader: true },
            { key: "column", header: s.column, value: (e) => e.column, sortable: true },
            { key: "reason", header: s.reason, value: (e) => e.message },
          ]}
        />
      )}
    </>
  );
}

// A school's own attendance file (issue 14 item 3), for its care coordinator under Inrichting:
// choose the file, optionally one of the school's saved column mappings, send (ImportFileForm,
// shared with the administrator's imports). The upload shows how much is sent; then the page
// polls the job (GET /api/imports/{job_id}) until it is imported or refused, and lists a refused
// file's errors by line, column and reason. The server accepts rows of the coordinator's own school(s) only (policy resource `import`, action
// `import_file`, rule ownSchoolAttendance); a row of another school refuses the whole file.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { useState } from "react";
import { fetchImportMappings } from "../../api/import-mappings.ts";
import {
  type DeliveredImport,
  fetchDeliveredImport,
  uploadSchoolAttendance,
} from "../../api/school-imports.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { ImportFileForm, type ImportUpload, ProgressLine } from "../admin/ImportFileForm.tsx";
import { useCurrentUser } from "../auth/use-current-user.ts";

const POLL_MS = 400;

export function SchoolImportPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const s = t.adminScreens;
  const x = t.setup.schoolImport;
  const [delivered, setDelivered] = useState<{ id: string; file: string } | null>(null);
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

  async function upload({ file, encoding, mapping, onProgress }: ImportUpload) {
    setDelivered(null);
    const started = await uploadSchoolAttendance(
      file,
      me.csrf_token,
      onProgress,
      encoding,
      mapping,
      crypto.randomUUID(),
    );
    setDelivered({ id: started.job_id, file: file.name });
  }

  return (
    <ImportFileForm
      idPrefix="school-import"
      heading={x.heading}
      mappings={offered}
      upload={upload}
      jobRunning={delivered !== null && !finished && !job.isError}
      progress={
        delivered &&
        !finished &&
        !job.isError && (
          <ProgressLine
            label={
              job.data?.status === "running" ? x.running(delivered.file) : s.queued(delivered.file)
            }
            value={undefined}
          />
        )
      }
      outcome={
        <>
          {job.isError && <ProblemAlert error={job.error} />}
          {delivered && job.data && finished && (
            <Outcome job={job.data} file={delivered.file} today={today} />
          )}
        </>
      }
    />
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

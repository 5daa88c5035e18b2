// The reference index (Verwijsindex risicojongeren) in the case file: for the case director, the
// reports recorded (date, who reported, organisation), the form to record one, and the CSV with
// the fields the index needs. Nothing is sent from here. Others (404/403) see nothing of it.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api/client.ts";
import {
  fetchVerwijsindex,
  recordVerwijsindex,
  verwijsindexCsvUrl,
} from "../../api/verwijsindex.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { CommandForm, type FieldSpec } from "./CommandForm.tsx";

const v = t.verwijsindex;

const FIELDS: readonly FieldSpec[] = [
  { name: "reported_on", kind: "date", label: v.reportedOn, required: v.reportedOnRequired },
  {
    name: "reported_by",
    kind: "text",
    label: v.reportedBy,
    description: v.reportedByDescription,
    required: v.reportedByRequired,
  },
  {
    name: "organisation",
    kind: "text",
    label: v.organisation,
    required: v.organisationRequired,
  },
];

export function VerwijsindexSection({
  caseId,
  name,
  today,
}: {
  caseId: string;
  name: string;
  today: string;
}) {
  const [notice, setNotice] = useState("");
  const reports = useQuery({
    queryKey: ["verwijsindex", caseId],
    queryFn: ({ signal }) => fetchVerwijsindex(caseId, signal),
    retry: false,
  });
  if (
    reports.isPending ||
    (reports.isError && (isApiError(reports.error, 403) || isApiError(reports.error, 404)))
  ) {
    return null;
  }
  return (
    <section
      aria-labelledby="case-verwijsindex"
      className="aanwezig-case-section"
      data-testid="verwijsindex-section"
    >
      <Heading level={2} id="case-verwijsindex">
        {v.title}
      </Heading>
      <Paragraph>{v.intro}</Paragraph>
      {reports.isError && <ProblemAlert error={reports.error} />}
      {reports.data && (
        <>
          <DataTable
            title={v.table(name)}
            exportable={false}
            exportDate={today}
            rows={reports.data.reports}
            rowKey={(r) => r.id}
            emptyText={v.empty}
            columns={[
              {
                key: "reported_on",
                header: v.reportedOn,
                value: (r) => r.reported_on,
                cell: (r) => formatDate(r.reported_on),
                rowHeader: true,
              },
              { key: "reported_by", header: v.reportedBy, value: (r) => r.reported_by },
              { key: "organisation", header: v.organisation, value: (r) => r.organisation },
            ]}
          />
          {reports.data.reports.length > 0 && (
            <Paragraph>
              <a className="nl-link" href={verwijsindexCsvUrl(caseId)} download>
                {v.csv}
              </a>
            </Paragraph>
          )}
          {reports.data.may_record && (
            <CommandForm
              id="verwijsindex"
              label={v.record}
              fields={FIELDS}
              initial={{ reported_on: today }}
              submit={(values) =>
                recordVerwijsindex(caseId, {
                  reported_on: values.reported_on ?? today,
                  reported_by: values.reported_by?.trim() ?? "",
                  organisation: values.organisation?.trim() ?? "",
                })
              }
              done={v.done}
              refresh={[["verwijsindex", caseId]]}
              onDone={setNotice}
            />
          )}
          <p role="status" className="aanwezig-notice">
            {notice}
          </p>
        </>
      )}
    </section>
  );
}

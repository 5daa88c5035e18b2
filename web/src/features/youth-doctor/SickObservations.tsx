// SICK_NOTABLE recorded by hand (domain.md §4) in the pupil page's M@ZL section: the school's
// observations of notable sickness and, for the mentor and care coordinator, the form to record
// one. The observation raises the signal 'opvallend ziekteverzuim'. Users the server does not let
// read the observations (403/404) see nothing of it.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api/client.ts";
import { fetchSickObservations, recordSickObservation } from "../../api/youth-doctor.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { CommandForm, type FieldSpec } from "../case-file/CommandForm.tsx";

const o = t.youthDoctor.observations;
const NOTE_MAX = 300;

function fields(today: string): readonly FieldSpec[] {
  return [
    {
      name: "recorded_on",
      kind: "date",
      label: o.recordedOn,
      required: o.recordedOnRequired,
      check: (value) => (value > today ? o.recordedOnFuture : undefined),
    },
    {
      name: "end_date",
      kind: "date",
      label: o.endDate,
      check: (value, values) =>
        values.recorded_on && value < values.recorded_on ? o.endDateBefore : undefined,
    },
    {
      name: "note",
      kind: "textarea",
      label: o.note,
      description: o.noteDescription,
      required: o.noteRequired,
      check: (value) => (value.length > NOTE_MAX ? o.noteTooLong : undefined),
    },
  ];
}

export function SickObservations({
  pupilId,
  name,
  today,
}: {
  pupilId: string;
  name: string;
  today: string;
}) {
  const [notice, setNotice] = useState("");
  const list = useQuery({
    queryKey: ["sick-observations", pupilId],
    queryFn: ({ signal }) => fetchSickObservations(pupilId, signal),
    retry: false,
  });
  if (
    list.isPending ||
    (list.isError && (isApiError(list.error, 403) || isApiError(list.error, 404)))
  ) {
    return null;
  }
  return (
    <div data-testid="sick-observations">
      <Heading level={3} id="pupil-sick-observations">
        {o.title}
      </Heading>
      <Paragraph>{o.intro}</Paragraph>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <>
          <DataTable
            title={o.table(name)}
            exportDate={today}
            rows={list.data.observations}
            rowKey={(r) => r.id}
            emptyText={o.empty}
            columns={[
              {
                key: "recorded_on",
                header: o.recordedOn,
                value: (r) => r.recorded_on,
                cell: (r) => formatDate(r.recorded_on),
              },
              {
                key: "end_date",
                header: o.endDate,
                value: (r) => r.end_date ?? "",
                cell: (r) => (r.end_date ? formatDate(r.end_date) : o.ongoing),
              },
              { key: "note", header: o.note, value: (r) => r.note, rowHeader: true },
            ]}
          />
          {list.data.may_record && (
            <CommandForm
              id="sick-observation"
              label={o.record}
              fields={fields(today)}
              initial={{ recorded_on: today }}
              submit={(values) =>
                recordSickObservation(pupilId, {
                  recorded_on: values.recorded_on ?? today,
                  end_date: values.end_date?.trim() ? values.end_date : null,
                  note: values.note?.trim() ?? "",
                })
              }
              done={o.done}
              refresh={[["sick-observations", pupilId], ["signals"]]}
              onDone={setNotice}
            />
          )}
          <p role="status" className="aanwezig-notice">
            {notice}
          </p>
        </>
      )}
    </div>
  );
}

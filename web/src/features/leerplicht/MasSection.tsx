// Leerplicht's procedure (MAS) for one pupil: the steps recorded, and for the attendance officer
// of the pupil's municipality the form to record the next one. Shown on the pupil page and in
// the case file; a user the server does not let read the steps (404) sees nothing of it.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api/client.ts";
import {
  fetchMasSteps,
  type MasStep,
  type MasStepInput,
  recordMasStep,
} from "../../api/leerplicht.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { CommandForm, type FieldSpec, type Values } from "../case-file/CommandForm.tsx";

const m = t.leerplicht.mas;

const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, label]) => ({ value, label }));

const FIELDS: readonly FieldSpec[] = [
  {
    name: "kind",
    kind: "select",
    label: m.fields.kind,
    options: options(m.kinds),
    required: m.fields.kindRequired,
  },
  {
    name: "date",
    kind: "date",
    label: m.fields.date,
    required: m.fields.dateRequired,
  },
  {
    name: "route",
    kind: "select",
    label: m.fields.route,
    options: options(m.routes),
    required: m.fields.routeRequired,
    when: (v) => v.kind === "official_report",
  },
  {
    name: "outcome",
    kind: "select",
    label: m.fields.outcome,
    options: options(m.outcomes),
    required: m.fields.outcomeRequired,
    when: (v) => v.kind === "outcome",
  },
  {
    name: "organisation",
    kind: "text",
    label: m.fields.organisation,
    description: m.fields.organisationDescription,
    required: m.fields.organisationRequired,
    when: (v) => v.kind === "care_referral",
  },
  { name: "note", kind: "textarea", label: m.fields.note },
];

function inputOf(values: Values): MasStepInput {
  const kind = values.kind as MasStep["kind"];
  const note = values.note?.trim();
  return {
    kind,
    date: values.date ?? "",
    ...(kind === "official_report" ? { route: values.route as MasStep["route"] } : {}),
    ...(kind === "outcome" ? { outcome: values.outcome as MasStep["outcome"] } : {}),
    ...(kind === "care_referral" ? { organisation: values.organisation?.trim() ?? "" } : {}),
    ...(note ? { note } : {}),
  };
}

function detailsOf(step: MasStep): string {
  const parts = [
    step.route ? m.routes[step.route] : "",
    step.outcome ? m.outcomes[step.outcome] : "",
    step.organisation ?? "",
    step.note ?? "",
  ];
  return parts.filter(Boolean).join(" — ");
}

export function MasSection({
  pupilId,
  name,
  today,
}: {
  pupilId: string;
  name: string;
  today: string;
}) {
  const [notice, setNotice] = useState("");
  const steps = useQuery({
    queryKey: ["mas-steps", pupilId],
    queryFn: ({ signal }) => fetchMasSteps(pupilId, signal),
    retry: false,
  });
  // Not leerplicht's and not the case director's: the section is not there (nor while asking).
  if (steps.isPending || (steps.isError && isApiError(steps.error, 404))) return null;
  return (
    <section aria-labelledby="pupil-mas" data-testid="mas-section">
      <Heading level={2} id="pupil-mas">
        {m.title}
      </Heading>
      <Paragraph>{m.intro}</Paragraph>
      {steps.isError && <ProblemAlert error={steps.error} />}
      {steps.data && (
        <>
          {!steps.data.may_record && <Paragraph>{m.readOnly}</Paragraph>}
          <DataTable
            title={m.table(name)}
            exportDate={today}
            rows={steps.data.steps}
            rowKey={(s) => s.id}
            emptyText={m.empty}
            columns={[
              {
                key: "date",
                header: m.date,
                value: (s) => s.date,
                cell: (s) => formatDate(s.date),
              },
              { key: "kind", header: m.kind, value: (s) => m.kinds[s.kind], rowHeader: true },
              { key: "details", header: m.details, value: detailsOf },
              {
                key: "case",
                header: m.linkedCase,
                value: (s) => (s.case_id ? m.inCase : ""),
              },
            ]}
          />
          {steps.data.may_record && (
            <CommandForm
              id="mas-step"
              label={m.record}
              fields={FIELDS}
              initial={{ date: today }}
              submit={(values) => recordMasStep(pupilId, inputOf(values))}
              done={m.done}
              refresh={[["mas-steps", pupilId]]}
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

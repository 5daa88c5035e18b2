// The forms on one verzuimmelding (domain.md §4): the school completes the legally required
// fields (prefilled from the report and the user), marks it reported to DUO with the date and
// DUO's reference, or withdraws it; leerplicht takes it in behandeling, closes it with the
// municipality's closing reason, or takes note. Each form is offered only for a status the
// server lists in `allowed_statuses`; the server checks and audits each change again.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import {
  changeDuoStatus,
  type DuoFieldsBody,
  type DuoReportDetail,
  type DuoStatus,
  duoKeys,
  fillDuoFields,
} from "../../api/duo-reports.ts";
import type { Me } from "../../api/session.ts";
import { formatDate } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import {
  CommandForm,
  type FieldSpec,
  pastDateField,
  type Values,
} from "../case-file/CommandForm.tsx";

const d = t.duo;

/** What DUO asks of the school beyond the figures; the report is not sent without them. */
export const REQUIRED_FIELDS = [
  "suspected_reason",
  "actions_taken",
  "municipal_action_wanted",
  "reporter_name",
  "reporter_function",
  "reporter_phone",
  "reporter_email",
] as const;

/** The labels of the required fields still empty. */
export function missingRequiredFields(
  report: Pick<DuoReportDetail, (typeof REQUIRED_FIELDS)[number]>,
): string[] {
  return REQUIRED_FIELDS.filter((name) => {
    const value = report[name];
    return value === null || value === undefined || (typeof value === "string" && !value.trim());
  }).map((name) => d.fieldLabels[name] ?? name);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A length check with its Dutch message. */
const atMost = (max: number) => (value: string) =>
  value.length > max ? d.fields.tooLong(max) : undefined;

function refresh(id: string) {
  return [duoKeys.report(id), duoKeys.all] as const;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function FieldsForm({
  report: r,
  me,
  onDone,
}: {
  report: DuoReportDetail;
  me: Me;
  onDone: (message: string) => void;
}) {
  const firstRole = me.roles[0]?.role;
  const roleName = firstRole ? (t.roles as Record<string, string>)[firstRole] : undefined;
  const free = (name: keyof typeof d.fieldLabels, kind: "text" | "textarea", max: number) =>
    ({ name, kind, label: d.fieldLabels[name] ?? "", check: atMost(max) }) satisfies FieldSpec;
  const fields: FieldSpec[] = [
    free("suspected_reason", "textarea", 2000),
    free("actions_taken", "textarea", 4000),
    {
      name: "municipal_action_wanted",
      kind: "select",
      label: d.fieldLabels.municipal_action_wanted ?? "",
      options: [
        { value: "yes", label: d.fields.wanted },
        { value: "no", label: d.fields.notWanted },
      ],
    },
    free("location", "text", 200),
    free("reporter_name", "text", 200),
    free("reporter_function", "text", 200),
    free("reporter_phone", "text", 40),
    {
      name: "reporter_email",
      kind: "text",
      label: d.fieldLabels.reporter_email ?? "",
      check: (value) =>
        EMAIL.test(value) && value.length <= 200 ? undefined : d.fields.emailInvalid,
    },
    free("parent_phone", "text", 40),
  ];
  // Prefilled: what the report holds, else the user as the reporter.
  const initial: Values = {
    suspected_reason: text(r.suspected_reason),
    actions_taken: text(r.actions_taken),
    municipal_action_wanted:
      r.municipal_action_wanted === true ? "yes" : r.municipal_action_wanted === false ? "no" : "",
    location: text(r.location),
    reporter_name: text(r.reporter_name) || me.user.name,
    reporter_function: text(r.reporter_function) || (roleName ?? ""),
    reporter_phone: text(r.reporter_phone),
    reporter_email: text(r.reporter_email) || me.user.email,
    parent_phone: text(r.parent_phone),
  };
  return (
    <CommandForm
      id="duo-fields"
      label={d.fields.label}
      fields={fields}
      initial={initial}
      submit={(v) => {
        const value = (name: string) => {
          const s = (v[name] ?? "").trim();
          return s === "" ? null : s;
        };
        const body: DuoFieldsBody = {
          suspected_reason: value("suspected_reason"),
          actions_taken: value("actions_taken"),
          municipal_action_wanted:
            v.municipal_action_wanted === "yes"
              ? true
              : v.municipal_action_wanted === "no"
                ? false
                : null,
          location: value("location"),
          reporter_name: value("reporter_name"),
          reporter_function: value("reporter_function"),
          reporter_phone: value("reporter_phone"),
          reporter_email: value("reporter_email"),
          parent_phone: value("parent_phone"),
        };
        return fillDuoFields(r.report_id, body);
      }}
      done={d.fields.done}
      refresh={refresh(r.report_id)}
      onDone={onDone}
    />
  );
}

function noteField(label: string, required: string): FieldSpec {
  return { name: "note", kind: "textarea", label, required, check: atMost(10_000) };
}

export function DuoSteps({
  report: r,
  today,
  missing,
  onDone,
}: {
  report: DuoReportDetail;
  today: string;
  missing: readonly string[];
  onDone: (message: string) => void;
}) {
  const offers = new Set<DuoStatus>(r.allowed_statuses);
  const send =
    (status: DuoStatus, extra: Partial<Parameters<typeof changeDuoStatus>[1]> = {}) =>
    (v: Values) =>
      changeDuoStatus(r.report_id, { status, note: (v.note ?? "").trim(), ...extra });
  return (
    <>
      {offers.has("geregistreerd") &&
        (missing.length > 0 ? (
          <Paragraph data-testid="duo-missing">{d.submit.missing(missing.join(", "))}</Paragraph>
        ) : (
          <>
            <Paragraph>{d.submit.intro}</Paragraph>
            <CommandForm
              id="duo-submit"
              label={d.submit.label}
              fields={[
                pastDateField({
                  name: "reported_on",
                  label: d.submit.date,
                  required: d.submit.dateRequired,
                  today,
                  from: r.end_date,
                  notAfterToday: d.submit.dateRange(formatDate(r.end_date)),
                }),
                {
                  name: "reference",
                  kind: "text",
                  label: d.submit.reference,
                  description: d.submit.referenceHint,
                  required: d.submit.referenceRequired,
                  check: (value) => (value.length > 40 ? d.submit.referenceTooLong : undefined),
                },
                noteField(d.submit.note, t.duo.noteRequired),
              ]}
              initial={{ reported_on: today, note: d.submit.noteDefault }}
              submit={(v) =>
                send("geregistreerd", {
                  reported_on: v.reported_on ?? today,
                  duo_reference: (v.reference ?? "").trim(),
                })(v)
              }
              done={d.submit.done}
              refresh={refresh(r.report_id)}
              onDone={onDone}
            />
          </>
        ))}
      {offers.has("in_behandeling") && (
        <CommandForm
          id="duo-take-up"
          label={d.takeUp.label}
          fields={[noteField(d.takeUp.note, t.duo.noteRequired)]}
          initial={{ note: d.takeUp.noteDefault }}
          submit={send("in_behandeling")}
          done={d.takeUp.done}
          refresh={refresh(r.report_id)}
          onDone={onDone}
        />
      )}
      {offers.has("afgesloten") && (
        <CommandForm
          id="duo-close"
          label={d.close.label}
          fields={[
            {
              name: "reason",
              kind: "select",
              label: d.close.reason,
              options: Object.entries(d.closingReasons).map(([value, label]) => ({
                value,
                label,
              })),
              required: d.close.reasonRequired,
            },
            noteField(d.close.note, d.close.noteRequired),
          ]}
          submit={(v) =>
            send("afgesloten", {
              closing_reason: v.reason as NonNullable<
                Parameters<typeof changeDuoStatus>[1]["closing_reason"]
              >,
            })(v)
          }
          done={d.close.done}
          refresh={refresh(r.report_id)}
          onDone={onDone}
        />
      )}
      {offers.has("ter_kennisgeving") && (
        <CommandForm
          id="duo-note"
          label={d.note.label}
          fields={[noteField(d.note.note, d.note.noteRequired)]}
          submit={send("ter_kennisgeving")}
          done={d.note.done}
          refresh={refresh(r.report_id)}
          onDone={onDone}
        />
      )}
      {offers.has("ingetrokken") && (
        <CommandForm
          id="duo-withdraw"
          label={d.withdraw.label}
          fields={[noteField(d.withdraw.note, d.withdraw.noteRequired)]}
          submit={send("ingetrokken")}
          done={d.withdraw.done}
          refresh={refresh(r.report_id)}
          onDone={onDone}
          danger
        />
      )}
    </>
  );
}

// Leerplicht's register (/inrichting/vrijstellingen and /inrichting/variawet, attendance officer;
// domain.md §6 "Exemptions", "Variawet"): exemption decisions with who decided and, for art. 5
// sub a, the partnership's and an independent doctor's advice with their dates; Variawet records
// with period, hours and approval — for the residents of the officer's municipalities. A pupil is
// chosen with the pupil search; a registered person who is no pupil is typed by number. A recorded
// decision or record is corrected with Wijzigen (PATCH): its key stays, the rest is editable. The
// server checks the role and the residence, validates, and audits every read and change.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type Exemption,
  fetchExemptions,
  fetchVariawet,
  fieldErrorsOf,
  recordExemption,
  recordVariawet,
  updateExemption,
  updateVariawet,
  type VariawetRecord,
} from "../../api/setup.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { PupilPicker } from "../cases/PupilPicker.tsx";
import { RecordFormFrame, useRecordEditor } from "./RecordEditor.tsx";

const s = t.setup.exemptions;
const v = t.setup.variawet;
const KINDS = ["5a", "5b", "5c", "15", "3a", "11"] as const;
const EXEMPTIONS = ["exemptions"];
const VARIAWET = ["variawet"];

/** Empty text is "not given" (null) for the server's optional fields. */
const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const period = (start: string, end: string | null) =>
  end ? `${formatDate(start)} t/m ${formatDate(end)}` : `vanaf ${formatDate(start)}`;

/** The person field with the pupil search above it, filled by a pick and editable. */
function PersonField({
  id,
  value,
  error,
  onChange,
  onSchools,
}: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  /** The picked pupil's schools of this school year (a Variawet record names one of them). */
  onSchools?: (schools: readonly { school_id: string; school_name: string }[]) => void;
}) {
  return (
    <>
      <PupilPicker
        id={`${id}-search`}
        onPick={(pupilId, _label, schools) => {
          onChange(pupilId);
          onSchools?.(schools);
        }}
      />
      <TextField
        id={id}
        label={s.person}
        value={value}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <Paragraph>{s.personHint}</Paragraph>
    </>
  );
}

const exemptionKey = (e: Exemption) => `${e.pupil_id}-${e.kind}-${e.start_date}`;

export function ExemptionsPage() {
  const me = useCurrentUser();
  const list = useQuery({ queryKey: EXEMPTIONS, queryFn: ({ signal }) => fetchExemptions(signal) });
  const editor = useRecordEditor<Exemption>("exemption-form-heading", s);
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {editor.notice}
      </p>
      <ExemptionForm
        key={editor.editing ? exemptionKey(editor.editing) : "new"}
        editing={editor.editing}
        onSaved={editor.saved}
        onCancel={editor.cancel}
      />
      <Heading level={2}>{s.list}</Heading>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <DataTable<Exemption>
          title={s.list}
          exportDate={appToday(me)}
          rows={list.data}
          rowKey={exemptionKey}
          emptyText={s.none}
          pageSize={50}
          columns={[
            {
              key: "name",
              header: s.name,
              value: (e) => `${e.person_name} (${e.pupil_id})`,
              rowHeader: true,
              sortable: true,
            },
            { key: "municipality", header: s.municipality, value: (e) => e.municipality },
            { key: "kind", header: s.kind, value: (e) => e.kind, sortable: true },
            { key: "period", header: s.period, value: (e) => period(e.start_date, e.end_date) },
            { key: "decision", header: s.decisionMaker, value: (e) => e.decision_maker ?? "" },
            {
              key: "advice",
              header: s.advice,
              value: (e) =>
                [
                  e.advice_partnership_by &&
                    `${e.advice_partnership_by} (${formatDate(e.advice_partnership_on ?? "")})`,
                  e.advice_doctor_by &&
                    `${e.advice_doctor_by} (${formatDate(e.advice_doctor_on ?? "")})`,
                ]
                  .filter(Boolean)
                  .join("; ") || s.noAdvice,
            },
            {
              key: "action",
              header: s.action,
              noExport: true,
              value: () => "",
              cell: (e) => (
                <Button
                  purpose="secondary"
                  aria-label={s.editLabel(e.person_name, e.kind, formatDate(e.start_date))}
                  onClick={() => editor.edit(e)}
                >
                  {s.edit}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

const EMPTY_EXEMPTION = {
  pupil_id: "",
  kind: "",
  start_date: "",
  end_date: "",
  decision_maker: "",
  advice_partnership_by: "",
  advice_partnership_on: "",
  advice_doctor_by: "",
  advice_doctor_on: "",
};

const exemptionDraft = (e: Exemption | null) =>
  e
    ? {
        pupil_id: e.pupil_id,
        kind: e.kind,
        start_date: e.start_date,
        end_date: e.end_date ?? "",
        decision_maker: e.decision_maker ?? "",
        advice_partnership_by: e.advice_partnership_by ?? "",
        advice_partnership_on: e.advice_partnership_on ?? "",
        advice_doctor_by: e.advice_doctor_by ?? "",
        advice_doctor_on: e.advice_doctor_on ?? "",
      }
    : EMPTY_EXEMPTION;

function ExemptionForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: Exemption | null;
  onSaved: (id: string) => void;
  onCancel?: (() => void) | undefined;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => exemptionDraft(editing));
  const save = useMutation({
    mutationFn: () => {
      const change = {
        end_date: orNull(draft.end_date),
        decision_maker: draft.decision_maker.trim(),
        advice_partnership_by: orNull(draft.advice_partnership_by),
        advice_partnership_on: orNull(draft.advice_partnership_on),
        advice_doctor_by: orNull(draft.advice_doctor_by),
        advice_doctor_on: orNull(draft.advice_doctor_on),
      };
      return editing
        ? updateExemption(editing, change)
        : recordExemption({
            pupil_id: draft.pupil_id.trim(),
            kind: draft.kind,
            start_date: draft.start_date,
            ...change,
          });
    },
    onSuccess: async (e) => {
      setDraft(EMPTY_EXEMPTION);
      onSaved(e.pupil_id);
      await queryClient.invalidateQueries({ queryKey: EXEMPTIONS });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const set = (field: keyof typeof EMPTY_EXEMPTION) => (value: string) =>
    setDraft({ ...draft, [field]: value });
  const text = (field: keyof typeof EMPTY_EXEMPTION, label: string, date = false) => (
    <TextField
      id={`exemption-${field}`}
      label={label}
      {...(date ? { type: "date" } : {})}
      value={draft[field]}
      error={errors[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
    />
  );
  const heading = editing
    ? s.editHeading(editing.person_name, editing.kind, formatDate(editing.start_date))
    : s.newHeading;
  return (
    <RecordFormFrame
      headingId="exemption-form-heading"
      heading={heading}
      editing={editing !== null}
      editKey={s.editKey}
      person={
        <PersonField
          id="exemption-pupil_id"
          value={draft.pupil_id}
          error={errors.pupil_id}
          onChange={set("pupil_id")}
        />
      }
      problem={save.isError && Object.keys(errors).length === 0 ? save.error : null}
      busy={save.isPending}
      submitLabel={editing ? s.saveChanges : s.save}
      cancelLabel={s.cancel}
      onCancel={onCancel}
      onSubmit={() => save.mutate()}
    >
      {!editing && (
        <>
          <SelectField
            id="exemption-kind"
            label={s.kind}
            placeholder={s.chooseKind}
            value={draft.kind}
            error={errors.kind}
            onChange={set("kind")}
            options={KINDS.map((k) => ({ value: k, label: s.kinds[k] ?? k }))}
          />
          {text("start_date", s.startDate, true)}
        </>
      )}
      {text("end_date", s.endDate, true)}
      {text("decision_maker", s.decisionMaker)}
      {text("advice_partnership_by", s.advicePartnershipBy)}
      {text("advice_partnership_on", s.advicePartnershipOn, true)}
      {text("advice_doctor_by", s.adviceDoctorBy)}
      {text("advice_doctor_on", s.adviceDoctorOn, true)}
    </RecordFormFrame>
  );
}

const approvalOf = (r: VariawetRecord) =>
  r.approved === null ? v.approvals.open : r.approved ? v.approvals.yes : v.approvals.no;

export function VariawetPage() {
  const me = useCurrentUser();
  const list = useQuery({ queryKey: VARIAWET, queryFn: ({ signal }) => fetchVariawet(signal) });
  const editor = useRecordEditor<VariawetRecord>("variawet-form-heading", v);
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {editor.notice}
      </p>
      <VariawetForm
        key={editor.editing ? editor.editing.id : "new"}
        editing={editor.editing}
        onSaved={editor.saved}
        onCancel={editor.cancel}
      />
      <Heading level={2}>{v.list}</Heading>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <DataTable<VariawetRecord>
          title={v.list}
          exportDate={appToday(me)}
          rows={list.data}
          rowKey={(r) => r.id}
          emptyText={v.none}
          columns={[
            {
              key: "name",
              header: s.name,
              value: (r) => `${r.person_name} (${r.pupil_id})`,
              rowHeader: true,
              sortable: true,
            },
            { key: "school", header: v.school, value: (r) => r.school_id },
            { key: "period", header: s.period, value: (r) => period(r.start_date, r.end_date) },
            { key: "hours", header: v.hours, value: (r) => r.hours_per_week },
            { key: "approved", header: v.approved, value: approvalOf },
            {
              key: "approvedBy",
              header: v.approvedBy,
              value: (r) =>
                r.approved_by ? `${r.approved_by} (${formatDate(r.approved_on ?? "")})` : "",
            },
            {
              key: "action",
              header: s.action,
              noExport: true,
              value: () => "",
              cell: (r) => (
                <Button
                  purpose="secondary"
                  aria-label={v.editLabel(r.person_name, formatDate(r.start_date))}
                  onClick={() => editor.edit(r)}
                >
                  {s.edit}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

const EMPTY_VARIAWET = {
  pupil_id: "",
  school_id: "",
  start_date: "",
  end_date: "",
  hours_per_week: "",
  approved: "open",
  approved_by: "",
  approved_on: "",
};

const variawetDraft = (r: VariawetRecord | null) =>
  r
    ? {
        pupil_id: r.pupil_id,
        school_id: r.school_id,
        start_date: r.start_date,
        end_date: r.end_date,
        hours_per_week: String(r.hours_per_week),
        approved: r.approved === null ? "open" : r.approved ? "yes" : "no",
        approved_by: r.approved_by ?? "",
        approved_on: r.approved_on ?? "",
      }
    : EMPTY_VARIAWET;

function VariawetForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: VariawetRecord | null;
  onSaved: (id: string) => void;
  onCancel?: (() => void) | undefined;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => variawetDraft(editing));
  const [schools, setSchools] = useState<readonly { school_id: string; school_name: string }[]>([]);
  const save = useMutation({
    mutationFn: () => {
      const change = {
        end_date: draft.end_date,
        hours_per_week:
          draft.hours_per_week.trim() === "" ? Number.NaN : Number(draft.hours_per_week),
        approved: draft.approved === "open" ? null : draft.approved === "yes",
        approved_by: orNull(draft.approved_by),
        approved_on: orNull(draft.approved_on),
      };
      return editing
        ? updateVariawet(editing.id, change)
        : recordVariawet({
            pupil_id: draft.pupil_id.trim(),
            school_id: draft.school_id.trim(),
            start_date: draft.start_date,
            ...change,
          });
    },
    onSuccess: async (r) => {
      setDraft(EMPTY_VARIAWET);
      onSaved(r.pupil_id);
      await queryClient.invalidateQueries({ queryKey: VARIAWET });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const set = (field: keyof typeof EMPTY_VARIAWET) => (value: string) =>
    setDraft({ ...draft, [field]: value });
  const text = (field: keyof typeof EMPTY_VARIAWET, label: string, type?: "date" | "numeric") => (
    <TextField
      id={`variawet-${field}`}
      label={label}
      {...(type === "date" ? { type: "date" } : type === "numeric" ? { inputMode: "numeric" } : {})}
      value={draft[field]}
      error={errors[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
    />
  );
  const heading = editing
    ? v.editHeading(editing.person_name, formatDate(editing.start_date))
    : v.newHeading;
  return (
    <RecordFormFrame
      headingId="variawet-form-heading"
      heading={heading}
      editing={editing !== null}
      editKey={v.editKey}
      problem={save.isError && Object.keys(errors).length === 0 ? save.error : null}
      busy={save.isPending}
      submitLabel={editing ? s.saveChanges : v.save}
      cancelLabel={s.cancel}
      onCancel={onCancel}
      onSubmit={() => save.mutate()}
      person={
        <PersonField
          id="variawet-pupil_id"
          value={draft.pupil_id}
          error={errors.pupil_id}
          onChange={(pupilId) => setDraft((d) => ({ ...d, pupil_id: pupilId }))}
          onSchools={(found) => {
            setSchools(found);
            setDraft((d) => ({
              ...d,
              school_id: found.length === 1 ? (found[0]?.school_id ?? "") : "",
            }));
          }}
        />
      }
    >
      {!editing && (
        <>
          {schools.length > 0 ? (
            <SelectField
              id="variawet-school_id"
              label={v.school}
              placeholder={v.chooseSchool}
              value={draft.school_id}
              error={errors.school_id}
              onChange={set("school_id")}
              options={schools.map((sc) => ({
                value: sc.school_id,
                label: `${sc.school_name} (${sc.school_id})`,
              }))}
            />
          ) : (
            text("school_id", v.school)
          )}
          {text("start_date", v.startDate, "date")}
        </>
      )}
      {text("end_date", v.endDate, "date")}
      {text("hours_per_week", v.hours, "numeric")}
      <SelectField
        id="variawet-approved"
        label={v.approved}
        value={draft.approved}
        error={errors.approved}
        onChange={set("approved")}
        options={["open", "yes", "no"].map((k) => ({ value: k, label: v.approvals[k] ?? k }))}
      />
      {text("approved_by", v.approvedBy)}
      {text("approved_on", v.approvedOn, "date")}
    </RecordFormFrame>
  );
}

// Column mappings (Beheer → Kolomindelingen; issue 14 item 3): the administrator uploads a sample
// of a school system's export, the server reads its headers and the codes of its code-like
// columns (POST /api/import-mappings/sample, nothing stored), and the form offers per canonical
// field the file's columns (a first guess preselected) and per source code the canonical codes.
// Saved under a name (POST/PUT /api/import-mappings), the mapping is then offered by the import
// form. Below, the saved mappings with Bewerken and Verwijderen. The administrator chooses the
// school from the region's schools (GET /api/admin/schools) or none. A school's care coordinator
// uses the same page under Inrichting → Kolomindelingen with `schools` (their own): the school is
// then chosen from those, never the whole region (the server checks it again).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormField, FormLabel } from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import {
  fetchAdminSchools,
  IMPORT_ENCODINGS,
  IMPORT_KIND_ORDER,
  type ImportEncoding,
  type ImportKind,
} from "../../api/admin.ts";
import {
  deleteImportMapping,
  fetchImportMappings,
  type ImportMapping,
  type ImportMappingInput,
  type ImportSample,
  readImportSample,
  saveImportMapping,
} from "../../api/import-mappings.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { mappingsNl as s } from "../../i18n/nl/mappings.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { ConfirmAction } from "./ConfirmAction.tsx";

/** The date notations a source may write besides the canonical one (column-mapping.ts). */
const DATE_NOTATIONS = ["dd-mm-jjjj", "d-m-jjjj"] as const;
type DateNotation = ImportMappingInput["dates"][string];

/** The care coordinator's page: the mappings of their own school(s) only. */
export function SchoolMappingsPage() {
  const me = useCurrentUser();
  const schools = [
    ...new Set(
      me.roles.flatMap((r) => (r.role === "care_coordinator" && r.school_id ? [r.school_id] : [])),
    ),
  ];
  return <MappingsPage schools={schools} />;
}

export function MappingsPage({ schools }: { schools?: readonly string[] } = {}) {
  const me = useCurrentUser();
  const today = appToday(me);
  const queryClient = useQueryClient();
  const mappings = useQuery({
    queryKey: ["admin", "import-mappings"],
    queryFn: ({ signal }) => fetchImportMappings(signal),
  });
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<ImportMapping | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = useMutation({
    mutationFn: (m: ImportMapping) => deleteImportMapping(m.id).then(() => m),
    onSuccess: async (m) => {
      setConfirming(null);
      setNotice(s.removedNotice(m.name));
      await queryClient.invalidateQueries({ queryKey: ["admin", "import-mappings"] });
    },
  });
  const done = (name: string) => {
    setNotice(s.savedNotice(name));
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <MappingForm
        key={`${editing?.id ?? "new"}-${formKey}`}
        editing={editing}
        schools={schools}
        onSaved={done}
        onCancel={() => setEditing(null)}
      />
      <Heading level={2}>{s.table}</Heading>
      {remove.isError && <ProblemAlert error={remove.error} />}
      {mappings.isPending && <Loading />}
      {mappings.isError && <ProblemAlert error={mappings.error} />}
      {mappings.data && (
        <DataTable<ImportMapping>
          title={s.table}
          exportDate={today}
          rows={mappings.data}
          rowKey={(m) => String(m.id)}
          emptyText={s.none}
          testId="import-mappings"
          columns={[
            { key: "name", header: s.name, value: (m) => m.name, sortable: true, rowHeader: true },
            {
              key: "kind",
              header: s.kind,
              value: (m) => t.adminScreens.kinds[m.kind] ?? m.kind,
              sortable: true,
            },
            { key: "school", header: s.school, value: (m) => m.school_id ?? s.wholeRegion },
            {
              key: "encoding",
              header: s.encoding,
              value: (m) => t.adminScreens.encodings[m.encoding],
            },
            {
              key: "updated",
              header: s.updatedAt,
              value: (m) => m.updated_at,
              cell: (m) => formatDate(m.updated_at.slice(0, 10)),
            },
            {
              key: "action",
              header: s.action,
              noExport: true,
              value: () => "",
              cell: (m) => (
                <span className="aanwezig-parent__buttons">
                  <Button
                    purpose="secondary"
                    aria-label={`${s.edit} ${m.name}`}
                    onClick={() => {
                      setNotice("");
                      setEditing(m);
                      document.getElementById("mapping-form")?.scrollIntoView();
                    }}
                  >
                    {s.edit}
                  </Button>
                  <ConfirmAction
                    confirming={confirming === m.id}
                    busy={remove.isPending}
                    label={s.remove}
                    name={m.name}
                    confirmLabel={s.confirmRemove(m.name)}
                    onStart={() => {
                      setNotice("");
                      setConfirming(m.id);
                    }}
                    onConfirm={() => remove.mutate(m)}
                    onCancel={() => setConfirming(null)}
                  />
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

interface FormProps {
  editing: ImportMapping | null;
  /** Given: the school must be one of these (a school's own mappings). */
  schools?: readonly string[] | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

function MappingForm({ editing, schools, onSaved, onCancel }: FormProps) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [name, setName] = useState(editing?.name ?? "");
  const [kind, setKind] = useState<ImportKind | "">(editing?.kind ?? "");
  const [school, setSchool] = useState(
    editing?.school_id ?? (schools?.length === 1 ? (schools[0] ?? "") : ""),
  );
  const [encoding, setEncoding] = useState<ImportEncoding>(editing?.encoding ?? "utf-8");
  const [columns, setColumns] = useState<Record<string, string>>({ ...(editing?.columns ?? {}) });
  const [fixed, setFixed] = useState<Record<string, string>>({ ...(editing?.fixed ?? {}) });
  const [values, setValues] = useState<Record<string, Record<string, string>>>(
    structuredClone(editing?.values ?? {}),
  );
  const [dates, setDates] = useState<Record<string, DateNotation>>({ ...(editing?.dates ?? {}) });
  const [sample, setSample] = useState<ImportSample | null>(null);
  const [sampleError, setSampleError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const errors = {
    name: submitted && !name.trim() ? s.nameRequired : undefined,
    kind: submitted && !kind ? s.kindRequired : undefined,
    school: submitted && schools && !school ? s.schoolRequired : undefined,
  };

  const save = useMutation({
    mutationFn: () =>
      saveImportMapping(editing?.id ?? null, {
        name: name.trim(),
        kind: kind as ImportKind,
        school_id: school.trim() === "" ? null : school.trim(),
        encoding,
        columns: pruned(columns),
        fixed: pruned(fixed),
        values: Object.fromEntries(
          Object.entries(values)
            .map(([column, table]) => [column, pruned(table)] as const)
            .filter(([column, table]) => columns[column] && Object.keys(table).length > 0),
        ),
        dates: Object.fromEntries(
          Object.entries(dates).filter(([column, f]) => columns[column] && f !== "jjjj-mm-dd"),
        ),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "import-mappings"] });
      onSaved(saved.name);
    },
  });

  async function onReadSample() {
    const file = fileRef.current?.files?.[0];
    if (!kind || !file) {
      setSubmitted(true);
      return;
    }
    setSampleError(null);
    try {
      const read = await readImportSample(kind, encoding, file, me.csrf_token);
      setSample(read);
      setColumns((current) => ({ ...read.suggested, ...pruned(current) }));
    } catch (error) {
      setSampleError(error);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return document.getElementById("mapping-name")?.focus();
    if (!kind) return document.getElementById("mapping-kind")?.focus();
    if (errors.school || (schools && !school)) {
      return document.getElementById("mapping-school")?.focus();
    }
    save.mutate();
  }

  const canonical = sample?.canonical_columns ?? [];
  const codeColumns = sample?.code_columns ?? {};
  const headers = sample?.headers ?? [];
  const heading = editing ? s.editMapping(editing.name) : s.newMapping;
  return (
    <section aria-labelledby="mapping-form">
      <Heading level={2} id="mapping-form">
        {heading}
      </Heading>
      <form
        noValidate
        onSubmit={onSubmit}
        className="aanwezig-admin__form"
        aria-labelledby="mapping-form"
      >
        <TextField
          id="mapping-name"
          label={s.name}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          id="mapping-kind"
          label={s.kind}
          value={kind}
          placeholder={s.chooseKind}
          error={errors.kind}
          options={IMPORT_KIND_ORDER.map((k) => ({ value: k, label: t.adminScreens.kinds[k] }))}
          onChange={(value) => {
            setKind(value as ImportKind | "");
            setSample(null);
          }}
        />
        {schools ? (
          <SelectField
            id="mapping-school"
            label={s.ownSchool}
            description={s.ownSchoolHint}
            value={school}
            placeholder={s.chooseSchool}
            error={errors.school}
            options={schools.map((id) => ({ value: id, label: id }))}
            onChange={setSchool}
          />
        ) : (
          <RegionSchoolField value={school} onChange={setSchool} />
        )}
        <SelectField
          id="mapping-encoding"
          label={s.encoding}
          description={t.adminScreens.encodingDescription}
          value={encoding}
          options={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t.adminScreens.encodings[e] }))}
          onChange={(value) => setEncoding(value as ImportEncoding)}
        />
        <FormField
          label={<FormLabel htmlFor="mapping-sample">{s.sampleFile}</FormLabel>}
          input={
            <input
              id="mapping-sample"
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              className="aanwezig-admin__file"
            />
          }
        />
        <Button type="button" purpose="secondary" onClick={() => void onReadSample()}>
          {s.readSample}
        </Button>
        {sampleError !== null && <ProblemAlert error={sampleError} />}
        {sample && (
          <Paragraph role="status">
            {s.sampleRead(sample.headers.length, sample.rows_read)}
          </Paragraph>
        )}
        {sample && (
          <fieldset className="aanwezig-admin__fieldset">
            <legend>{s.columnsHeading}</legend>
            <Paragraph>{s.columnsIntro}</Paragraph>
            {canonical.map((column) => (
              <div key={column} className="aanwezig-admin__mapping-row">
                <SelectField
                  id={`mapping-column-${column}`}
                  label={s.columnFor(column)}
                  value={columns[column] ?? ""}
                  placeholder={s.notInFile}
                  options={headers.map((h) => ({ value: h, label: h }))}
                  onChange={(value) => setColumns((c) => ({ ...c, [column]: value }))}
                />
                {!columns[column] && (
                  <TextField
                    id={`mapping-fixed-${column}`}
                    label={s.fixedFor(column)}
                    value={fixed[column] ?? ""}
                    onChange={(e) => setFixed((f) => ({ ...f, [column]: e.target.value }))}
                  />
                )}
              </div>
            ))}
          </fieldset>
        )}
        {sample &&
          Object.entries(codeColumns).map(([column, codes]) => {
            const header = columns[column];
            const source = sample.columns.find((c) => c.header === header);
            if (!header || !source || source.values.length === 0) return null;
            return (
              <fieldset key={column} className="aanwezig-admin__fieldset">
                <legend>{s.codesHeading(column, header)}</legend>
                <Paragraph>{s.codesIntro}</Paragraph>
                {source.values.map((code) => (
                  <SelectField
                    key={code}
                    id={`mapping-code-${column}-${code}`}
                    label={s.codeFor(code)}
                    value={values[column]?.[code] ?? (codes.includes(code) ? code : "")}
                    placeholder={s.unchanged}
                    options={codes.map((c) => ({ value: c, label: codeLabel(column, c) }))}
                    onChange={(value) =>
                      setValues((v) => ({
                        ...v,
                        [column]: { ...(v[column] ?? {}), [code]: value },
                      }))
                    }
                  />
                ))}
              </fieldset>
            );
          })}
        {sample && (sample.date_columns ?? []).some((c) => columns[c]) && (
          <fieldset className="aanwezig-admin__fieldset">
            <legend>{s.datesHeading}</legend>
            <Paragraph>{s.datesIntro}</Paragraph>
            {sample.date_columns
              .filter((column) => columns[column])
              .map((column) => (
                <SelectField
                  key={column}
                  id={`mapping-date-${column}`}
                  label={s.dateFor(`${columns[column]} (${column})`)}
                  value={dates[column] ?? ""}
                  placeholder={s.dateCanonical}
                  options={DATE_NOTATIONS.map((f) => ({ value: f, label: s.dateFormats[f] ?? f }))}
                  onChange={(value) =>
                    setDates((d) => {
                      const { [column]: _, ...rest } = d;
                      return value ? { ...rest, [column]: value as DateNotation } : rest;
                    })
                  }
                />
              ))}
          </fieldset>
        )}
        {save.isError && <ProblemAlert error={save.error} />}
        <span className="aanwezig-parent__buttons">
          <Button
            type="submit"
            purpose="primary"
            disabled={save.isPending}
            busy={save.isPending || undefined}
          >
            {s.save}
          </Button>
          {editing && (
            <Button type="button" purpose="secondary" onClick={onCancel}>
              {s.cancel}
            </Button>
          )}
        </span>
      </form>
    </section>
  );
}

/** A canonical code with its Dutch meaning where the app has one (reasons). */
function codeLabel(column: string, code: string): string {
  const meaning = column === "reason" ? s.reasons[code] : undefined;
  return meaning ? `${code} — ${meaning}` : code;
}

function pruned<T extends Record<string, string>>(record: T): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v.trim() !== ""));
}

/**
 * The administrator's choice of school: one of the region's schools (GET /api/admin/schools), or
 * none for a source of the whole region. A saved mapping's school stays offered even when the
 * school is no longer in the list.
 */
function RegionSchoolField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const schools = useQuery({
    queryKey: ["admin", "schools"],
    queryFn: ({ signal }) => fetchAdminSchools(signal),
  });
  const listed = (schools.data ?? []).map((x) => ({
    value: x.school_id,
    label: `${x.name} (${x.school_id})`,
  }));
  const options =
    value !== "" && !listed.some((o) => o.value === value)
      ? [{ value, label: value }, ...listed]
      : listed;
  return (
    <>
      <SelectField
        id="mapping-school"
        label={s.school}
        description={s.schoolHint}
        value={value}
        placeholder={s.wholeRegionChoice}
        options={options}
        onChange={onChange}
      />
      {schools.isError && <ProblemAlert error={schools.error} />}
    </>
  );
}

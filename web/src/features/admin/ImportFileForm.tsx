// The upload of one CSV file, shared by the administrator's imports (any kind) and a school's own
// attendance file (issue 14 item 3): an optional saved column mapping (choosing one sets its
// encoding), the file, its encoding, send — with how much is sent — and, below, the progress and
// outcome of the job the caller polls. The caller adds its own fields (the kind) and does the
// upload; the field ids are `${idPrefix}-file`, `${idPrefix}-mapping`, … as the pages had them.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { FormField, FormFieldErrorMessage, FormLabel } from "@utrecht/component-library-react";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { IMPORT_ENCODINGS, type ImportEncoding } from "../../api/admin.ts";
import type { ImportMapping } from "../../api/import-mappings.ts";
import { SelectField } from "../../components/FormFields.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { mappingsNl as m } from "../../i18n/nl/mappings.ts";

export interface ImportUpload {
  file: File;
  encoding: ImportEncoding;
  /** The chosen mapping's name, or "" for none. */
  mapping: string;
  onProgress: (share: number) => void;
}

export interface ImportFileFormProps {
  idPrefix: string;
  heading: string;
  intro?: string;
  /** The mappings that fit what is imported (a mapping not among them counts as none). */
  mappings: readonly ImportMapping[];
  /** Fields before the mapping; `submitted` says whether to show their errors. */
  fields?: (submitted: boolean) => ReactNode;
  /** Checked before the file: false when one of `fields` is missing (it focuses that field). */
  fieldsComplete?: () => boolean;
  /** Sends the file; throwing shows the problem. */
  upload: (upload: ImportUpload) => Promise<void>;
  /** The caller's job is not finished yet: the form stays disabled. */
  jobRunning: boolean;
  /** The job's progress line, inside the live region. */
  progress?: ReactNode;
  /** The job's problems and outcome, after the upload's problem. */
  outcome?: ReactNode;
}

export function ImportFileForm(props: ImportFileFormProps) {
  const { idPrefix: id, mappings } = props;
  const s = t.adminScreens;
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>("utf-8");
  const [chosenMapping, setMapping] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [uploadShare, setUploadShare] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const mapping = mappings.some((x) => x.name === chosenMapping) ? chosenMapping : "";
  const fileError = submitted && !file ? s.fileRequired : undefined;
  const running = uploadShare !== null || props.jobRunning;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (props.fieldsComplete && !props.fieldsComplete()) return;
    if (!file) return fileRef.current?.focus();
    setFailure(null);
    setUploadShare(0);
    try {
      await props.upload({ file, encoding, mapping, onProgress: setUploadShare });
    } catch (error) {
      setFailure(error);
    } finally {
      setUploadShare(null);
    }
  }

  return (
    <>
      <section aria-labelledby={`${id}-new`}>
        <Heading level={2} id={`${id}-new`}>
          {props.heading}
        </Heading>
        {props.intro && <Paragraph>{props.intro}</Paragraph>}
        <form
          noValidate
          onSubmit={onSubmit}
          className="aanwezig-admin__form"
          aria-labelledby={`${id}-new`}
        >
          {props.fields?.(submitted)}
          {mappings.length > 0 && (
            <SelectField
              id={`${id}-mapping`}
              label={m.mappingForImport}
              description={m.mappingForImportHint}
              value={mapping}
              placeholder={m.noMapping}
              options={mappings.map((x) => ({ value: x.name, label: x.name }))}
              onChange={(value) => {
                setMapping(value);
                const chosen = mappings.find((x) => x.name === value);
                if (chosen) setEncoding(chosen.encoding);
              }}
            />
          )}
          <FormField
            invalid={fileError !== undefined}
            label={<FormLabel htmlFor={`${id}-file`}>{s.file}</FormLabel>}
            input={
              <input
                id={`${id}-file`}
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                className="aanwezig-admin__file"
                aria-invalid={fileError !== undefined || undefined}
                aria-describedby={fileError ? `${id}-file-error` : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            }
            errorMessage={
              fileError ? (
                <FormFieldErrorMessage id={`${id}-file-error`}>{fileError}</FormFieldErrorMessage>
              ) : undefined
            }
          />
          <SelectField
            id={`${id}-encoding`}
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
      <section aria-labelledby={`${id}-progress`} aria-busy={running}>
        <Heading level={2} id={`${id}-progress`} className="aanwezig-visually-hidden">
          {s.progressHeading}
        </Heading>
        <div role="status" aria-live="polite">
          {uploadShare !== null && (
            <ProgressLine
              label={s.uploading(Math.round(uploadShare * 100))}
              value={uploadShare * 100}
            />
          )}
          {props.progress}
        </div>
        {failure !== null && <ProblemAlert error={failure} />}
        {props.outcome}
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

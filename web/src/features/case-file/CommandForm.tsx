// One form per case command, all built the same way: a button that opens the form (a
// disclosure, aria-expanded), fields that validate inline in Dutch once the form was sent
// (focus on the first problem), the server's problem+json refusal shown above the fields, and a
// status message after success. The case, the lists and the worklists refresh afterwards, in
// place: focus returns to the button that opened the form, so the page does not jump (issue 11,
// deliverable 4). The form registers itself with the case file's summary, whose "what you can
// do" links open it (command-registry.tsx).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { describedBy, SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { commandAnchor, useRegisterCommand } from "./command-registry.tsx";

export interface FieldSpec {
  name: string;
  /**
   * `checkboxes`: several of `options`, the value their values joined by LIST_SEPARATOR.
   * `file`: one file, read in the browser; the value is its name, `fileData(values, name)` its
   * media type and base64 content.
   */
  kind: "text" | "textarea" | "select" | "date" | "checkboxes" | "file";
  label: string;
  description?: string;
  options?: readonly { value: string; label: string }[];
  /** The message when left empty; optional fields have none. A function decides per values. */
  required?: string | ((values: Record<string, string>) => string | undefined);
  /** Only shown (and checked) when this returns true for the current values. */
  when?: (values: Record<string, string>) => boolean;
  /** Further check of a filled-in value: a message, or undefined when right. */
  check?: (value: string, values: Record<string, string>) => string | undefined;
}

export type Values = Record<string, string>;

export const LIST_SEPARATOR = "\n";

/** The chosen values of a `checkboxes` field. */
export function listValue(values: Values, name: string): string[] {
  return (values[name] ?? "").split(LIST_SEPARATOR).filter(Boolean);
}

/** The file of a `file` field as the browser read it: media type and base64 content. */
export function fileData(values: Values, name: string): { type: string; base64: string } {
  const url = values[`${name}:data`] ?? "";
  const match = /^data:([^;,]*)(?:;[^,]*)?,(.*)$/.exec(url);
  return { type: match?.[1] || "application/octet-stream", base64: match?.[2] ?? "" };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function validateFields(
  fields: readonly FieldSpec[],
  values: Values,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.when && !field.when(values)) continue;
    const value = (values[field.name] ?? "").trim();
    if (!value) {
      const required =
        typeof field.required === "function" ? field.required(values) : field.required;
      if (required) errors[field.name] = required;
      continue;
    }
    if (field.kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      errors[field.name] = t.common.dateInvalid;
      continue;
    }
    const problem = field.check?.(value, values);
    if (problem) errors[field.name] = problem;
  }
  return errors;
}

/**
 * A date that has happened: not after `today` (`notAfterToday`) and, with `from`, not before it
 * (`notBefore`, or the same message) — a meeting, an offer's start, the day a report went to DUO.
 */
export function pastDateField(
  spec: Omit<FieldSpec, "kind" | "check"> & {
    today: string;
    notAfterToday: string;
    from?: string;
    notBefore?: string;
  },
): FieldSpec {
  const { today, notAfterToday, from, notBefore, ...field } = spec;
  return {
    ...field,
    kind: "date",
    check: (value) =>
      value > today
        ? notAfterToday
        : from !== undefined && value < from
          ? (notBefore ?? notAfterToday)
          : undefined,
  };
}

export interface CommandFormProps {
  id: string;
  /** The button that opens the form, and the form's heading. */
  label: string;
  fields: readonly FieldSpec[];
  initial?: Values;
  /** Sends the values; resolves when the server accepted them. */
  submit: (values: Values) => Promise<unknown>;
  done: string;
  /** Query keys to refresh after success. */
  refresh: readonly (readonly unknown[])[];
  onDone?: (message: string) => void;
  danger?: boolean;
}

export function CommandForm({
  id,
  label,
  fields,
  initial = {},
  submit,
  done,
  refresh,
  onDone,
  danger,
}: CommandFormProps) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [submitted, setSubmitted] = useState(false);
  /** Set when a link asked for the form: its first field takes focus once it is shown. */
  const [focusRequest, setFocusRequest] = useState(0);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: Values) => submit(v),
    onSuccess: async () => {
      // Focus stays where the user works: on the button of the form that closes now (scrolled
      // into view when the user was further down the form).
      toggleRef.current?.focus();
      setOpen(false);
      setSubmitted(false);
      setValues(initial);
      onDone?.(done);
      // The case itself first (what the user looks at); the lists refresh in the background.
      const [first, ...rest] = refresh;
      for (const queryKey of rest) void queryClient.invalidateQueries({ queryKey });
      if (first) await queryClient.invalidateQueries({ queryKey: first });
    },
  });
  const errors = submitted ? validateFields(fields, values) : {};
  const formId = `${id}-form`;
  const reset = mutation.reset;
  const openFromLink = useCallback(() => {
    setOpen((wasOpen) => {
      if (!wasOpen) setValues(initialRef.current);
      return true;
    });
    reset();
    setFocusRequest((n) => n + 1);
  }, [reset]);
  useRegisterCommand(id, label, openFromLink);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when asked, not when fields change
  useEffect(() => {
    if (focusRequest === 0) return;
    const first = fields.find((field) => !field.when || field.when(initialRef.current));
    const target = first ? document.getElementById(`${id}-${first.name}`) : null;
    (target ?? toggleRef.current)?.focus();
  }, [focusRequest]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validateFields(fields, values);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      document.getElementById(`${id}-${first.name}`)?.focus();
      return;
    }
    mutation.mutate(values);
  }

  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <div className="aanwezig-command" data-command={id} id={commandAnchor(id)}>
      <Button
        ref={toggleRef}
        type="button"
        purpose={open ? "subtle" : "secondary"}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => {
          // Start from the case as it is now (e.g. the parents known from earlier records).
          if (!open) setValues(initial);
          setOpen(!open);
          mutation.reset();
        }}
      >
        {open ? `${t.caseFile.commands.hideForm}: ${label}` : label}
      </Button>
      {open && (
        <form
          id={formId}
          noValidate
          onSubmit={onSubmit}
          aria-labelledby={`${id}-title`}
          className="aanwezig-command__form"
        >
          <Heading level={3} id={`${id}-title`}>
            {label}
          </Heading>
          {mutation.isError && <ProblemAlert error={mutation.error} />}
          {fields
            .filter((field) => !field.when || field.when(values))
            .map((field) => {
              const common = {
                id: `${id}-${field.name}`,
                label: field.label,
                description: field.description,
                error: errors[field.name],
                value: values[field.name] ?? "",
                onChange: set(field.name),
              };
              if (field.kind === "select") {
                return (
                  <SelectField
                    key={field.name}
                    {...common}
                    placeholder={t.caseFile.commands.chooseOption}
                    options={field.options ?? []}
                  />
                );
              }
              if (field.kind === "textarea") return <TextAreaField key={field.name} {...common} />;
              if (field.kind === "checkboxes") {
                return (
                  <CheckboxesField key={field.name} {...common} options={field.options ?? []} />
                );
              }
              if (field.kind === "file") {
                return (
                  <FileField
                    key={field.name}
                    {...common}
                    onFile={(file) => {
                      if (!file) {
                        setValues((v) => ({ ...v, [field.name]: "", [`${field.name}:data`]: "" }));
                        return;
                      }
                      void readAsDataUrl(file).then((data) =>
                        setValues((v) => ({
                          ...v,
                          [field.name]: file.name,
                          [`${field.name}:data`]: data,
                          [`${field.name}:size`]: String(file.size),
                        })),
                      );
                    }}
                  />
                );
              }
              return (
                <div key={field.name}>
                  <TextField
                    id={common.id}
                    label={common.label}
                    type={field.kind === "date" ? "date" : "text"}
                    value={common.value}
                    error={common.error}
                    onChange={(e) => common.onChange(e.target.value)}
                  />
                  {field.description && <p className="aanwezig-hint">{field.description}</p>}
                </div>
              );
            })}
          <Button
            type="submit"
            purpose="primary"
            hint={danger ? "negative" : undefined}
            busy={mutation.isPending}
          >
            {mutation.isPending ? t.common.saving : t.caseFile.commands.submit}
          </Button>
        </form>
      )}
    </div>
  );
}

interface ControlProps {
  id: string;
  label: string;
  description: string | undefined;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** The description and inline error of a control, with the ids its aria-describedby names. */
function HintAndError({
  id,
  description,
  error,
}: Omit<ControlProps, "label" | "value" | "onChange">) {
  return (
    <>
      {description && (
        <p id={`${id}-description`} className="aanwezig-hint aanwezig-hint--fieldset">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </p>
      )}
    </>
  );
}

/** Several choices in a fieldset; the first box carries the field's id (focus on a problem). */
function CheckboxesField({
  id,
  label,
  description,
  error,
  value,
  onChange,
  options,
}: ControlProps & { options: readonly { value: string; label: string }[] }) {
  const chosen = new Set(value.split(LIST_SEPARATOR).filter(Boolean));
  const toggle = (option: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : chosen.has(v)));
    onChange(next.join(LIST_SEPARATOR));
  };
  return (
    <fieldset className="aanwezig-fieldset" aria-describedby={describedBy(id, description, error)}>
      <legend className="utrecht-form-label aanwezig-fieldset__legend">{label}</legend>
      <HintAndError id={id} description={description} error={error} />
      {options.map((o, i) => (
        <div className="aanwezig-checkbox" key={o.value}>
          <input
            id={i === 0 ? id : `${id}-${i}`}
            type="checkbox"
            value={o.value}
            checked={chosen.has(o.value)}
            aria-invalid={error !== undefined || undefined}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A file chooser with its label, description and inline error. */
function FileField({
  id,
  label,
  description,
  error,
  onFile,
}: ControlProps & { onFile: (file: File | undefined) => void }) {
  return (
    <div className="aanwezig-file">
      <label htmlFor={id} className="utrecht-form-label">
        {label}
      </label>
      <HintAndError id={id} description={description} error={error} />
      <input
        id={id}
        type="file"
        aria-describedby={describedBy(id, description, error)}
        aria-invalid={error !== undefined || undefined}
        onChange={(e) => onFile(e.target.files?.[0])}
      />
    </div>
  );
}

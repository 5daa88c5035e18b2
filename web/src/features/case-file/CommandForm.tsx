// One form per case command, all built the same way: a button that opens the form (a
// disclosure, aria-expanded), fields that validate inline in Dutch once the form was sent
// (focus on the first problem), the server's problem+json refusal shown above the fields, and a
// status message after success. The case, the lists and the worklists refresh afterwards.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";

export interface FieldSpec {
  name: string;
  kind: "text" | "textarea" | "select" | "date";
  label: string;
  description?: string;
  options?: readonly { value: string; label: string }[];
  /** The message when left empty; optional fields have none. */
  required?: string;
  /** Only shown (and checked) when this returns true for the current values. */
  when?: (values: Record<string, string>) => boolean;
  /** Further check of a filled-in value: a message, or undefined when right. */
  check?: (value: string, values: Record<string, string>) => string | undefined;
}

export type Values = Record<string, string>;

export function validateFields(
  fields: readonly FieldSpec[],
  values: Values,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.when && !field.when(values)) continue;
    const value = (values[field.name] ?? "").trim();
    if (!value) {
      if (field.required) errors[field.name] = field.required;
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
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: Values) => submit(v),
    onSuccess: async () => {
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
    <div className="aanwezig-command" data-command={id}>
      <Button
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

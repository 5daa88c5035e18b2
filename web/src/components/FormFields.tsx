// Labelled form controls beside TextField: a select, a multi-line text and a checkbox, each
// with its description and inline error wired up by aria-describedby (WCAG 1.3.1, 3.3.1).
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";

interface FieldBase {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
}

function describedBy(id: string, description: string | undefined, error: string | undefined) {
  const ids = [description ? `${id}-description` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Parts({ id, label, description, error, input }: FieldBase & { input: ReactNode }) {
  return (
    <FormField
      invalid={error !== undefined}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? (
          <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        ) : undefined
      }
      input={input}
      errorMessage={
        error ? (
          <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>
        ) : undefined
      }
    />
  );
}

export interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("Kies …"). */
  placeholder?: string;
}

export function SelectField({ value, onChange, options, placeholder, ...field }: SelectFieldProps) {
  const invalid = field.error !== undefined;
  return (
    <Parts
      {...field}
      input={
        <Select
          id={field.id}
          name={field.id}
          value={value}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

export interface TextAreaFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

export function TextAreaField({ value, onChange, rows = 3, ...field }: TextAreaFieldProps) {
  const invalid = field.error !== undefined;
  return (
    <Parts
      {...field}
      input={
        <Textarea
          id={field.id}
          name={field.id}
          rows={rows}
          value={value}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <div className="aanwezig-checkbox">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A date field (the browser's own date picker; the value is an ISO date). */
export { describedBy };

// A labelled text input with its inline error message, wired for assistive technology: the
// label names the input, the message is tied to it with aria-describedby, and aria-invalid
// marks it. Built from the Utrecht form-field parts.
import {
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from "@utrecht/component-library-react";
import type { InputHTMLAttributes, Ref } from "react";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  id: string;
  label: string;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, error, ref, ...input }: TextFieldProps) {
  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  return (
    <FormField
      invalid={invalid}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      input={
        <Textbox
          {...input}
          id={id}
          ref={ref}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
        />
      }
      errorMessage={
        invalid ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined
      }
    />
  );
}

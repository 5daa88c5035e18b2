// Editing the records of a list page (Inrichting → Vrijstellingen, Variawet): one form that
// records a new one or, after "Wijzig" in the table, changes that one (its key fields fixed),
// with a notice of what was saved. The pages give the fields; this is the frame they share.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

/** After the heading is rendered: the form in view and its heading focused (keyboard users). */
function focusForm(headingId: string) {
  requestAnimationFrame(() => {
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView();
    heading?.focus();
  });
}

/** The record being changed (null: a new one) and the notice of the last save. */
export function useRecordEditor<R>(
  headingId: string,
  texts: { saved: (id: string) => string; changed: (id: string) => string },
) {
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<R | null>(null);
  return {
    notice,
    editing,
    edit(record: R) {
      setNotice("");
      setEditing(record);
      focusForm(headingId);
    },
    cancel: editing ? () => setEditing(null) : undefined,
    saved(id: string) {
      setNotice(editing ? texts.changed(id) : texts.saved(id));
      setEditing(null);
    },
  };
}

export function RecordFormFrame(props: {
  headingId: string;
  heading: string;
  /** Changing a record: `editKey` says what cannot change; a new one: `person` chooses whom. */
  editing: boolean;
  editKey: string;
  person: ReactNode;
  /** The save's problem when no field shows it, or null. */
  problem: unknown;
  busy: boolean;
  submitLabel: string;
  cancelLabel: string;
  onCancel?: (() => void) | undefined;
  onSubmit: () => void;
  children: ReactNode;
}) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit();
  }
  return (
    <section aria-labelledby={props.headingId}>
      <Heading level={2} id={props.headingId} tabIndex={-1}>
        {props.heading}
      </Heading>
      {props.problem !== null && <ProblemAlert error={props.problem} />}
      {props.editing ? <Paragraph>{props.editKey}</Paragraph> : props.person}
      <form noValidate onSubmit={onSubmit} aria-labelledby={props.headingId}>
        {props.children}
        <span className="aanwezig-parent__buttons">
          <Button type="submit" purpose="primary" busy={props.busy || undefined}>
            {props.submitLabel}
          </Button>
          {props.onCancel && (
            <Button type="button" purpose="secondary" onClick={props.onCancel}>
              {props.cancelLabel}
            </Button>
          )}
        </span>
      </form>
    </section>
  );
}

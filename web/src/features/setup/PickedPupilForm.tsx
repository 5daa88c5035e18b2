// A form about one pupil chosen with the pupil search (Inrichting → Arrangementen: placing a pupil
// in an arrangement, putting one on its waiting list): the search, a message when no pupil is
// chosen yet, the last send's problem, then the form's own fields. The pupil is forgotten once
// a send succeeds.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { PupilPicker } from "../cases/PupilPicker.tsx";

export interface PickedPupil {
  id: string;
  label: string;
}

export function PickedPupilForm(props: {
  headingId: string;
  heading: string;
  hint?: string;
  /** The pupil search field's id. */
  searchId: string;
  /** The form is named by the heading (a landmark of its own). */
  namedForm?: boolean;
  submitLabel: string;
  busy: boolean;
  /** The last send's problem when no field shows it, or null. */
  problem: unknown;
  /** Sends for the chosen pupil; resolves when it succeeded (a refusal rejects). */
  send: (pupil: PickedPupil) => Promise<unknown>;
  children: ReactNode;
}) {
  const [pupil, setPupil] = useState<PickedPupil | null>(null);
  const [missing, setMissing] = useState(false);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pupil) {
      setMissing(true);
      document.getElementById(props.searchId)?.focus();
      return;
    }
    setMissing(false);
    // A refusal is shown through `problem` (the caller's mutation holds it).
    props.send(pupil).then(
      () => setPupil(null),
      () => undefined,
    );
  }
  return (
    <section aria-labelledby={props.headingId}>
      <Heading level={3} id={props.headingId}>
        {props.heading}
      </Heading>
      {props.hint && <Paragraph>{props.hint}</Paragraph>}
      <PupilPicker id={props.searchId} onPick={(id, label) => setPupil({ id, label })} />
      {missing && (
        <p className="utrecht-form-field-error-message">{t.setup.arrangements.pupilRequired}</p>
      )}
      {props.problem !== null && <ProblemAlert error={props.problem} />}
      <form
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={props.namedForm ? props.headingId : undefined}
      >
        {props.children}
        <Button type="submit" purpose="primary" busy={props.busy || undefined}>
          {props.submitLabel}
        </Button>
      </form>
    </section>
  );
}

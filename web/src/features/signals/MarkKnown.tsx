// Handling a signal without a case (domain.md §4: "marks it as known/explained with a reason"):
// a disclosure in the signal's row with one required reason, checked inline in Dutch.
import { Button } from "@nl-design-system-candidate/button-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { markSignalKnown, type SignalRow } from "../../api/signals.ts";
import { TextAreaField } from "../../components/FormFields.tsx";
import { formatPupil } from "../../components/names.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { signalName } from "./explain.ts";

export function MarkKnown({ signal }: { signal: SignalRow & { id: string } }) {
  const [reason, setReason] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: () => markSignalKnown(signal.id, reason.trim()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["signals"] }),
  });
  const fieldId = `known-${signal.id.replace(/[^\w-]/g, "-")}`;
  const error = submitted && !reason.trim() ? t.signals.knownReasonRequired : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!reason.trim()) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    mark.mutate();
  }

  if (mark.isSuccess) return <span role="status">{t.signals.knownDone}</span>;
  return (
    <details className="aanwezig-details">
      <summary>{t.signals.markKnown}</summary>
      <form
        noValidate
        onSubmit={onSubmit}
        aria-label={t.signals.markKnownFor(formatPupil(signal), signalName(signal.code))}
      >
        {mark.isError && <ProblemAlert error={mark.error} />}
        <TextAreaField
          id={fieldId}
          label={t.signals.knownReason}
          value={reason}
          error={error}
          onChange={setReason}
        />
        <Button type="submit" purpose="secondary" busy={mark.isPending}>
          {t.signals.knownSubmit}
        </Button>
      </form>
    </details>
  );
}

// A new leave request (domain.md §4, verlof): the kind, the first and last day and the reason.
// A parent fills it in for their own child; the school chooses the pupil first. The answer says
// who decides and, when the §4 rules stand in the way, which rule.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { type LeaveKind, type LeaveRequest, requestLeave } from "../../api/leave.ts";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { RuleList } from "./LeaveItem.tsx";

const s = t.leave;
const KINDS: LeaveKind[] = ["job_holiday", "important_circumstances"];

export function LeaveForm({
  id,
  pupilId,
  heading,
}: {
  id: string;
  /** null: the school has not chosen a pupil yet. */
  pupilId: string | null;
  heading: string;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<LeaveKind>("important_circumstances");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<LeaveRequest | null>(null);
  const submit = useMutation({
    mutationFn: requestLeave,
    onSuccess: async (created) => {
      setDone(created);
      setStart("");
      setEnd("");
      setReason("");
      await queryClient.invalidateQueries({ queryKey: ["leave-requests"] });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!start) missing.start = s.required;
    if (!end) missing.end = s.required;
    if (!reason.trim()) missing.reason = s.required;
    setErrors(missing);
    setDone(null);
    if (Object.keys(missing).length > 0 || !pupilId) return;
    submit.mutate({ pupil_id: pupilId, kind, start_date: start, end_date: end, reason });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-heading`} noValidate>
      <Heading level={3} id={`${id}-heading`}>
        {heading}
      </Heading>
      <SelectField
        id={`${id}-kind`}
        label={s.kind}
        value={kind}
        onChange={(v) => setKind(v as LeaveKind)}
        options={KINDS.map((k) => ({ value: k, label: s.kinds[k] ?? k }))}
      />
      <TextField
        id={`${id}-start`}
        label={s.startDate}
        type="date"
        value={start}
        error={errors.start}
        onChange={(e) => setStart(e.target.value)}
      />
      <TextField
        id={`${id}-end`}
        label={s.endDate}
        type="date"
        value={end}
        error={errors.end}
        onChange={(e) => setEnd(e.target.value)}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={s.reason}
        description={s.reasonHint}
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
      {!pupilId && <Paragraph>{s.pupilMissing}</Paragraph>}
      <Button type="submit" purpose="primary" disabled={submit.isPending || !pupilId}>
        {s.submit}
      </Button>
      {submit.isError && <ProblemAlert error={submit.error} />}
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{s.submitted(s.deciders[done.decider] ?? done.decider)}</Paragraph>
          {done.rules.length > 0 && <RuleList rules={done.rules} />}
        </Alert>
      )}
    </form>
  );
}

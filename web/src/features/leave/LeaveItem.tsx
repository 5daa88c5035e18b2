// One leave request as its readers see it: what was asked, by whom, who decides, what the §4
// rules say, and — once decided — the decision with its reason and the route of objection.
// The decider gets the decision form beside it.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { decideLeave, type LeaveRequest } from "../../api/leave.ts";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { formatPupil } from "../../components/names.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";

const s = t.leave;

export function RuleList({ rules }: { rules: LeaveRequest["rules"] }) {
  return (
    <ul>
      {rules.map((r) => (
        <li key={r.code}>{r.text}</li>
      ))}
    </ul>
  );
}

export function LeaveItem({ request, showPupil }: { request: LeaveRequest; showPupil: boolean }) {
  const headingId = `leave-${request.id}`;
  const status = s.statuses[request.status] ?? request.status;
  return (
    <article
      className="aanwezig-leave__item"
      aria-labelledby={headingId}
      data-testid="leave-request"
      data-leave-id={request.id}
    >
      <Heading level={3} id={headingId}>
        {showPupil ? `${formatPupil(request)}: ` : ""}
        {s.request(
          s.kinds[request.kind] ?? request.kind,
          formatDate(request.start_date),
          formatDate(request.end_date),
          request.school_days,
        )}
      </Heading>
      <Paragraph>
        <strong data-testid="leave-status">{status}</strong>{" "}
        {s.requestedBy(request.requested_by_kind, formatDate(request.requested_on))}{" "}
        {s.decidedBy(s.deciders[request.decider] ?? request.decider)}
      </Paragraph>
      <Paragraph>{s.applicantReason(request.reason)}</Paragraph>
      {request.status !== "requested" && request.decided_on && (
        <>
          <Paragraph data-testid="leave-decision">
            {s.decision(status, formatDate(request.decided_on))}{" "}
            {request.decision_reason ? s.decisionReason(request.decision_reason) : ""}
          </Paragraph>
          {request.objection_route && <Paragraph>{request.objection_route}</Paragraph>}
        </>
      )}
      {request.rules.length > 0 ? (
        <>
          <Heading level={4}>{s.rulesHeading}</Heading>
          <RuleList rules={request.rules} />
        </>
      ) : (
        request.status === "requested" && <Paragraph>{s.rulesOk}</Paragraph>
      )}
      {request.may_decide && <DecideForm request={request} />}
    </article>
  );
}

function DecideForm({ request }: { request: LeaveRequest }) {
  const queryClient = useQueryClient();
  const onlyRefuse = request.rules.length > 0;
  const [decision, setDecision] = useState<"approved" | "refused">(
    onlyRefuse ? "refused" : "approved",
  );
  const [reason, setReason] = useState(
    onlyRefuse ? request.rules.map((r) => r.text).join(" ") : "",
  );
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: () => decideLeave(request.id, { decision, reason }),
    onSuccess: async (decided) => {
      setDone(s.decided(s.statuses[decided.status] ?? decided.status));
      await queryClient.invalidateQueries({ queryKey: ["leave-requests"] });
    },
  });
  const id = `decide-${request.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(s.required);
      return;
    }
    setError(undefined);
    decide.mutate();
  }

  return (
    // Named by its own heading and the request's: one form per request, each landmark unique.
    <form onSubmit={onSubmit} aria-labelledby={`${id}-heading leave-${request.id}`} noValidate>
      <Heading level={4} id={`${id}-heading`}>
        {s.decideHeading}
      </Heading>
      {onlyRefuse && <Paragraph>{s.decideOnlyRefuse}</Paragraph>}
      <SelectField
        id={`${id}-decision`}
        label={s.decideChoice}
        value={decision}
        onChange={(v) => setDecision(v as "approved" | "refused")}
        options={[
          ...(onlyRefuse ? [] : [{ value: "approved", label: s.decideApprove }]),
          { value: "refused", label: s.decideRefuse },
        ]}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={s.decideReason}
        description={s.decideReasonHint}
        value={reason}
        error={error}
        onChange={setReason}
      />
      <Button type="submit" purpose="primary" disabled={decide.isPending}>
        {s.decideSubmit}
      </Button>
      {decide.isError && <ProblemAlert error={decide.error} />}
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
    </form>
  );
}

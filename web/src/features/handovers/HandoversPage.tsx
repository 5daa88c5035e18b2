// /overdrachten (issue 15 item 6): the warm handover PO→VO. The sending school's care coordinator
// sees the pupils who qualify and writes each one's handover, and records the consent that lets
// the receiving school read it; the receiving school's care coordinator reads it (with consent;
// without, only that it exists and that consent is missing), takes it in and closes it; the
// partnership sees per school which are still open, without content. What each user sees and
// may do is the server's answer (side, may_* flags), never a role list here.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  fetchHandoverCandidates,
  fetchHandovers,
  type Handover,
  type HandoverCandidate,
  recordHandoverConsent,
  settleHandover,
  writeHandover,
} from "../../api/handovers.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { CommandForm, type FieldSpec } from "../case-file/CommandForm.tsx";

const h = t.handovers;
const LIST_KEY = ["handovers"] as const;
const CANDIDATES_KEY = ["handover-candidates"] as const;

const WRITE_FIELDS: readonly FieldSpec[] = [
  {
    name: "what_was_going_on",
    kind: "textarea",
    label: h.fields.whatWasGoingOn,
    required: h.fields.whatWasGoingOnRequired,
  },
  {
    name: "what_helped",
    kind: "textarea",
    label: h.fields.whatHelped,
    required: h.fields.whatHelpedRequired,
  },
];

const CONSENT_FIELDS: readonly FieldSpec[] = [
  {
    name: "decision",
    kind: "select",
    label: h.fields.decision,
    options: Object.entries(h.decisions).map(([value, label]) => ({ value, label })),
    required: h.fields.decisionRequired,
  },
  {
    name: "giver",
    kind: "select",
    label: h.fields.giver,
    options: Object.entries(h.givers).map(([value, label]) => ({ value, label })),
    required: h.fields.giverRequired,
  },
  { name: "at", kind: "date", label: h.fields.at, required: h.fields.atRequired },
];

export function HandoversPage() {
  const today = appToday(useCurrentUser());
  const list = useQuery({ queryKey: LIST_KEY, queryFn: ({ signal }) => fetchHandovers(signal) });
  // Only the sending school's care coordinator (and the case director) may ask; others get 403.
  const candidates = useQuery({
    queryKey: CANDIDATES_KEY,
    queryFn: ({ signal }) => fetchHandoverCandidates(signal),
    retry: false,
  });
  const all = list.data?.handovers ?? [];
  const sent = all.filter((x) => x.side === "sending");
  const received = all.filter((x) => x.side === "receiving");
  const partnership = all.filter((x) => x.side === "partnership");
  const writes = candidates.isSuccess;
  return (
    <div className="aanwezig-handovers">
      <PageHeading>{h.title}</PageHeading>
      <Paragraph purpose="lead">{h.intro}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {writes && (
        <section aria-labelledby="handover-candidates">
          <Heading level={2} id="handover-candidates">
            {`${h.candidates} (${candidates.data.candidates.length})`}
          </Heading>
          {candidates.data.candidates.length === 0 && <Paragraph>{h.candidatesEmpty}</Paragraph>}
          {candidates.data.candidates.map((c) => (
            <Candidate key={`${c.pupil_id}-${c.receiving_school_id}`} candidate={c} />
          ))}
        </section>
      )}
      {list.data && (writes || sent.length > 0) && (
        <section aria-labelledby="handovers-sent">
          <Heading level={2} id="handovers-sent">
            {`${h.sent} (${sent.length})`}
          </Heading>
          {sent.length === 0 && <Paragraph>{h.sentEmpty}</Paragraph>}
          {sent.map((x) => (
            <HandoverCard key={x.id} handover={x} today={today} />
          ))}
        </section>
      )}
      {list.data && received.length > 0 && (
        <section aria-labelledby="handovers-received">
          <Heading level={2} id="handovers-received">
            {`${h.received} (${received.length})`}
          </Heading>
          {received.map((x) => (
            <HandoverCard key={x.id} handover={x} today={today} />
          ))}
        </section>
      )}
      {list.data && !writes && sent.length === 0 && received.length === 0 && (
        <PartnershipView
          handovers={partnership}
          perSchool={list.data.open_per_school}
          today={today}
        />
      )}
    </div>
  );
}

function Candidate({ candidate: c }: { candidate: HandoverCandidate }) {
  const [notice, setNotice] = useState("");
  const headingId = `handover-candidate-${c.pupil_id}`;
  const signals = c.signal_codes
    .map((code) => t.signalCodes[code as keyof typeof t.signalCodes] ?? code)
    .join(", ");
  return (
    <article aria-labelledby={headingId} className="aanwezig-card" data-testid="handover-candidate">
      <Heading level={3} id={headingId}>
        {h.candidate(c.pupil_name, c.receiving_school_name, formatDate(c.move_date))}
      </Heading>
      <dl>
        <dt>{h.evidence}</dt>
        <dd>{h.signalsAndCases(signals, c.case_ids.length)}</dd>
      </dl>
      <CommandForm
        id={`handover-write-${c.pupil_id}`}
        label={h.write}
        fields={WRITE_FIELDS}
        submit={(values) =>
          writeHandover({
            pupil_id: c.pupil_id,
            receiving_school_id: c.receiving_school_id,
            what_was_going_on: values.what_was_going_on?.trim() ?? "",
            what_helped: values.what_helped?.trim() ?? "",
          })
        }
        done={h.written}
        refresh={[LIST_KEY, CANDIDATES_KEY]}
        onDone={setNotice}
      />
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
    </article>
  );
}

function HandoverCard({ handover: x, today }: { handover: Handover; today: string }) {
  const [notice, setNotice] = useState("");
  const queryClient = useQueryClient();
  const settle = useMutation({
    mutationFn: (status: "acknowledged" | "closed") => settleHandover(x.id, status),
    onSuccess: async (_, status) => {
      setNotice(status === "acknowledged" ? h.acknowledged : h.closed);
      await queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
  const headingId = `handover-${x.id}`;
  return (
    <article aria-labelledby={headingId} className="aanwezig-card" data-testid="handover">
      <Heading level={3} id={headingId}>
        {h.handover(x.pupil_name ?? h.noName, x.sending_school_name, x.receiving_school_name)}
      </Heading>
      <dl>
        <dt>{h.columns.moveDate}</dt>
        <dd>{formatDate(x.move_date)}</dd>
        <dt>{h.columns.status}</dt>
        <dd>{h.statuses[x.status]}</dd>
        <dt>{h.columns.consent}</dt>
        <dd>{h.consentStates[x.consent]}</dd>
        {x.what_was_going_on !== null && (
          <>
            <dt>{h.fields.whatWasGoingOn}</dt>
            <dd>{x.what_was_going_on}</dd>
            <dt>{h.fields.whatHelped}</dt>
            <dd>{x.what_helped}</dd>
          </>
        )}
      </dl>
      {x.what_was_going_on === null && x.side === "receiving" && (
        <Paragraph>{h.consentMissing}</Paragraph>
      )}
      {settle.isError && <ProblemAlert error={settle.error} />}
      {x.may_acknowledge && (
        <Button
          type="button"
          purpose="primary"
          disabled={settle.isPending}
          onClick={() => settle.mutate("acknowledged")}
        >
          {h.acknowledge}
        </Button>
      )}
      {x.may_close && (
        <Button
          type="button"
          purpose="secondary"
          disabled={settle.isPending}
          onClick={() => settle.mutate("closed")}
        >
          {h.close}
        </Button>
      )}
      {x.may_record_consent && (
        <CommandForm
          id={`handover-consent-${x.id}`}
          label={h.recordConsent}
          fields={CONSENT_FIELDS}
          initial={{ decision: "given", giver: "parents", at: today }}
          submit={(values) =>
            recordHandoverConsent(x.id, {
              decision: values.decision as "given" | "refused" | "withdrawn",
              giver: values.giver as "parents" | "child",
              at: values.at ?? today,
            })
          }
          done={h.consentDone}
          refresh={[LIST_KEY]}
          onDone={setNotice}
        />
      )}
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
    </article>
  );
}

function PartnershipView({
  handovers,
  perSchool,
  today,
}: {
  handovers: readonly Handover[];
  perSchool: readonly { school_id: string; school_name: string; open: number }[];
  today: string;
}) {
  return (
    <section aria-labelledby="handovers-partnership">
      <Heading level={2} id="handovers-partnership">
        {h.partnership}
      </Heading>
      <Paragraph>{h.partnershipIntro}</Paragraph>
      {handovers.length === 0 ? (
        <Paragraph>{h.partnershipEmpty}</Paragraph>
      ) : (
        <>
          <DataTable
            title={h.partnership}
            testId="handovers-per-school"
            exportDate={today}
            rowKey={(r) => r.school_id}
            rows={perSchool}
            columns={[
              {
                key: "school",
                header: h.columns.school,
                value: (r) => r.school_name,
                rowHeader: true,
              },
              { key: "open", header: h.columns.open, value: (r) => r.open },
            ]}
          />
          <DataTable
            title={h.partnershipList}
            testId="handovers-partnership"
            exportDate={today}
            rowKey={(r) => r.id}
            rows={handovers}
            columns={[
              { key: "from", header: h.columns.from, value: (r) => r.sending_school_name },
              { key: "to", header: h.columns.to, value: (r) => r.receiving_school_name },
              { key: "move", header: h.columns.moveDate, value: (r) => formatDate(r.move_date) },
              { key: "status", header: h.columns.status, value: (r) => h.statuses[r.status] },
            ]}
          />
        </>
      )}
    </section>
  );
}

// The log of data subjects' requests (/verzoeken, privacy officer; AVG art. 15–17, 21; issue 18):
// register a request (the pupil by number, or by BSN — hashed on the server, never stored), see
// every request with its answer term, and handle one: download the access export, record steps,
// erase where the law allows after typing the pupil's number, close it with the outcome. The
// server authorizes and audits every call (src/http/routes/privacy-requests.ts).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import {
  closeSubjectRequest,
  eraseForSubjectRequest,
  fetchSubjectRequests,
  type NewSubjectRequest,
  recordSubjectRequestStep,
  registerSubjectRequest,
  type SubjectRequest,
  subjectRequestExportUrl,
} from "../../api/privacy.ts";
import { fieldErrorsOf } from "../../api/setup.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const s = t.privacyRequests;
const KEY = ["privacy", "requests"];
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SubjectRequestsPage() {
  const me = useCurrentUser();
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => fetchSubjectRequests(signal) });
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState("");
  const current = list.data?.requests.find((r) => r.id === selected);
  return (
    <>
      <PageHeading>{s.title}</PageHeading>
      <Paragraph>{s.intro}</Paragraph>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <NewRequest
        today={appToday(me)}
        onSaved={(r) => {
          setNotice(s.registered(r.id));
          setSelected(r.id);
        }}
      />
      <Heading level={2}>{s.list}</Heading>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <DataTable<SubjectRequest>
          title={s.list}
          captionHidden
          exportDate={appToday(me)}
          rows={list.data.requests}
          rowKey={(r) => String(r.id)}
          emptyText={s.none}
          testId="subject-requests"
          columns={[
            { key: "id", header: s.columns.id, value: (r) => String(r.id), rowHeader: true },
            { key: "kind", header: s.columns.kind, value: (r) => s.kinds[r.kind] ?? r.kind },
            { key: "pupil", header: s.columns.pupil, value: (r) => r.pupil_id ?? s.erased },
            {
              key: "received",
              header: s.columns.received,
              value: (r) => formatDate(r.received_on),
            },
            { key: "due", header: s.columns.due, value: (r) => formatDate(r.due_on) },
            {
              key: "status",
              header: s.columns.status,
              value: (r) => s.statuses[r.status] ?? r.status,
            },
            {
              key: "open",
              header: s.columns.open,
              value: () => "",
              cell: (r) => (
                <Button
                  type="button"
                  purpose="secondary"
                  aria-label={s.openRequest(r.id)}
                  onClick={() => setSelected(r.id)}
                >
                  {s.columns.open}
                </Button>
              ),
            },
          ]}
        />
      )}
      {current && <RequestDetail request={current} onNotice={setNotice} />}
    </>
  );
}

const EMPTY = { kind: "", requester: "", received_on: "", pupil_id: "", bsn: "", note: "" };

function NewRequest({ today, onSaved }: { today: string; onSaved: (r: SubjectRequest) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ ...EMPTY, received_on: today });
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = {
        kind: draft.kind,
        requester: draft.requester,
        received_on: draft.received_on,
      };
      if (draft.pupil_id.trim()) body.pupil_id = draft.pupil_id.trim();
      if (draft.bsn.trim()) body.bsn = draft.bsn.trim();
      if (draft.note.trim()) body.note = draft.note.trim();
      return registerSubjectRequest(body as unknown as NewSubjectRequest);
    },
    onSuccess: async (r) => {
      setDraft({ ...EMPTY, received_on: today });
      onSaved(r);
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const set = (field: keyof typeof EMPTY) => (value: string) =>
    setDraft({ ...draft, [field]: value });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <section aria-labelledby="new-request-heading">
      <Heading level={2} id="new-request-heading">
        {s.newHeading}
      </Heading>
      {save.isError && Object.keys(errors).length === 0 && <ProblemAlert error={save.error} />}
      <form noValidate onSubmit={onSubmit} aria-labelledby="new-request-heading">
        <SelectField
          id="request-kind"
          label={s.kind}
          placeholder={s.chooseKind}
          value={draft.kind}
          error={errors.kind}
          onChange={set("kind")}
          options={options(s.kinds)}
        />
        <SelectField
          id="request-requester"
          label={s.requester}
          placeholder={s.chooseRequester}
          value={draft.requester}
          error={errors.requester}
          onChange={set("requester")}
          options={options(s.requesters)}
        />
        <TextField
          id="request-received_on"
          label={s.receivedOn}
          type="date"
          value={draft.received_on}
          error={errors.received_on}
          onChange={(e) => set("received_on")(e.currentTarget.value)}
        />
        <TextField
          id="request-pupil_id"
          label={s.pupilId}
          spellCheck={false}
          value={draft.pupil_id}
          error={errors.pupil_id}
          onChange={(e) => set("pupil_id")(e.currentTarget.value)}
        />
        <TextField
          id="request-bsn"
          label={s.bsn}
          inputMode="numeric"
          autoComplete="off"
          aria-describedby="request-bsn-hint"
          value={draft.bsn}
          error={errors.bsn}
          onChange={(e) => set("bsn")(e.currentTarget.value)}
        />
        <Paragraph id="request-bsn-hint">{s.bsnHint}</Paragraph>
        <TextAreaField id="request-note" label={s.note} value={draft.note} onChange={set("note")} />
        <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
          {s.register}
        </Button>
      </form>
    </section>
  );
}

function RequestDetail({
  request,
  onNotice,
}: {
  request: SubjectRequest;
  onNotice: (text: string) => void;
}) {
  const queryClient = useQueryClient();
  const done = async () => {
    onNotice(s.saved);
    await queryClient.invalidateQueries({ queryKey: KEY });
  };
  const open = request.status === "open";
  return (
    <section aria-labelledby="request-detail-heading">
      <Heading level={2} id="request-detail-heading">
        {s.detailHeading(request.id)}
      </Heading>
      <dl className="aanwezig-facts">
        <dt>{s.kind}</dt>
        <dd>{s.kinds[request.kind] ?? request.kind}</dd>
        <dt>{s.columns.pupil}</dt>
        <dd>{request.pupil_id ?? s.erased}</dd>
        <dt>{s.requester}</dt>
        <dd>{s.requesters[request.requester] ?? request.requester}</dd>
        <dt>{s.dueLabel}</dt>
        <dd>{formatDate(request.due_on)}</dd>
        <dt>{s.columns.status}</dt>
        <dd>{s.statuses[request.status] ?? request.status}</dd>
        {request.outcome && (
          <>
            <dt>{s.outcomeLabel}</dt>
            <dd>{request.outcome}</dd>
          </>
        )}
      </dl>
      <Heading level={3}>{s.steps}</Heading>
      <ol aria-label={s.steps}>
        {request.steps.map((step) => (
          <li key={step.id}>
            <strong>{s.stepNames[step.step] ?? step.step}</strong> —{" "}
            {s.stepBy(new Date(step.at).toLocaleString(t.locale), step.by ?? s.system)}
            {step.note && <>: {step.note}</>}
          </li>
        ))}
      </ol>
      {request.pupil_id && (
        <>
          <Paragraph>
            <a
              className="nl-link"
              href={subjectRequestExportUrl(request.id)}
              download
              onClick={() => setTimeout(() => void done(), 1000)}
            >
              {s.download}
            </a>
          </Paragraph>
          <Paragraph>{s.downloadHint}</Paragraph>
        </>
      )}
      {open && request.may_record.length > 0 && (
        <StepForm request={request} onSaved={() => void done()} />
      )}
      {open && request.kind === "erasure" && request.pupil_id && (
        <EraseForm request={request} onSaved={() => void done()} />
      )}
      {open && <CloseForm request={request} onSaved={() => void done()} />}
    </section>
  );
}

function StepForm({ request, onSaved }: { request: SubjectRequest; onSaved: () => void }) {
  const [step, setStep] = useState("");
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      recordSubjectRequestStep(request.id, {
        step: step as "note" | "rectified" | "objection_decided",
        note,
      }),
    onSuccess: () => {
      setStep("");
      setNote("");
      onSaved();
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      noValidate
      aria-labelledby="request-step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Heading level={3} id="request-step-heading">
        {s.stepHeading}
      </Heading>
      {request.kind === "rectification" && <Paragraph>{s.rectifyHint}</Paragraph>}
      {save.isError && Object.keys(errors).length === 0 && <ProblemAlert error={save.error} />}
      <SelectField
        id="request-step"
        label={s.step}
        placeholder={s.chooseStep}
        value={step}
        error={errors.step}
        onChange={setStep}
        options={request.may_record.map((v) => ({ value: v, label: s.stepNames[v] ?? v }))}
      />
      <TextAreaField
        id="request-step-note"
        label={s.stepNote}
        value={note}
        error={errors.note}
        onChange={setNote}
      />
      <Button type="submit" purpose="secondary" busy={save.isPending || undefined}>
        {s.saveStep}
      </Button>
    </form>
  );
}

function EraseForm({ request, onSaved }: { request: SubjectRequest; onSaved: () => void }) {
  const [confirm, setConfirm] = useState("");
  const erase = useMutation({
    mutationFn: () => eraseForSubjectRequest(request.id, confirm),
    onSuccess: onSaved,
  });
  const pupilId = request.pupil_id ?? "";
  return (
    <section aria-labelledby="request-erase-heading">
      <Heading level={3} id="request-erase-heading">
        {s.eraseHeading}
      </Heading>
      {request.erasure_refusal ? (
        <Alert type="warning">
          <Heading level={4}>{s.eraseRefused}</Heading>
          <Paragraph>{request.erasure_refusal}</Paragraph>
        </Alert>
      ) : (
        <form
          noValidate
          aria-labelledby="request-erase-heading"
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate();
          }}
        >
          <Paragraph>{s.eraseIntro}</Paragraph>
          {erase.isError && <ProblemAlert error={erase.error} />}
          <TextField
            id="request-erase-confirm"
            label={s.eraseConfirm(pupilId)}
            spellCheck={false}
            autoComplete="off"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          <Button
            type="submit"
            purpose="primary"
            disabled={confirm.trim() !== pupilId || undefined}
            busy={erase.isPending || undefined}
          >
            {s.erase}
          </Button>
        </form>
      )}
    </section>
  );
}

function CloseForm({ request, onSaved }: { request: SubjectRequest; onSaved: () => void }) {
  const [status, setStatus] = useState("");
  const [outcome, setOutcome] = useState("");
  const close = useMutation({
    mutationFn: () =>
      closeSubjectRequest(request.id, {
        status: status as "completed" | "refused",
        outcome,
      }),
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOf(close.error);
  return (
    <form
      noValidate
      aria-labelledby="request-close-heading"
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate();
      }}
    >
      <Heading level={3} id="request-close-heading">
        {s.closeHeading}
      </Heading>
      {close.isError && Object.keys(errors).length === 0 && <ProblemAlert error={close.error} />}
      <SelectField
        id="request-close-status"
        label={s.closeStatus}
        placeholder={s.chooseClose}
        value={status}
        error={errors.status}
        onChange={setStatus}
        options={options(s.closeStatuses)}
      />
      <TextAreaField
        id="request-close-outcome"
        label={s.outcome}
        value={outcome}
        error={errors.outcome}
        onChange={setOutcome}
      />
      <Button type="submit" purpose="primary" busy={close.isPending || undefined}>
        {s.close}
      </Button>
    </form>
  );
}

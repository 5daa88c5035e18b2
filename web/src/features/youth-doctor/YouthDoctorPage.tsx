// /jeugdarts (M@ZL, domain.md §2): the youth doctor's worklist of the referrals from the schools
// of the pupils living in their municipality. Each open referral shows the school's question with
// the form for the feedback to the school (load capacity and advice, no medical details); every
// referral has the youth doctor's own medical notes, which no other role can read.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  fetchMedicalNotes,
  fetchReferrals,
  giveFeedback,
  type LoadCapacity,
  writeMedicalNote,
  type YouthDoctorReferral,
} from "../../api/youth-doctor.ts";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { CommandForm, type FieldSpec } from "../case-file/CommandForm.tsx";
import { feedbackText } from "./ReferralSection.tsx";

const y = t.youthDoctor;

const FEEDBACK_FIELDS: readonly FieldSpec[] = [
  {
    name: "load_capacity",
    kind: "select",
    label: y.fields.loadCapacity,
    options: Object.entries(y.loadCapacities).map(([value, label]) => ({ value, label })),
    required: y.fields.loadCapacityRequired,
  },
  { name: "advice", kind: "textarea", label: y.fields.advice, required: y.fields.adviceRequired },
  { name: "given_on", kind: "date", label: y.fields.givenOn, required: y.fields.givenOnRequired },
];

const NOTE_FIELDS: readonly FieldSpec[] = [
  { name: "text", kind: "textarea", label: y.fields.note, required: y.fields.noteRequired },
  {
    name: "written_on",
    kind: "date",
    label: y.fields.writtenOn,
    required: y.fields.writtenOnRequired,
  },
];

const LIST_KEY = ["youth-doctor-referrals", "worklist"] as const;

export function YouthDoctorPage() {
  const today = appToday(useCurrentUser());
  const referrals = useQuery({
    queryKey: LIST_KEY,
    queryFn: ({ signal }) => fetchReferrals({}, signal),
  });
  const all = referrals.data?.referrals ?? [];
  const open = all.filter((r) => r.status === "open");
  const answered = all.filter((r) => r.status === "answered");
  return (
    <div className="aanwezig-youth-doctor">
      <PageHeading>{y.worklist.title}</PageHeading>
      <Paragraph purpose="lead">{y.worklist.intro}</Paragraph>
      {referrals.isPending && <Loading />}
      {referrals.isError && <ProblemAlert error={referrals.error} />}
      {referrals.data && (
        <>
          <section aria-labelledby="jgz-open">
            <Heading level={2} id="jgz-open">
              {`${y.worklist.open} (${open.length})`}
            </Heading>
            {open.length === 0 && <Paragraph>{y.worklist.emptyOpen}</Paragraph>}
            {open.map((r) => (
              <Referral key={r.id} referral={r} today={today} />
            ))}
          </section>
          <section aria-labelledby="jgz-answered">
            <Heading level={2} id="jgz-answered">
              {`${y.worklist.answered} (${answered.length})`}
            </Heading>
            {answered.length === 0 && <Paragraph>{y.worklist.emptyAnswered}</Paragraph>}
            {answered.map((r) => (
              <Referral key={r.id} referral={r} today={today} />
            ))}
          </section>
        </>
      )}
    </div>
  );
}

function Referral({ referral: r, today }: { referral: YouthDoctorReferral; today: string }) {
  const [notice, setNotice] = useState("");
  const headingId = `jgz-referral-${r.id}`;
  return (
    <article aria-labelledby={headingId} className="aanwezig-card" data-testid="jgz-referral">
      <Heading level={3} id={headingId}>
        {y.worklist.referral(r.pupil_name, formatDate(r.referred_on))}
      </Heading>
      <dl>
        <dt>{y.columns.school}</dt>
        <dd>{r.school_name}</dd>
        <dt>{y.columns.question}</dt>
        <dd>{r.question}</dd>
        <dt>{y.columns.status}</dt>
        <dd>{y.statuses[r.status]}</dd>
        {r.feedback && (
          <>
            <dt>{y.columns.feedback}</dt>
            <dd>{feedbackText(r)}</dd>
          </>
        )}
      </dl>
      {r.may_answer && (
        <CommandForm
          id={`jgz-feedback-${r.id}`}
          label={y.worklist.feedback}
          fields={FEEDBACK_FIELDS}
          initial={{ given_on: today }}
          submit={(values) =>
            giveFeedback(r.id, {
              load_capacity: values.load_capacity as LoadCapacity,
              advice: values.advice?.trim() ?? "",
              given_on: values.given_on ?? today,
            })
          }
          done={y.worklist.feedbackDone}
          refresh={[LIST_KEY]}
          onDone={setNotice}
        />
      )}
      {r.may_read_medical_notes && <MedicalNotes referralId={r.id} today={today} />}
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
    </article>
  );
}

function MedicalNotes({ referralId, today }: { referralId: string; today: string }) {
  const [notice, setNotice] = useState("");
  const notes = useQuery({
    queryKey: ["medical-notes", referralId],
    queryFn: ({ signal }) => fetchMedicalNotes(referralId, signal),
  });
  const headingId = `jgz-notes-${referralId}`;
  return (
    <div className="aanwezig-medical-notes">
      <Heading level={4} id={headingId}>
        {y.worklist.notes}
      </Heading>
      {notes.isError && <ProblemAlert error={notes.error} />}
      {notes.data && notes.data.length === 0 && <Paragraph>{y.worklist.notesEmpty}</Paragraph>}
      {notes.data && notes.data.length > 0 && (
        <ul>
          {notes.data.map((n) => (
            <li key={n.id}>{`${formatDate(n.written_on)}: ${n.text}`}</li>
          ))}
        </ul>
      )}
      <CommandForm
        id={`jgz-note-${referralId}`}
        label={y.worklist.writeNote}
        fields={NOTE_FIELDS}
        initial={{ written_on: today }}
        submit={(values) =>
          writeMedicalNote(referralId, {
            text: values.text?.trim() ?? "",
            written_on: values.written_on ?? today,
          })
        }
        done={y.worklist.noteDone}
        refresh={[["medical-notes", referralId]]}
        onDone={setNotice}
      />
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
    </div>
  );
}

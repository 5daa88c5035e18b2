// The school's side of M@ZL on the pupil page: the pupil's referrals to the youth doctor with the
// school's question and the feedback (load capacity and advice, never medical details), and for
// the mentor and care coordinator the form to refer. Users the server does not let read the
// referrals (403/404) see nothing of it.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api/client.ts";
import {
  fetchReferrals,
  referToYouthDoctor,
  type YouthDoctorReferral,
} from "../../api/youth-doctor.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { CommandForm, type FieldSpec } from "../case-file/CommandForm.tsx";
import { SickObservations } from "./SickObservations.tsx";

const y = t.youthDoctor;

const FIELDS: readonly FieldSpec[] = [
  {
    name: "question",
    kind: "textarea",
    label: y.fields.question,
    required: y.fields.questionRequired,
  },
  {
    name: "consent_on",
    kind: "date",
    label: y.fields.consentOn,
    description: y.fields.consentDescription,
    required: y.fields.consentRequired,
  },
  {
    name: "referred_on",
    kind: "date",
    label: y.fields.referredOn,
    required: y.fields.referredOnRequired,
  },
];

export function feedbackText(r: YouthDoctorReferral): string {
  if (!r.feedback) return "";
  return y.feedbackText(
    y.loadCapacities[r.feedback.load_capacity],
    r.feedback.advice,
    formatDate(r.feedback.given_on),
  );
}

export function ReferralSection({
  pupilId,
  name,
  today,
}: {
  pupilId: string;
  name: string;
  today: string;
}) {
  const [notice, setNotice] = useState("");
  const referrals = useQuery({
    queryKey: ["youth-doctor-referrals", pupilId],
    queryFn: ({ signal }) => fetchReferrals({ pupilId }, signal),
    retry: false,
  });
  if (
    referrals.isPending ||
    (referrals.isError && (isApiError(referrals.error, 403) || isApiError(referrals.error, 404)))
  ) {
    return null;
  }
  return (
    <section aria-labelledby="pupil-youth-doctor" data-testid="youth-doctor-section">
      <Heading level={2} id="pupil-youth-doctor">
        {y.section.title}
      </Heading>
      <Paragraph>{y.section.intro}</Paragraph>
      {referrals.isError && <ProblemAlert error={referrals.error} />}
      {referrals.data && (
        <>
          <DataTable
            title={y.section.table(name)}
            exportDate={today}
            rows={referrals.data.referrals}
            rowKey={(r) => r.id}
            emptyText={y.section.empty}
            columns={[
              {
                key: "referred_on",
                header: y.columns.referredOn,
                value: (r) => r.referred_on,
                cell: (r) => formatDate(r.referred_on),
              },
              {
                key: "question",
                header: y.columns.question,
                value: (r) => r.question,
                rowHeader: true,
              },
              { key: "status", header: y.columns.status, value: (r) => y.statuses[r.status] },
              { key: "feedback", header: y.columns.feedback, value: feedbackText },
            ]}
          />
          {referrals.data.may_refer && (
            <CommandForm
              id="youth-doctor-referral"
              label={y.section.refer}
              fields={FIELDS}
              initial={{ referred_on: today, consent_on: today }}
              submit={(values) =>
                referToYouthDoctor({
                  pupil_id: pupilId,
                  question: values.question?.trim() ?? "",
                  consent_on: values.consent_on ?? "",
                  referred_on: values.referred_on ?? today,
                })
              }
              done={y.section.done}
              refresh={[["youth-doctor-referrals", pupilId]]}
              onDone={setNotice}
            />
          )}
          <p role="status" className="aanwezig-notice">
            {notice}
          </p>
        </>
      )}
      <SickObservations pupilId={pupilId} name={name} today={today} />
    </section>
  );
}

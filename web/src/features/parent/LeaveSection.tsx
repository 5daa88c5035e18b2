// The parent's leave requests for one child (domain.md §4, verlof): the requests with where they
// stand — waiting, granted or refused with the reason and how to object — and a form to ask for
// leave. Shown for every child of the parent, with or without a case.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { fetchLeaveRequests } from "../../api/leave.ts";
import { fetchPupil } from "../../api/pupils.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { LeaveForm } from "../leave/LeaveForm.tsx";
import { LeaveItem } from "../leave/LeaveItem.tsx";

const s = t.leave;

export function LeaveSection({ pupilId }: { pupilId: string }) {
  const pupil = useQuery({
    queryKey: ["pupil", pupilId],
    queryFn: ({ signal }) => fetchPupil(pupilId, signal),
  });
  const requests = useQuery({
    queryKey: ["leave-requests", pupilId],
    queryFn: ({ signal }) => fetchLeaveRequests({ pupilId }, signal),
  });
  const name = pupil.data?.given_name ?? pupilId;
  const id = `leave-${pupilId}`;
  return (
    <section aria-labelledby={id} className="aanwezig-parent__block" data-testid="parent-leave">
      <Heading level={2} id={id}>
        {s.parentHeading(name)}
      </Heading>
      <Paragraph>{s.parentIntro}</Paragraph>
      {requests.isPending && <Loading />}
      {requests.isError && <ProblemAlert error={requests.error} />}
      {requests.data?.length === 0 && <Paragraph>{s.none}</Paragraph>}
      {requests.data?.map((r) => (
        <LeaveItem key={r.id} request={r} showPupil={false} />
      ))}
      <LeaveForm id={`${id}-new`} pupilId={pupilId} heading={s.formHeading} />
    </section>
  );
}

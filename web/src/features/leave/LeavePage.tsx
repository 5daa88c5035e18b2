// /verlof (domain.md §4, verlof): the school's and leerplicht's leave requests. At the top the
// requests waiting for this user's decision (the school head up to 10 school days, leerplicht
// above), each with its decision form; below the others; for the school a form to register a
// request for one of its pupils (chosen with the pupil search). Parents use /mijn-kind.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchLeaveRequests } from "../../api/leave.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { PupilPicker } from "../cases/PupilPicker.tsx";
import { LeaveForm } from "./LeaveForm.tsx";
import { LeaveItem } from "./LeaveItem.tsx";

const s = t.leave;

export function LeavePage() {
  const me = useCurrentUser();
  const requests = useQuery({
    queryKey: ["leave-requests"],
    queryFn: ({ signal }) => fetchLeaveRequests({}, signal),
  });
  const [pupil, setPupil] = useState<{ id: string; label: string } | null>(null);
  const toDecide = (requests.data ?? []).filter((r) => r.may_decide);
  const others = (requests.data ?? []).filter((r) => !r.may_decide);
  return (
    <div className="aanwezig-leave">
      <PageHeading>{s.title}</PageHeading>
      <Paragraph purpose="lead">{s.intro}</Paragraph>
      {requests.isPending && <Loading />}
      {requests.isError && <ProblemAlert error={requests.error} />}
      {requests.data && (
        <>
          <section aria-labelledby="leave-to-decide">
            <Heading level={2} id="leave-to-decide">
              {`${s.toDecide} (${toDecide.length})`}
            </Heading>
            {toDecide.length === 0 && <Paragraph>{s.toDecideNone}</Paragraph>}
            {toDecide.map((r) => (
              <LeaveItem key={r.id} request={r} showPupil />
            ))}
          </section>
          <section aria-labelledby="leave-others">
            <Heading level={2} id="leave-others">
              {`${s.others} (${others.length})`}
            </Heading>
            {others.length === 0 && <Paragraph>{s.none}</Paragraph>}
            {others.map((r) => (
              <LeaveItem key={r.id} request={r} showPupil />
            ))}
          </section>
        </>
      )}
      {me.capabilities.register_leave && (
        <section aria-labelledby="leave-new-heading-section">
          <Heading level={2} id="leave-new-heading-section">
            {s.formHeading}
          </Heading>
          <PupilPicker onPick={(id, label) => setPupil({ id, label })} />
          {pupil && <Paragraph role="status">{s.pupilChosen(pupil.label)}</Paragraph>}
          <LeaveForm id="leave-new" pupilId={pupil?.id ?? null} heading={s.formDetails} />
        </section>
      )}
    </div>
  );
}

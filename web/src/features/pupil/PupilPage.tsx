// The pupil page (/leerlingen/:id): the pupil the API shows this user (GET /api/pupils/{id}),
// the enrolments, the cases the user may see, and the absence calendar of the school year
// (GET /api/pupils/{id}/attendance). A pupil one may not see reads as one that does not exist.
// /leerlingen itself is the search (PupilSearchPage).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { Route, Routes, useParams } from "react-router";
import { fetchAttendance } from "../../api/attendance.ts";
import { fetchCases } from "../../api/cases.ts";
import { isApiError } from "../../api/client.ts";
import { fetchPupil, type Pupil } from "../../api/pupils.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { knownRoles, roleGroupsOf } from "../auth/role-groups.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { MasSection } from "../leerplicht/MasSection.tsx";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
import { ReferralSection } from "../youth-doctor/ReferralSection.tsx";
import { AbsenceOverview } from "./AbsenceOverview.tsx";
import { PupilSearchPage } from "./PupilSearchPage.tsx";
import "./pupil.css";

export function PupilScreen() {
  const me = useCurrentUser();
  // School staff and the chain professionals work with pupils; the server decides per pupil.
  const groups = roleGroupsOf(knownRoles(me.roles));
  if (!groups.includes("school") && !groups.includes("chain")) {
    return (
      <>
        <PageHeading>{t.forbidden.title}</PageHeading>
        <Paragraph>{t.forbidden.body}</Paragraph>
      </>
    );
  }
  return (
    <Routes>
      <Route index element={<PupilSearchPage />} />
      <Route path=":id" element={<PupilPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function PupilPage() {
  const { id = "" } = useParams();
  const pupil = useQuery({
    queryKey: ["pupil", id],
    queryFn: ({ signal }) => fetchPupil(id, signal),
    retry: false,
  });
  if (pupil.isPending) return <Loading />;
  if (pupil.isError) {
    if (isApiError(pupil.error, 404)) {
      return (
        <>
          <PageHeading>{t.pupilPage.notFoundTitle}</PageHeading>
          <Paragraph>{t.pupil.notFound}</Paragraph>
        </>
      );
    }
    return <ProblemAlert error={pupil.error} />;
  }
  return <PupilDetails pupil={pupil.data} />;
}

function PupilDetails({ pupil }: { pupil: Pupil }) {
  const me = useCurrentUser();
  const today = appToday(me);
  const name = `${pupil.given_name} ${pupil.family_name}`;
  const s = t.pupilPage;
  return (
    <>
      <PageHeading>{t.pupil.title(name)}</PageHeading>
      <section aria-labelledby="pupil-details">
        <Heading level={2} id="pupil-details">
          {t.pupil.details}
        </Heading>
        <dl className="aanwezig-facts">
          <div>
            <dt>{t.pupil.pupilId}</dt>
            <dd>{pupil.pupil_id}</dd>
          </div>
          <div>
            <dt>{t.pupil.birthDate}</dt>
            <dd>{formatDate(pupil.birth_date)}</dd>
          </div>
          <div>
            <dt>{t.pupil.municipality}</dt>
            <dd>{pupil.municipality}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="pupil-enrolments">
        <Heading level={2} id="pupil-enrolments">
          {t.pupil.enrolments}
        </Heading>
        <DataTable
          title={s.enrolmentsTable(name)}
          exportable={false}
          exportDate={today}
          rows={pupil.enrolments}
          rowKey={(e) => `${e.school_id}-${e.start_date}`}
          columns={[
            {
              key: "school",
              header: t.pupil.school,
              value: (e) => `${e.school_name} (${e.school_id})`,
              rowHeader: true,
            },
            { key: "start", header: t.pupil.start, value: (e) => formatDate(e.start_date) },
            {
              key: "end",
              header: t.pupil.end,
              value: (e) => (e.end_date ? formatDate(e.end_date) : t.pupil.current),
            },
            { key: "grade", header: t.pupil.grade, value: (e) => e.grade ?? "" },
          ]}
        />
      </section>
      <PupilCases pupilId={pupil.pupil_id} />
      <MasSection pupilId={pupil.pupil_id} name={name} today={today} />
      <ReferralSection pupilId={pupil.pupil_id} name={name} today={today} />
      <PupilAbsence pupilId={pupil.pupil_id} name={name} />
    </>
  );
}

function PupilCases({ pupilId }: { pupilId: string }) {
  const cases = useQuery({ queryKey: ["cases"], queryFn: ({ signal }) => fetchCases(signal) });
  const mine = cases.data?.filter((c) => c.pupil_id === pupilId) ?? [];
  if (!cases.data || mine.length === 0) return null;
  return (
    <section aria-labelledby="pupil-cases">
      <Heading level={2} id="pupil-cases">
        {t.pupil.cases}
      </Heading>
      <ul>
        {mine.map((c) => (
          <li key={c.id}>
            <AppLink to={`/casussen/${encodeURIComponent(c.id)}`}>
              {t.pupilPage.caseLink(t.phases[c.phase], formatDate(c.opened_at))}
            </AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PupilAbsence({ pupilId, name }: { pupilId: string; name: string }) {
  const attendance = useQuery({
    queryKey: ["pupil-attendance", pupilId],
    queryFn: ({ signal }) => fetchAttendance(pupilId, {}, signal),
    retry: false,
  });
  return (
    <section aria-labelledby="pupil-calendar">
      <Heading level={2} id="pupil-calendar">
        {t.pupil.calendar}
      </Heading>
      {attendance.isPending && <Loading />}
      {attendance.isError &&
        (isApiError(attendance.error, 403) ? (
          <Alert type="info">
            <Paragraph>{t.pupilPage.noAttendanceAccess}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={attendance.error} />
        ))}
      {attendance.data && <AbsenceOverview data={attendance.data} name={name} />}
    </section>
  );
}

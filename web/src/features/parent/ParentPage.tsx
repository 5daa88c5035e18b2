// The parent view (/mijn-kind, domain.md §2 and §5): in plain words what is happening around
// their child — the phase, how long, who helps, the plan (who does what, by when), the next
// meeting, the documents shared with parents — and their consent per purpose, which they can
// give, refuse or withdraw (POST /api/cases/{id}/consent; withdrawal takes effect at once).
// The contact person is the case owner by name, role and organisation; a deadline that passed
// reads "Te laat".
// The server shows a parent only their own child's case; this page asks for nothing else.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import {
  type CaseDetail,
  type CaseSummary,
  documentHref,
  fetchCase,
  fetchCases,
} from "../../api/cases.ts";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { ownerLabel } from "../case-file/people.ts";
import { ConsentSection } from "./ConsentSection.tsx";
import { LeaveSection } from "./LeaveSection.tsx";
import { LettersSection } from "./LettersSection.tsx";
import { nextMeeting } from "./next-meeting.ts";
import "./parent.css";
import { formatOrganisation } from "../../components/names.ts";

export function ParentPage() {
  const me = useCurrentUser();
  const cases = useQuery({ queryKey: ["cases"], queryFn: ({ signal }) => fetchCases(signal) });
  const children = new Set(me.scopes.pupil_ids);
  // The case that matters now per child: the open one, else the most recent.
  const current = new Map<string, CaseSummary>();
  for (const c of cases.data ?? []) {
    if (!children.has(c.pupil_id)) continue;
    const seen = current.get(c.pupil_id);
    const better =
      !seen ||
      (seen.phase === "CLOSED" && c.phase !== "CLOSED") ||
      ((seen.phase === "CLOSED") === (c.phase === "CLOSED") && c.opened_at > seen.opened_at);
    if (better) current.set(c.pupil_id, c);
  }
  return (
    <div className="aanwezig-parent">
      <PageHeading>{t.parent.title}</PageHeading>
      <Paragraph purpose="lead">{t.parent.intro}</Paragraph>
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data && current.size === 0 && <Paragraph>{t.parent.none}</Paragraph>}
      {[...current.values()].map((c) => (
        <ChildCase key={c.id} summary={c} />
      ))}
      {me.scopes.pupil_ids.map((pupilId) => (
        <LeaveSection key={pupilId} pupilId={pupilId} />
      ))}
      {me.scopes.pupil_ids.map((pupilId) => (
        <LettersSection key={pupilId} pupilId={pupilId} />
      ))}
    </div>
  );
}

function ChildCase({ summary }: { summary: CaseSummary }) {
  const detail = useQuery({
    queryKey: ["case", summary.id],
    queryFn: ({ signal }) => fetchCase(summary.id, signal),
  });
  const firstName = summary.pupil_name.split(" ")[0] ?? summary.pupil_name;
  return (
    <article className="aanwezig-parent__child" aria-labelledby={`child-${summary.id}`}>
      <Heading level={2} id={`child-${summary.id}`}>
        {t.parent.childHeading(firstName)}
      </Heading>
      {detail.isPending && <Loading />}
      {detail.isError && <ProblemAlert error={detail.error} />}
      {detail.data && <CaseForParent detail={detail.data} />}
    </article>
  );
}

function CaseForParent({ detail }: { detail: CaseDetail }) {
  const me = useCurrentUser();
  const today = appToday(me);
  const s = t.parentPage;
  const phase = detail.phase;
  const meeting = nextMeeting(detail, today);
  const openActions = detail.plan.actions.filter((a) => a.status === "open");
  const doneActions = detail.plan.actions.filter((a) => a.status === "done");
  const deadlines = detail.deadlines.filter((d) => d.code !== "three_month_guarantee");
  return (
    <>
      <section aria-labelledby={`now-${detail.id}`} className="aanwezig-parent__block">
        <Heading level={3} id={`now-${detail.id}`}>
          {t.parent.now}
        </Heading>
        <Paragraph>{t.phasesPlain[phase] ?? detail.phase}</Paragraph>
        {detail.phase !== "CLOSED" && (
          <>
            <Paragraph>{t.parent.weeksAbsent(detail.clock_weeks)}</Paragraph>
            <Paragraph data-testid="parent-contact">
              {t.parent.contactPerson(ownerLabel(detail))}
            </Paragraph>
            <Paragraph>{t.parent.promise(formatDate(detail.three_month.due_date))}</Paragraph>
          </>
        )}
        {detail.closing && (
          <Paragraph>
            {s.closed(formatDate(detail.closing.closed_at), t.outcomes[detail.closing.outcome])}
          </Paragraph>
        )}
      </section>

      <section aria-labelledby={`plan-${detail.id}`} className="aanwezig-parent__block">
        <Heading level={3} id={`plan-${detail.id}`}>
          {t.parent.plan}
        </Heading>
        {detail.plan.goals.length === 0 && detail.plan.actions.length === 0 && (
          <Paragraph>{t.parent.planEmpty}</Paragraph>
        )}
        {detail.plan.goals.length > 0 && (
          <>
            <Heading level={4}>{s.goals}</Heading>
            <ul className="aanwezig-parent__list">
              {detail.plan.goals.map((g) => (
                <li key={g.id}>
                  {s.goal(
                    t.goalDomains[g.domain] ?? g.domain,
                    g.text,
                    g.measure,
                    formatDate(g.target_date),
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {openActions.length > 0 && (
          <>
            <Heading level={4}>{s.whoDoesWhat}</Heading>
            <ul className="aanwezig-parent__list" data-testid="parent-actions">
              {openActions.map((a) => (
                <li key={a.id}>
                  {t.parent.whoDoesWhat(
                    a.description,
                    formatOrganisation(a.owner_organisation, detail),
                    formatDate(a.due_date),
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {doneActions.length > 0 && (
          <>
            <Heading level={4}>{s.done}</Heading>
            <ul className="aanwezig-parent__list">
              {doneActions.map((a) => (
                <li key={a.id}>{t.parent.doneAction(a.description)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby={`meeting-${detail.id}`} className="aanwezig-parent__block">
        <Heading level={3} id={`meeting-${detail.id}`}>
          {s.nextMeeting}
        </Heading>
        <Paragraph data-testid="parent-next-meeting">
          {meeting
            ? s.meetingOn(meeting.team ?? t.meetingKinds[meeting.kind], formatDate(meeting.date))
            : s.noMeeting}
        </Paragraph>
      </section>

      {deadlines.length > 0 && (
        <section aria-labelledby={`deadlines-${detail.id}`} className="aanwezig-parent__block">
          <Heading level={3} id={`deadlines-${detail.id}`}>
            {t.parent.deadlines}
          </Heading>
          <ul className="aanwezig-parent__list" data-testid="parent-deadlines">
            {deadlines.map((d) => {
              const what = t.deadlines[d.code];
              // Overdue says so in words, with the danger style beside them (not colour alone).
              return (
                <li key={d.code}>
                  {d.met_on ? (
                    t.parent.deadlineMet(what, formatDate(d.met_on))
                  ) : d.status === "overdue" ? (
                    <>
                      <StatusText tone="danger">{t.parent.overdue}</StatusText>{" "}
                      {t.parent.deadlineOverdue(what, formatDate(d.due_date))}
                    </>
                  ) : (
                    t.parent.deadlineLine(what, formatDate(d.due_date))
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <ConsentSection detail={detail} />

      <section aria-labelledby={`documents-${detail.id}`} className="aanwezig-parent__block">
        <Heading level={3} id={`documents-${detail.id}`}>
          {t.parent.documents}
        </Heading>
        {detail.documents.length === 0 ? (
          <Paragraph>{s.noDocuments}</Paragraph>
        ) : (
          <ul className="aanwezig-parent__list">
            {detail.documents.map((d) => (
              <li key={d.id}>
                <a className="nl-link" href={documentHref(detail.id, d.id)} download={d.name}>
                  {t.caseFile.documents.download(d.name)}
                </a>{" "}
                ({formatDate(d.uploaded_at)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

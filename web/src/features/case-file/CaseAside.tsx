// The case file's side column (issue 11, deliverable 4), sticky on wide screens so it stays in
// view while the user works further down: the summary (phase, clock, next deadline — overdue in
// words —, owner, the 3-month date) with the status message of the last command, the menu of the
// file's sections (in-page links; the URL hash keeps the section on a reload), and what the user
// can do now: a link to each form on the page, which opens it and puts focus in it.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { MouseEvent, Ref } from "react";
import { useNavigate } from "react-router";
import type { CaseDetail } from "../../api/cases.ts";
import { formatDate } from "../../components/format.ts";
import { formatPupil } from "../../components/names.ts";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { deadlineName, phaseName } from "../cases/CaseTable.tsx";
import { Fact } from "./CaseSections.tsx";
import { commandAnchor, useRegisteredCommands } from "./command-registry.tsx";
import { ownerLabel } from "./people.ts";
import { caseSections, SECTION_ANCHORS, type SectionId } from "./section-anchors.ts";

const f = t.caseFile;
const n = t.caseFile.navigation;

export function CaseAside({
  detail,
  notice,
  noticeRef,
  current,
}: {
  detail: CaseDetail;
  notice: string | undefined;
  noticeRef: Ref<HTMLParagraphElement>;
  /** The section the URL hash names. */
  current: SectionId | undefined;
}) {
  const navigate = useNavigate();
  const commands = useRegisteredCommands();
  // In-page links through the router, so the hash is in the URL (a reload keeps the section)
  // and the case file moves focus to where the link leads.
  const go = (anchor: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void navigate({ hash: anchor }, { replace: true, preventScrollReset: true });
  };
  return (
    <div className="aanwezig-case-aside">
      <section aria-labelledby="case-summary" className="aanwezig-case-summary">
        <Heading level={2} id="case-summary" appearance="level-4">
          {f.summary}
        </Heading>
        <p
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          className="aanwezig-notice"
          data-testid="case-notice"
        >
          {notice ?? ""}
        </p>
        <Summary detail={detail} />
      </section>
      <nav aria-labelledby="case-sections-menu" className="aanwezig-case-menu">
        <Heading level={2} id="case-sections-menu" appearance="level-4">
          {n.sections}
        </Heading>
        <ul>
          {caseSections(detail).map((id) => (
            <li key={id}>
              <a
                className="nl-link"
                href={`#${SECTION_ANCHORS[id]}`}
                aria-current={current === id ? "location" : undefined}
                onClick={go(SECTION_ANCHORS[id])}
              >
                {f.sections[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="case-can-do" className="aanwezig-case-menu">
        <Heading level={2} id="case-can-do" appearance="level-4">
          {n.canDo}
        </Heading>
        {commands.length === 0 ? (
          <Paragraph>{n.nothingToDo}</Paragraph>
        ) : (
          <ul data-testid="case-can-do">
            {commands.map((command) => (
              <li key={command.id}>
                <a
                  className="nl-link"
                  href={`#${commandAnchor(command.id)}`}
                  onClick={go(commandAnchor(command.id))}
                >
                  {command.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Summary({ detail }: { detail: CaseDetail }) {
  const next = detail.next_deadline;
  return (
    <>
      <dl className="aanwezig-facts aanwezig-facts--stacked" data-testid="case-summary">
        <Fact label={f.facts.pupil} value={formatPupil(detail)} />
        <Fact label={f.facts.phase} value={phaseName(detail.phase)} />
        <Fact
          label={f.facts.clock}
          value={f.clockValue(
            detail.clock_weeks,
            f.clockMode[detail.clock_mode] ?? detail.clock_mode,
          )}
        />
        <Fact
          label={f.facts.nextDeadline}
          value={
            next ? (
              <StatusText tone={toneOf(next.status)}>
                {deadlineName(next.code)}: {formatDate(next.due_date)} (
                {t.deadlineStatus[next.status]})
              </StatusText>
            ) : (
              t.common.none
            )
          }
        />
        <Fact label={f.facts.owner} value={ownerLabel(detail)} />
        <Fact
          label={f.facts.threeMonth}
          value={
            <StatusText tone={toneOf(detail.three_month.status)}>
              {formatDate(detail.three_month.due_date)} (
              {t.cases.threeMonthStatus[detail.three_month.status]})
            </StatusText>
          }
        />
      </dl>
      {detail.closing && (
        <Paragraph>
          {f.closed(
            t.outcomes[detail.closing.outcome as keyof typeof t.outcomes] ?? detail.closing.outcome,
            formatDate(detail.closing.closed_at),
          )}{" "}
          {detail.closing.guarantee_held === true && f.guaranteeHeld}
          {detail.closing.guarantee_held === false && f.guaranteeMissed}
        </Paragraph>
      )}
    </>
  );
}

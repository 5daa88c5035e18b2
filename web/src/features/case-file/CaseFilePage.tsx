// The case file at /casussen/:id (issue 5; domain.md §5): what the case is (phase, clock,
// guarantee), what the user may do now (driven by the server's allowed_actions), and every part
// of the case in its own section. A case the user may not see answers 404 from the server and
// shows the same "not found" as one that does not exist.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation, useParams } from "react-router";
import type { CaseDetail, PlanAction } from "../../api/cases.ts";
import { isApiError } from "../../api/client.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate, personLabel } from "../../components/format.ts";
import { formatOrganisation, formatPupil, formatSchool } from "../../components/names.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { useCase } from "../cases/queries.ts";
import { MasSection } from "../leerplicht/MasSection.tsx";
import { allowedCommands, type UiCommand } from "./allowed.ts";
import { CaseAside } from "./CaseAside.tsx";
import { VerwijsindexSection } from "./VerwijsindexSection.tsx";
import "./case-file.css";
import { BudgetCommands, UploadDocumentForm } from "./CaseBudgetCommands.tsx";
import {
  AddActionForm,
  AddGoalForm,
  ConsentForm,
  markActionDone,
  PhaseCommands,
  refreshKeys,
  StagnationForm,
} from "./CaseCommands.tsx";
import { ESCALATION_COMMANDS, EscalationCommands } from "./CaseEscalationCommands.tsx";
import {
  BudgetSection,
  ConsentTables,
  DeadlinesSection,
  DocumentsSection,
  EscalationSections,
  Fact,
  GoalsTable,
  LadderSection,
  MeetingsSection,
  ParticipantsSection,
  Section,
  StagnationTable,
  TimelineSection,
} from "./CaseSections.tsx";
import {
  LadderForm,
  MeetingForm,
  ParticipantCommands,
  ResolveStagnationForm,
} from "./CaseWorkCommands.tsx";
import { CommandRegistry, commandAnchor, useCommandRegistry } from "./command-registry.tsx";
import { LetterForm } from "./LetterForm.tsx";
import { RecordEventForm } from "./RecordEventForm.tsx";
import { sectionOfAnchor } from "./section-anchors.ts";

const f = t.caseFile;

/** The message after a command; `seq` moves focus to it again when the same text repeats. */
interface Notice {
  text: string | undefined;
  seq: number;
}

export function CaseFilePage() {
  const { id = "" } = useParams();
  const query = useCase(id);
  const location = useLocation();
  const initialNotice = (location.state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<Notice>({ text: initialNotice, seq: 0 });
  const announce = useCallback(
    (text: string) => setNotice((current) => ({ text, seq: current.seq + 1 })),
    [],
  );
  if (query.isPending) {
    return (
      <>
        <PageHeading>{t.cases.title}</PageHeading>
        <Loading />
      </>
    );
  }
  if (query.isError) {
    // A command here that ended the user's part in the case (closing it: outside professionals
    // see a case only while it is open, domain.md §2) says what happened, not "not found".
    const lostAccess = notice.seq > 0 && isApiError(query.error, 404);
    if (lostAccess) {
      return (
        <>
          <PageHeading>{t.cases.title}</PageHeading>
          <p
            role="status"
            ref={(el) => el?.focus()}
            tabIndex={-1}
            className="aanwezig-notice"
            data-testid="case-notice"
          >
            {notice.text ?? ""}
          </p>
          <Paragraph>{f.noLongerVisible}</Paragraph>
          <Paragraph>
            <AppLink to="/casussen">{f.back}</AppLink>
          </Paragraph>
        </>
      );
    }
    return (
      <>
        <PageHeading>{isApiError(query.error, 404) ? t.notFound.title : t.cases.title}</PageHeading>
        <ProblemAlert error={query.error} />
        <Paragraph>
          <AppLink to="/casussen">{f.back}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <CommandRegistry>
      <CaseFile detail={query.data} notice={notice} onNotice={announce} />
    </CommandRegistry>
  );
}

function CaseFile({
  detail,
  notice,
  onNotice,
}: {
  detail: CaseDetail;
  notice: Notice;
  onNotice: (message: string) => void;
}) {
  const me = useCurrentUser();
  const today = appToday(me);
  const myId = me.user.id;
  const allowed = allowedCommands(detail);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const location = useLocation();
  const registry = useCommandRegistry();
  // After a command its form closes and focus returns to the form's button (CommandForm); only
  // when that button is gone (the command is no longer possible, an action was marked done)
  // focus goes to the message in the summary, which is in view, without scrolling the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the notice or the case changes
  useEffect(() => {
    if (notice.seq === 0) return;
    const active = document.activeElement;
    if (!active || active === document.body) noticeRef.current?.focus({ preventScroll: true });
  }, [notice.seq, detail]);
  // The URL hash names a section (its heading takes focus) or a form (it opens): from the
  // section menu, the "what you can do" links, or a reload.
  const goToHash = useCallback(
    (hash: string) => {
      const anchor = decodeURIComponent(hash.slice(1));
      if (!anchor) return;
      if (anchor.startsWith(commandAnchor(""))) {
        registry.open(anchor.slice(commandAnchor("").length));
        return;
      }
      document.getElementById(anchor)?.querySelector<HTMLElement>("h2")?.focus();
    },
    [registry],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation has its own key
  useEffect(() => goToHash(location.hash), [location.key]);
  // A hash the browser changed itself (typed in the address bar, a plain link).
  useEffect(() => {
    const onHashChange = () => goToHash(window.location.hash);
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [goToHash]);
  const may = (command: UiCommand) => allowed?.has(command) ?? false;
  const props = { c: detail, myId, today };
  const phaseCommands =
    allowed !== null &&
    (["escalate", "breakthrough", "arbitration", "close", ...ESCALATION_COMMANDS] as const).some(
      may,
    );
  const more = { detail, myId, today, allowed: allowed ?? new Set<UiCommand>(), onDone: onNotice };
  return (
    <>
      <PageHeading>{f.title(detail.pupil_name)}</PageHeading>
      <div className="aanwezig-case-layout">
        <CaseAside
          detail={detail}
          notice={notice.text}
          noticeRef={noticeRef}
          current={sectionOfAnchor(decodeURIComponent(location.hash.slice(1)))}
        />
        <div className="aanwezig-case-content">
          <CaseFacts detail={detail} />

          <Section id="actions" title={f.sections.actions}>
            {allowed === null ? (
              <Paragraph>{f.commands.noActionsYet}</Paragraph>
            ) : phaseCommands ? (
              <>
                <Paragraph>{f.commands.intro}</Paragraph>
                <EscalationCommands {...more} />
                <PhaseCommands detail={detail} today={today} allowed={allowed} onDone={onNotice} />
              </>
            ) : (
              <Paragraph>{f.commands.none}</Paragraph>
            )}
          </Section>

          <Section id="plan" title={f.sections.plan}>
            <GoalsTable {...props} />
            {may("addGoal") && <AddGoalForm detail={detail} today={today} onDone={onNotice} />}
            <ActionsTable
              detail={detail}
              myId={myId}
              today={today}
              mayUpdate={may("markActionDone")}
              onDone={onNotice}
            />
            {may("addAction") && (
              <AddActionForm detail={detail} myId={myId} today={today} onDone={onNotice} />
            )}
          </Section>

          <MeetingsSection {...props}>
            {may("meeting") && <MeetingForm {...more} />}
          </MeetingsSection>
          <ParticipantsSection {...props}>
            <ParticipantCommands {...more} />
          </ParticipantsSection>

          <Section id="consent" title={f.sections.consent}>
            <ConsentTables {...props} />
            {may("consent") && <ConsentForm detail={detail} onDone={onNotice} />}
          </Section>

          <DeadlinesSection {...props}>
            {may("recordEvent") && (
              <RecordEventForm detail={detail} today={today} onDone={onNotice} />
            )}
          </DeadlinesSection>
          <Section id="stagnation" title={f.sections.stagnation}>
            <StagnationTable {...props} />
            {may("stagnation") && <StagnationForm detail={detail} onDone={onNotice} />}
            {may("resolveStagnation") && (
              <ResolveStagnationForm detail={detail} onDone={onNotice} />
            )}
          </Section>
          <LadderSection {...props}>
            {may("ladder") && <LadderForm detail={detail} onDone={onNotice} />}
          </LadderSection>
          <TimelineSection {...props} />

          <EscalationSections {...props} />
          <MasSection pupilId={detail.pupil_id} name={formatPupil(detail)} today={today} />
          <VerwijsindexSection caseId={detail.id} name={formatPupil(detail)} today={today} />
          <BudgetSection {...props}>
            <BudgetCommands {...more} />
          </BudgetSection>
          <DocumentsSection {...props}>
            {may("uploadDocument") && <UploadDocumentForm detail={detail} onDone={onNotice} />}
            {may("produceLetter") && <LetterForm detail={detail} onDone={onNotice} />}
          </DocumentsSection>
          <Paragraph>
            <AppLink to="/casussen">{f.back}</AppLink>
          </Paragraph>
        </div>
      </div>
    </>
  );
}

/** What the case is about and since when; the summary beside it holds what changes. */
function CaseFacts({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="case-details" className="aanwezig-case-section">
      <h2 id="case-details" className="aanwezig-visually-hidden">
        {f.details}
      </h2>
      <dl className="aanwezig-facts aanwezig-facts--grid" data-testid="case-facts">
        <Fact
          label={f.facts.pupil}
          value={
            <>
              {formatPupil(detail)}{" "}
              <AppLink to={`/leerlingen/${encodeURIComponent(detail.pupil_id)}`}>
                {f.pupilLink}
              </AppLink>
            </>
          }
        />
        <Fact label={f.facts.school} value={formatSchool(detail)} />
        <Fact label={f.facts.absenceStart} value={formatDate(detail.absence_start_date)} />
        <Fact label={f.facts.openedAt} value={formatDate(detail.opened_at)} />
        <Fact
          label={f.facts.opening}
          value={
            detail.opening.kind === "signals"
              ? f.openingBySignals(detail.opening.signal_ids.length)
              : `${f.openingByHand}${detail.opening.reason ? `: ${detail.opening.reason}` : ""}`
          }
        />
      </dl>
    </section>
  );
}

function ActionsTable({
  detail,
  myId,
  today,
  mayUpdate,
  onDone,
}: {
  detail: CaseDetail;
  myId: string;
  today: string;
  mayUpdate: boolean;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: (actionId: string) => markActionDone(detail.id, actionId),
    onSuccess: async () => {
      onDone(t.common.saved);
      const [first, ...rest] = refreshKeys(detail.id);
      for (const queryKey of rest) void queryClient.invalidateQueries({ queryKey });
      await queryClient.invalidateQueries({ queryKey: first });
    },
  });
  const owner = new Map(
    detail.participants.map((p) => [p.person_id, personLabel(p, myId, detail)]),
  );
  return (
    <>
      {done.isError && <ProblemAlert error={done.error} />}
      <DataTable<PlanAction>
        title={f.plan.actions}
        rows={detail.plan.actions}
        rowKey={(a) => a.id}
        exportDate={today}
        emptyText={f.plan.noActions}
        columns={[
          {
            key: "description",
            header: f.plan.action,
            value: (a) => a.description,
            rowHeader: true,
          },
          { key: "owner", header: f.plan.owner, value: (a) => owner.get(a.owner_person_id) ?? "" },
          {
            key: "organisation",
            header: f.plan.organisation,
            value: (a) => formatOrganisation(a.owner_organisation, detail),
          },
          {
            key: "due",
            header: f.plan.due,
            value: (a) => a.due_date,
            cell: (a) =>
              a.overdue ? (
                <StatusText tone="danger">
                  {formatDate(a.due_date)} ({f.plan.overdue})
                </StatusText>
              ) : (
                formatDate(a.due_date)
              ),
            sortable: true,
          },
          {
            key: "status",
            header: f.plan.status,
            value: (a) => t.actionStatus[a.status] ?? a.status,
            cell: (a) =>
              a.status === "open" && mayUpdate ? (
                <Button
                  type="button"
                  purpose="secondary"
                  aria-label={f.plan.markDoneFor(a.description)}
                  busy={done.isPending && done.variables === a.id}
                  onClick={() => done.mutate(a.id)}
                >
                  {f.plan.markDone}
                </Button>
              ) : (
                (t.actionStatus[a.status] ?? a.status)
              ),
          },
        ]}
        testId="case-actions"
      />
    </>
  );
}

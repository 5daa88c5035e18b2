// The read-only parts of the case file, each a table under its own heading: timeline,
// deadlines, ladder, plan (goals and actions), meetings, participants, consent, stagnation,
// budget, documents, arbitration, referral and the breakthrough team's agenda.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { ReactNode } from "react";
import { type CaseDetail, documentHref } from "../../api/cases.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate, formatEuros, personLabel } from "../../components/format.ts";
import { formatOrganisation } from "../../components/names.ts";
import { StatusText, toneOf } from "../../components/StatusText.tsx";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";
import { deadlineName } from "../cases/CaseTable.tsx";
import { SECTION_ANCHORS, type SectionId } from "./section-anchors.ts";
import { caseTimeline, type TimelineEntry } from "./timeline.ts";

const name = (table: Record<string, string>, code: string) => table[code] ?? code;
const f = t.caseFile;

export function Section({
  id,
  title,
  children,
}: {
  id: SectionId;
  title: string;
  children: ReactNode;
}) {
  // The heading takes focus when the section menu or the URL hash leads here.
  return (
    <section
      aria-labelledby={`case-${id}`}
      className="aanwezig-case-section"
      data-section={id}
      id={SECTION_ANCHORS[id]}
    >
      <Heading level={2} id={`case-${id}`} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

interface Props {
  c: CaseDetail;
  myId: string;
  today: string;
  /** The section's forms, after its table. */
  children?: ReactNode;
}

function people(c: CaseDetail, myId: string) {
  const byId = new Map(c.participants.map((p) => [p.person_id, personLabel(p, myId, c)]));
  return (id: string) => byId.get(id) ?? (id === myId ? t.caseFile.participants.you : "");
}

export function TimelineSection({ c, today }: Props) {
  return (
    <Section id="timeline" title={f.sections.timeline}>
      <DataTable<TimelineEntry>
        title={f.sections.timeline}
        rows={caseTimeline(c)}
        rowKey={(e) => e.key}
        exportDate={today}
        emptyText={f.timeline.empty}
        columns={[
          {
            key: "date",
            header: f.timeline.date,
            value: (e) => e.date,
            cell: (e) => formatDate(e.date),
            sortable: true,
          },
          { key: "what", header: f.timeline.event, value: (e) => e.what, rowHeader: true },
          { key: "detail", header: f.timeline.reason, value: (e) => e.detail },
          { key: "by", header: f.timeline.by, value: (e) => e.by },
        ]}
        testId="case-timeline"
      />
    </Section>
  );
}

export function DeadlinesSection({ c, myId, today, children }: Props) {
  const who = people(c, myId);
  return (
    <Section id="deadlines" title={f.sections.deadlines}>
      <DataTable
        title={f.sections.deadlines}
        rows={c.deadlines}
        rowKey={(d) => d.code}
        exportDate={today}
        exportable={false}
        columns={[
          {
            key: "deadline",
            header: f.deadlines.deadline,
            value: (d) => deadlineName(d.code),
            rowHeader: true,
          },
          {
            key: "due",
            header: f.deadlines.due,
            value: (d) => d.due_date,
            cell: (d) => formatDate(d.due_date),
            sortable: true,
          },
          {
            key: "status",
            header: f.deadlines.status,
            value: (d) => t.deadlineStatus[d.status],
            cell: (d) => (
              <StatusText tone={toneOf(d.status)}>{t.deadlineStatus[d.status]}</StatusText>
            ),
            sortable: true,
          },
          { key: "met", header: f.deadlines.metOn, value: (d) => formatDate(d.met_on) },
          {
            key: "responsible",
            header: f.deadlines.responsible,
            value: (d) =>
              d.responsible.person_id
                ? who(d.responsible.person_id) || roleTitle(d.responsible.role)
                : roleTitle(d.responsible.role),
          },
        ]}
        testId="case-deadlines"
      />
      {children}
    </Section>
  );
}

export function LadderSection({ c, today, children }: Props) {
  return (
    <Section id="ladder" title={f.sections.ladder}>
      <DataTable
        title={f.sections.ladder}
        rows={c.ladder}
        rowKey={(l) => `${l.at}-${l.situation}-${l.mode}`}
        exportDate={today}
        exportable={false}
        emptyText={f.ladder.empty}
        columns={[
          { key: "at", header: f.ladder.date, value: (l) => formatDate(l.at) },
          {
            key: "situation",
            header: f.ladder.situation,
            value: (l) => name(t.ladderSituations, l.situation),
            rowHeader: true,
          },
          { key: "mode", header: f.ladder.mode, value: (l) => name(t.workingModes, l.mode) },
          { key: "reason", header: f.ladder.reason, value: (l) => l.reason },
        ]}
      />
      {children}
    </Section>
  );
}

export function GoalsTable({ c, today }: Props) {
  return (
    <DataTable
      title={f.plan.goals}
      rows={c.plan.goals}
      rowKey={(g) => g.id}
      exportDate={today}
      exportable={false}
      emptyText={f.plan.noGoals}
      columns={[
        { key: "text", header: f.plan.goalText, value: (g) => g.text, rowHeader: true },
        { key: "domain", header: f.plan.goalDomain, value: (g) => name(t.goalDomains, g.domain) },
        { key: "measure", header: f.plan.goalMeasure, value: (g) => g.measure },
        { key: "target", header: f.plan.goalTarget, value: (g) => formatDate(g.target_date) },
      ]}
      testId="case-goals"
    />
  );
}

export function MeetingsSection({ c, myId, today, children }: Props) {
  const who = people(c, myId);
  return (
    <Section id="meetings" title={f.sections.meetings}>
      <DataTable
        title={f.sections.meetings}
        rows={c.meetings}
        rowKey={(m) => m.id}
        exportDate={today}
        exportable={false}
        emptyText={f.meetings.none}
        columns={[
          { key: "date", header: f.meetings.date, value: (m) => formatDate(m.date) },
          {
            key: "kind",
            header: f.meetings.kind,
            value: (m) => name(t.meetingKinds, m.kind),
            rowHeader: true,
          },
          {
            key: "participants",
            header: f.meetings.participants,
            value: (m) => m.participant_ids.map(who).filter(Boolean).join("; "),
          },
          {
            key: "decisions",
            header: f.meetings.decisions,
            value: (m) => m.decisions.map((d) => d.text).join("; "),
          },
        ]}
      />
      {children}
    </Section>
  );
}

export function ParticipantsSection({ c, myId, today, children }: Props) {
  return (
    <Section id="participants" title={f.sections.participants}>
      <DataTable
        title={f.sections.participants}
        rows={c.participants}
        rowKey={(p) => `${p.person_id}-${p.role}-${p.since}`}
        exportDate={today}
        exportable={false}
        columns={[
          {
            key: "person",
            header: f.participants.role,
            value: (p) =>
              `${roleTitle(p.role)}${p.person_id === myId ? ` ${f.participants.you}` : ""}${p.person_id === c.owner.person_id ? ` (${f.participants.owner})` : ""}`,
            rowHeader: true,
          },
          {
            key: "organisation",
            header: f.participants.organisation,
            value: (p) => formatOrganisation(p.organisation, c),
          },
          { key: "since", header: f.participants.since, value: (p) => formatDate(p.since) },
          { key: "until", header: f.participants.until, value: (p) => formatDate(p.until) },
        ]}
        testId="case-participants"
      />
      {children}
    </Section>
  );
}

export function ConsentTables({ c, today }: Props) {
  return (
    <>
      <DataTable
        title={f.sections.consent}
        rows={c.consent.status}
        rowKey={(s) => `${s.purpose}-${s.subject ?? ""}`}
        exportDate={today}
        exportable={false}
        columns={[
          {
            key: "purpose",
            header: f.consent.purpose,
            value: (s) => name(t.consentPurposes, s.purpose),
            rowHeader: true,
          },
          { key: "subject", header: f.consent.subject, value: (s) => s.subject ?? "" },
          { key: "state", header: f.consent.state, value: (s) => name(t.consentStates, s.state) },
          {
            key: "authority",
            header: f.consent.authority,
            value: (s) => name(t.consentAuthority, s.authority),
          },
        ]}
        testId="case-consent"
      />
      {c.consent.records.length > 0 && (
        <DataTable
          title={f.consent.history}
          rows={c.consent.records}
          rowKey={(r) => r.id}
          exportDate={today}
          exportable={false}
          columns={[
            { key: "at", header: f.consent.date, value: (r) => formatDate(r.at) },
            {
              key: "purpose",
              header: f.consent.purpose,
              value: (r) => name(t.consentPurposes, r.purpose),
              rowHeader: true,
            },
            { key: "subject", header: f.consent.subject, value: (r) => r.subject ?? "" },
            {
              key: "decision",
              header: f.consent.decision,
              value: (r) => name(f.consent.decisions, r.decision),
            },
            {
              key: "giver",
              header: f.consent.giver,
              value: (r) =>
                r.giver.kind === "child" ? f.consent.giverChild : f.consent.giverParent,
            },
          ]}
        />
      )}
    </>
  );
}

export function StagnationTable({ c, today }: Props) {
  return (
    <DataTable
      title={f.sections.stagnation}
      rows={c.stagnation}
      rowKey={(s) => s.id}
      exportDate={today}
      exportable={false}
      emptyText={f.stagnation.none}
      columns={[
        {
          key: "cause",
          header: f.stagnation.cause,
          value: (s) => name(t.stagnationCauses, s.cause),
          rowHeader: true,
        },
        { key: "note", header: f.stagnation.note, value: (s) => s.note },
        { key: "flagged", header: f.stagnation.flaggedAt, value: (s) => formatDate(s.flagged_at) },
        {
          key: "resolved",
          header: f.stagnation.resolvedAt,
          value: (s) => (s.resolved_at ? formatDate(s.resolved_at) : f.stagnation.open),
        },
      ]}
      testId="case-stagnation"
    />
  );
}

export function BudgetSection({ c, today, children }: Props) {
  if (c.budget === null) return null;
  return (
    <Section id="budget" title={f.sections.budget}>
      <DataTable
        title={f.sections.budget}
        rows={c.budget}
        rowKey={(b) => b.id}
        exportDate={today}
        emptyText={f.budget.none}
        columns={[
          {
            key: "date",
            header: f.budget.date,
            value: (b) => b.recorded_at,
            cell: (b) => formatDate(b.recorded_at),
          },
          {
            key: "kind",
            header: f.budget.kind,
            value: (b) => name(t.budgetKinds, b.kind),
            rowHeader: true,
          },
          {
            key: "amount",
            header: f.budget.amount,
            value: (b) => (b.amount_cents === null ? null : b.amount_cents / 100),
            cell: (b) => formatEuros(b.amount_cents),
          },
          { key: "purpose", header: f.budget.purpose, value: (b) => b.purpose ?? "" },
        ]}
      />
      {children}
    </Section>
  );
}

export function DocumentsSection({ c, today, children }: Props) {
  return (
    <Section id="documents" title={f.sections.documents}>
      <DataTable
        title={f.sections.documents}
        rows={c.documents}
        rowKey={(d) => d.id}
        exportDate={today}
        exportable={false}
        emptyText={f.documents.none}
        columns={[
          {
            key: "name",
            header: f.documents.name,
            value: (d) => d.name,
            cell: (d) => (
              <a
                className="nl-link"
                href={documentHref(c.id, d.id)}
                download={d.name}
                aria-label={f.documents.download(d.name)}
              >
                {d.name}
              </a>
            ),
            rowHeader: true,
          },
          {
            key: "size",
            header: f.documents.size,
            value: (d) => `${Math.max(1, Math.round(d.size_bytes / 1024))} kB`,
          },
          {
            key: "visibility",
            header: f.documents.visibility,
            value: (d) => name(t.documentVisibility, d.visibility),
          },
          {
            key: "uploaded",
            header: f.documents.uploaded,
            value: (d) => formatDate(d.uploaded_at),
          },
        ]}
      />
      {children}
    </Section>
  );
}

export function EscalationSections({ c }: Props) {
  const a = c.arbitration;
  const r = c.prosecutor_referral;
  return (
    <>
      {c.breakthrough_agenda.length > 0 && (
        <Section id="agenda" title={f.sections.agenda}>
          <ul>
            {c.breakthrough_agenda.map((item) => (
              <li key={`${item.team}-${item.added_on}`}>
                {item.team}: {t.agenda.addedOn.toLowerCase()} {formatDate(item.added_on)};{" "}
                {t.agenda.meetingDate.toLowerCase()}{" "}
                {item.meeting_date
                  ? formatDate(item.meeting_date)
                  : t.agenda.notPlanned.toLowerCase()}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {a && (
        <Section id="arbitration" title={f.sections.arbitration}>
          <dl className="aanwezig-facts">
            <Fact label={f.arbitration.startedAt} value={formatDate(a.started_at)} />
            <Fact label={f.arbitration.parentsRepresentative} value={a.parents_representative} />
            <Fact label={f.arbitration.ownPartnershipMember} value={a.own_partnership_member} />
            <Fact
              label={f.arbitration.neighbouringPartnershipMember}
              value={a.neighbouring_partnership_member}
            />
            <Fact label={f.arbitration.ruling} value={a.ruling ?? f.arbitration.noRuling} />
            {a.parents_accept !== null && (
              <Fact
                label={f.arbitration.parentsAccept}
                value={a.parents_accept ? t.common.yes : t.common.no}
              />
            )}
          </dl>
        </Section>
      )}
      {r && (
        <Section id="prosecutor" title={f.sections.prosecutor}>
          <dl className="aanwezig-facts">
            <Fact label={f.prosecutor.route} value={name(f.prosecutor.routes, r.route)} />
            <Fact label={f.prosecutor.referredAt} value={formatDate(r.referred_at)} />
            <Fact label={f.prosecutor.reason} value={r.reason} />
          </dl>
        </Section>
      )}
    </>
  );
}

export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function EmptyNote({ text }: { text: string }) {
  return <Paragraph>{text}</Paragraph>;
}

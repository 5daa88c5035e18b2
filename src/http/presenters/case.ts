// What a client sees of a case (interfaces.md: GET /api/cases, GET /api/cases/{id}). The one
// place that decides the shape: the clock, deadlines and 3-month status come from the domain
// (caseClockWeeks, caseDeadlines, guaranteeState); documents are filtered by the caller's right
// to read them; parents get no budget lines (domain.md §2: plan, deadlines, consent, documents).
import { z } from "zod";
import type { CaseView } from "../../db/repositories/cases-view.ts";
import type { IsoDate } from "../../domain/calendar/dates.ts";
import { caseClockWeeks } from "../../domain/cases/clock.ts";
import {
  CONSENT_PURPOSES,
  type ConsentAuthority,
  type ConsentDecision,
  type ConsentPurpose,
  type ConsentState,
  consentStatus,
} from "../../domain/cases/consent.ts";
import {
  caseDeadlines,
  DEADLINE_CODES,
  type Deadline,
  nextDeadline,
} from "../../domain/cases/deadlines.ts";
import { guaranteeState, threeMonthDueDate } from "../../domain/cases/guarantee.ts";
import {
  CASE_OUTCOMES,
  CASE_PHASES,
  type Case,
  type CaseActor,
  LADDER_SITUATIONS,
  STAGNATION_CAUSES,
  WORKING_MODES,
} from "../../domain/cases/model.ts";
import type { ActionStatus, GoalDomain, MeetingKind, Plan } from "../../domain/cases/plan.ts";
import type { DocumentVisibility } from "../../domain/policy/resources.ts";
import { ROLE_CODES } from "../../domain/policy/roles.ts";
import { CASE_ACTION_NAMES, type CaseActionName } from "../case-action-names.ts";

/** A person of the case: a role of domain.md §2 (ROLE_CODES). */
const Role = z.enum(ROLE_CODES);
const Phase = z.enum(CASE_PHASES);
const Person = z.object({ person_id: z.string(), role: Role, organisation: z.string() });
const By = z.object({
  kind: z.enum(["person", "system"]),
  person_id: z.string().nullable(),
  role: Role.nullable(),
});

const DeadlineSchema = z
  .object({
    code: z.enum(DEADLINE_CODES),
    due_date: z.iso.date(),
    status: z.enum(["open", "met", "overdue", "at_risk", "breached"]),
    met_on: z.iso.date().nullable(),
    on_time: z.boolean().nullable(),
    responsible: z.object({ role: Role, person_id: z.string().nullable() }),
    kpi_target: z.number().nullable(),
  })
  .meta({ id: "CaseDeadline" });

const ThreeMonth = z.object({
  due_date: z.iso.date(),
  status: z.enum(["met", "open", "at_risk", "breached"]),
  breach_marked_at: z.iso.date().nullable(),
});

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    pupil_name: z.string(),
    school_id: z.string(),
    school_name: z.string().describe("the case school's name (school_id is its BRIN code)"),
    municipality: z
      .string()
      .describe("the pupil's municipality of residence (the worklists filter cases by it)"),
    phase: Phase,
    opened_at: z.iso.date(),
    absence_start_date: z.iso.date(),
    clock_weeks: z.number().int(),
    owner: Person,
    next_deadline: DeadlineSchema.nullable(),
    three_month: ThreeMonth,
  })
  .meta({ id: "CaseSummary" });

export const CaseDetailSchema = CaseSummarySchema.extend({
  opening: z.object({
    kind: z.enum(["signals", "by_hand"]),
    reason: z.string().nullable(),
    signal_ids: z.array(z.string()),
  }),
  clock_mode: z.enum(["lesweken", "calendar_weeks"]),
  deadlines: z.array(DeadlineSchema),
  participants: z.array(
    Person.extend({
      name: z
        .string()
        .nullable()
        .describe("the person's name, so people read who takes part (null when unknown)"),
      since: z.iso.date(),
      until: z.iso.date().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      command: z.string(),
      from: Phase,
      to: Phase,
      at: z.iso.date(),
      by: By,
      reason: z.string(),
      basis: z.string(),
    }),
  ),
  breakthrough_check: z.object({
    requested_at: z.iso.date().nullable(),
    offer_expected_within_4_weeks: z.boolean().nullable(),
    decided_at: z.iso.date().nullable(),
  }),
  stagnation: z.array(
    z.object({
      id: z.string(),
      cause: z.enum(STAGNATION_CAUSES),
      note: z.string(),
      flagged_at: z.iso.date(),
      resolved_at: z.iso.date().nullable(),
    }),
  ),
  ladder: z.array(
    z.object({
      situation: z.enum(LADDER_SITUATIONS),
      mode: z.enum(WORKING_MODES),
      at: z.iso.date(),
      reason: z.string(),
    }),
  ),
  plan: z.object({
    goals: z.array(
      z.object({
        id: z.string(),
        domain: z.enum(["education", "care"] satisfies GoalDomain[]),
        text: z.string(),
        measure: z.string(),
        set_on: z.iso.date(),
        target_date: z.iso.date(),
      }),
    ),
    actions: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        owner_person_id: z.string(),
        owner_organisation: z.string(),
        due_date: z.iso.date(),
        status: z.enum(["open", "done", "cancelled"] satisfies ActionStatus[]),
        overdue: z.boolean(),
        meeting_id: z.string().nullable(),
      }),
    ),
  }),
  meetings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["mdo_zat", "breakthrough_team", "arbitration_hearing"] satisfies MeetingKind[]),
      date: z.iso.date(),
      participant_ids: z.array(z.string()),
      decisions: z.array(
        z.object({ id: z.string(), text: z.string(), action_id: z.string().nullable() }),
      ),
    }),
  ),
  events: z.array(
    z.object({ id: z.string(), kind: z.string(), date: z.iso.date(), person_id: z.string() }),
  ),
  consent: z.object({
    status: z.array(
      z.object({
        purpose: z.enum(CONSENT_PURPOSES),
        subject: z.string().nullable(),
        state: z.enum(["given", "refused", "withdrawn", "not_asked"] satisfies ConsentState[]),
        authority: z.enum(["parents", "parents_and_child", "child"] satisfies ConsentAuthority[]),
      }),
    ),
    records: z.array(
      z.object({
        id: z.string(),
        purpose: z.enum(CONSENT_PURPOSES),
        subject: z.string().nullable(),
        decision: z.enum(["given", "refused", "withdrawn"] satisfies ConsentDecision[]),
        giver: z.object({ kind: z.enum(["parent", "child"]), person_id: z.string().nullable() }),
        at: z.iso.date(),
      }),
    ),
  }),
  documents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mime_type: z.string(),
      size_bytes: z.number().int(),
      visibility: z.enum([
        "professionals",
        "also_parents",
        "jgz_only",
      ] satisfies DocumentVisibility[]),
      uploaded_at: z.string(),
    }),
  ),
  budget: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        amount_cents: z.number().int().nullable(),
        purpose: z.string().nullable(),
        refers_to: z.string().nullable(),
        recorded_at: z.iso.date(),
      }),
    )
    .nullable()
    .describe("null for parents: the budget is the professionals' business"),
  arbitration: z
    .object({
      started_at: z.iso.date(),
      chair_person_id: z.string(),
      parents_representative: z.string(),
      own_partnership_member: z.string(),
      neighbouring_partnership_member: z.string(),
      ruling: z.string().nullable(),
      ruling_recorded_at: z.iso.date().nullable(),
      parents_accept: z.boolean().nullable(),
    })
    .nullable(),
  prosecutor_referral: z
    .object({ route: z.enum(["civil", "criminal"]), referred_at: z.iso.date(), reason: z.string() })
    .nullable(),
  breakthrough_agenda: z.array(
    z.object({ team: z.string(), added_on: z.iso.date(), meeting_date: z.iso.date().nullable() }),
  ),
  closing: z
    .object({
      outcome: z.enum(CASE_OUTCOMES),
      closed_at: z.iso.date(),
      duration_days: z.number().int(),
      guarantee_held: z.boolean().nullable(),
    })
    .nullable(),
  allowed_actions: z
    .array(z.enum(CASE_ACTION_NAMES))
    .describe(
      "the commands the current user may give on this case now, each named by its path below " +
        "/api/cases/{id}/ (e.g. `goals`, `escalate`, `actions/{action_id}/status`); computed " +
        "by the same policy and phase rules the commands are checked by",
    ),
})
  .describe(
    "Parents get the plan, deadlines, consent, participants and the documents shared with them " +
      "(domain.md §2), and when meetings take place (meetings without participants and " +
      "decisions, the breakthrough agenda): history, stagnation, ladder, events and the " +
      "breakthrough check come empty, budget null.",
  )
  .meta({ id: "CaseDetail" });

export type CaseSummaryBody = z.infer<typeof CaseSummarySchema>;
export type CaseDetailBody = z.infer<typeof CaseDetailSchema>;

function presentDeadline(d: Deadline) {
  return {
    code: d.code,
    due_date: d.dueDate,
    status: d.status,
    met_on: d.metOn ?? null,
    on_time: d.onTime ?? null,
    responsible: { role: d.responsible.role, person_id: d.responsible.personId },
    kpi_target: d.kpiTarget ?? null,
  };
}

function presentBy(by: CaseActor) {
  return by.kind === "person"
    ? { kind: "person" as const, person_id: by.personId, role: by.role }
    : { kind: "system" as const, person_id: null, role: null };
}

function deadlinesOf(view: Pick<CaseView, "case" | "calendar" | "events" | "plan">, asOf: IsoDate) {
  return caseDeadlines(view.case, view.calendar, asOf, { events: view.events, plan: view.plan });
}

export function presentCaseSummary(
  view: Pick<CaseView, "case" | "pupil" | "schoolName" | "calendar" | "events" | "plan">,
  asOf: IsoDate,
): CaseSummaryBody {
  const c = view.case;
  const clockDate = c.closing ? c.closing.closedAt : asOf;
  const next = nextDeadline(c, deadlinesOf(view, asOf));
  return {
    id: c.id,
    pupil_id: c.pupilId,
    pupil_name: `${view.pupil.givenName} ${view.pupil.familyName}`,
    school_id: c.schoolId,
    school_name: view.schoolName,
    municipality: view.pupil.municipality,
    phase: c.phase,
    opened_at: c.openedAt,
    absence_start_date: c.absenceStartDate,
    clock_weeks: caseClockWeeks(c, view.calendar, clockDate),
    owner: { person_id: c.owner.personId, role: c.owner.role, organisation: c.owner.organisation },
    next_deadline: next ? presentDeadline(next) : null,
    three_month: {
      due_date: threeMonthDueDate(c),
      status: c.closing
        ? c.closing.guaranteeHeld === false
          ? "breached"
          : "met"
        : guaranteeState(c, asOf),
      breach_marked_at: c.threeMonthBreachMarkedAt ?? null,
    },
  };
}

function presentPlan(plan: Plan, asOf: IsoDate) {
  return {
    goals: plan.goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      text: g.text,
      measure: g.measure,
      set_on: g.setOn,
      target_date: g.targetDate,
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner_person_id: a.ownerPersonId,
      owner_organisation: a.ownerOrganisation,
      due_date: a.dueDate,
      status: a.status,
      overdue: a.status === "open" && a.dueDate < asOf,
      meeting_id: a.fromDecision?.meetingId ?? null,
    })),
  };
}

function consentOverview(view: CaseView, asOf: IsoDate) {
  const partners = [
    ...new Set(view.consent.records.filter((r) => r.subject).map((r) => r.subject as string)),
  ];
  type Asked = { purpose: ConsentPurpose; subject: string | undefined };
  const asked = CONSENT_PURPOSES.flatMap((purpose): Asked[] =>
    purpose === "involve_partner"
      ? partners.map((subject) => ({ purpose, subject }))
      : [{ purpose, subject: undefined }],
  );
  return asked.map(({ purpose, subject }) => {
    const status = consentStatus(view.consent, purpose, subject, asOf);
    return { purpose, subject: subject ?? null, state: status.state, authority: status.authority };
  });
}

export interface DetailOptions {
  canReadDocument: (visibility: DocumentVisibility) => boolean;
  /**
   * Whether the user may see the opening signal with this id: a signal resting on authorized
   * absence is hidden from leerplicht without consent (a) (domain.md §5).
   */
  canSeeSignal: (signalId: string) => boolean;
  /**
   * Parents see their child's case as domain.md §2 lists it — plan, deadlines, consent and the
   * documents shared with them (and who takes part, which they consented to, and when meetings
   * take place) — not the professionals' working notes: history reasons, stagnation notes,
   * ladder, who said what in meetings, contact events, the week-8 decision and the budget.
   */
  audience: "professional" | "parent";
  /** Command route names the user may use now (src/commands/allowed-actions.ts). */
  allowedActions: readonly CaseActionName[];
  /** Names of the people taking part, by person id. */
  personNames?: ReadonlyMap<string, string>;
}

export function presentCaseDetail(
  view: CaseView,
  asOf: IsoDate,
  options: DetailOptions,
): CaseDetailBody {
  const c: Case = view.case;
  const professional = options.audience === "professional";
  const decision = professional ? c.breakthroughCheck.decision : undefined;
  return {
    ...presentCaseSummary(view, asOf),
    opening: {
      kind: c.opening.kind,
      reason: c.opening.kind === "by_hand" ? c.opening.reason : null,
      signal_ids:
        c.opening.kind === "signals" ? c.opening.signalIds.filter(options.canSeeSignal) : [],
    },
    clock_mode: c.clockMode,
    deadlines: deadlinesOf(view, asOf).map(presentDeadline),
    participants: c.participants.map((p) => ({
      person_id: p.personId,
      role: p.role,
      organisation: p.organisation,
      name: options.personNames?.get(p.personId) ?? null,
      since: p.since,
      until: p.until ?? null,
    })),
    history: (professional ? c.history : []).map((r) => ({
      command: r.command,
      from: r.from,
      to: r.to,
      at: r.at,
      by: presentBy(r.by),
      reason: r.reason,
      basis: r.basis,
    })),
    breakthrough_check: {
      requested_at: (professional && c.breakthroughCheck.requestedAt) || null,
      offer_expected_within_4_weeks: decision?.offerExpectedWithin4Weeks ?? null,
      decided_at: decision?.decidedAt ?? null,
    },
    stagnation: (professional ? c.stagnationFlags : []).map((f) => ({
      id: f.id,
      cause: f.cause,
      note: f.note,
      flagged_at: f.flaggedAt,
      resolved_at: f.resolvedAt ?? null,
    })),
    ladder: (professional ? c.ladder : []).map((s) => ({
      situation: s.situation,
      mode: s.mode,
      at: s.at,
      reason: s.reason,
    })),
    plan: presentPlan(view.plan, asOf),
    // Parents learn when meetings about their child take place (their page names the next
    // one), not who said what: no participants, no decisions (those that ask someone to act
    // reach them as plan actions).
    meetings: view.plan.meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      date: m.date,
      participant_ids: professional ? [...m.participantIds] : [],
      decisions: (professional ? m.decisions : []).map((d) => ({
        id: d.id,
        text: d.text,
        action_id: d.action?.id ?? null,
      })),
    })),
    events: (professional ? view.events : []).map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      person_id: e.personId,
    })),
    consent: {
      status: consentOverview(view, asOf),
      records: view.consent.records.map((r) => ({
        id: r.id,
        purpose: r.purpose,
        subject: r.subject ?? null,
        decision: r.decision,
        giver: {
          kind: r.giver.kind,
          person_id: r.giver.kind === "parent" ? r.giver.personId : null,
        },
        at: r.at,
      })),
    },
    documents: view.documents
      .filter((d) => options.canReadDocument(d.visibility))
      .map((d) => ({
        id: d.id,
        name: d.name,
        mime_type: d.mimeType,
        size_bytes: d.sizeBytes,
        visibility: d.visibility,
        uploaded_at: d.uploadedAt.toISOString(),
      })),
    budget: professional
      ? view.budget.map((e) => ({
          id: e.id,
          kind: e.kind,
          amount_cents: e.kind === "commitment" || e.kind === "contribution" ? e.amountCents : null,
          purpose: e.kind === "commitment" ? e.purpose : e.kind === "reversal" ? e.reason : null,
          refers_to:
            e.kind === "attribution" ? e.commitmentId : e.kind === "reversal" ? e.reversesId : null,
          recorded_at: e.recordedAt,
        }))
      : null,
    arbitration: view.arbitration
      ? {
          started_at: view.arbitration.startedAt,
          chair_person_id: view.arbitration.chairPersonId,
          parents_representative: view.arbitration.parentsRepresentative,
          own_partnership_member: view.arbitration.ownPartnershipMember,
          neighbouring_partnership_member: view.arbitration.neighbouringPartnershipMember,
          ruling: view.arbitration.rulingText,
          ruling_recorded_at: view.arbitration.rulingRecordedAt,
          parents_accept: view.arbitration.parentsAccept,
        }
      : null,
    prosecutor_referral: view.referral
      ? {
          route: view.referral.route as "civil" | "criminal",
          referred_at: view.referral.referredAt,
          reason: view.referral.reason,
        }
      : null,
    // The breakthrough team's meeting date is the next meeting a parent must know of.
    breakthrough_agenda: view.agenda.map((a) => ({
      team: a.teamName,
      added_on: a.addedOn,
      meeting_date: a.meetingDate,
    })),
    closing: c.closing
      ? {
          outcome: c.closing.outcome,
          closed_at: c.closing.closedAt,
          duration_days: c.closing.durationDays,
          guarantee_held: c.closing.guaranteeHeld,
        }
      : null,
    allowed_actions: [...options.allowedActions],
  };
}

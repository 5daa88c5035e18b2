// The closed chain's records (domain.md §5 and §6): cases with their history, participants,
// stagnation, ladder, plan, meetings, documents, consent, events, breakthrough team, arbitration,
// prosecutor referral, the frictiebudget ledger, the exemption register's extras, Variawet
// records and the arrangements catalogue. The rules live in src/domain/cases and
// src/domain/money; these tables store what those functions return. Ids are text (random
// UUIDs made by the application), so the domain can name a record before it is stored.
// Append-only tables (consent_records, budget_ledger, case_transitions) are guarded by triggers
// in a custom migration, like the audit log.

import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { pupils, schools } from "./region.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const day = (name: string) => date(name, { mode: "string" });

export const cases = pgTable(
  "cases",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.schoolId),
    phase: text("phase").notNull(),
    ownerPersonId: text("owner_person_id").notNull(),
    ownerRole: text("owner_role").notNull(),
    ownerOrganisation: text("owner_organisation").notNull(),
    openedAt: day("opened_at").notNull(),
    /** `signals` or `by_hand`; by hand carries the reason, from signals their ids. */
    openingKind: text("opening_kind").notNull(),
    openingReason: text("opening_reason"),
    openingSignalIds: jsonb("opening_signal_ids").$type<string[]>(),
    absenceStartDate: day("absence_start_date").notNull(),
    absenceStartedSick: boolean("absence_started_sick").notNull().default(false),
    clockMode: text("clock_mode").notNull(),
    breakthroughCheckRequestedAt: day("breakthrough_check_requested_at"),
    /** The week-8 decision: { offerExpectedWithin4Weeks, reason, decidedAt, by }. */
    breakthroughCheckDecision: jsonb("breakthrough_check_decision"),
    offerStartedOn: day("offer_started_on"),
    threeMonthBreachMarkedAt: day("three_month_breach_marked_at"),
    closedOutcome: text("closed_outcome"),
    closedAt: day("closed_at"),
    closedDurationDays: integer("closed_duration_days"),
    closedGuaranteeHeld: boolean("closed_guarantee_held"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_pupil_idx").on(t.pupilId),
    index("cases_school_idx").on(t.schoolId),
    index("cases_phase_idx").on(t.phase),
    // One open case per pupil (issue 20 item 8b): a second one would split the clock, the plan
    // and the participants. The command refuses it first; this holds under concurrent requests.
    uniqueIndex("cases_one_open_per_pupil_idx").on(t.pupilId).where(sql`${t.phase} <> 'CLOSED'`),
  ],
);

/** Every accepted command: who, when, why, from, to and the rule it relied on. */
export const caseTransitions = pgTable(
  "case_transitions",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    command: text("command").notNull(),
    fromPhase: text("from_phase").notNull(),
    toPhase: text("to_phase").notNull(),
    at: day("at").notNull(),
    /** `person` (by_person_id, by_role) or `system` (by_job). */
    byKind: text("by_kind").notNull(),
    byPersonId: text("by_person_id"),
    byRole: text("by_role"),
    byJob: text("by_job"),
    reason: text("reason").notNull(),
    basis: text("basis").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

export const caseParticipants = pgTable(
  "case_participants",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    personId: text("person_id").notNull(),
    role: text("role").notNull(),
    organisation: text("organisation").notNull(),
    since: day("since").notNull(),
    until: day("until"),
    /** Set when the law ended the participation (consent (b) withdrawn), not a person. */
    endedBecause: text("ended_because"),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.seq] }),
    index("case_participants_person_idx").on(t.personId),
  ],
);

export const stagnationFlags = pgTable(
  "stagnation_flags",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    cause: text("cause").notNull(),
    note: text("note").notNull(),
    flaggedAt: day("flagged_at").notNull(),
    byPersonId: text("by_person_id"),
    byRole: text("by_role"),
    resolvedAt: day("resolved_at"),
  },
  (t) => [index("stagnation_flags_case_idx").on(t.caseId)],
);

export const ladderSteps = pgTable(
  "ladder_steps",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    situation: text("situation").notNull(),
    mode: text("mode").notNull(),
    at: day("at").notNull(),
    byPersonId: text("by_person_id"),
    byRole: text("by_role"),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

export const planGoals = pgTable(
  "plan_goals",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    domain: text("domain").notNull(),
    text: text("text").notNull(),
    measure: text("measure").notNull(),
    setOn: day("set_on").notNull(),
    targetDate: day("target_date").notNull(),
  },
  (t) => [index("plan_goals_case_idx").on(t.caseId)],
);

export const planActions = pgTable(
  "plan_actions",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    description: text("description").notNull(),
    ownerPersonId: text("owner_person_id").notNull(),
    ownerOrganisation: text("owner_organisation").notNull(),
    dueDate: day("due_date").notNull(),
    status: text("status").notNull(),
    meetingId: text("meeting_id"),
    decisionId: text("decision_id"),
  },
  (t) => [index("plan_actions_case_idx").on(t.caseId)],
);

/** MDO/ZAT, breakthrough team or arbitration hearing; decisions with an action feed the plan. */
export const meetings = pgTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    date: day("date").notNull(),
    participantIds: jsonb("participant_ids").$type<string[]>().notNull(),
    /** [{ id, text, actionId? }]: the decisions in order; actions are in plan_actions. */
    decisions: jsonb("decisions")
      .$type<{ id: string; text: string; actionId?: string }[]>()
      .notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [index("meetings_case_idx").on(t.caseId)],
);

/** Attachments kept in the database itself, so a backup holds the whole case file. */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** professionals | also_parents | jgz_only */
    visibility: text("visibility").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_documents_case_idx").on(t.caseId)],
);

/** Informed consent per pupil and purpose; append-only (a withdrawal is a new row). */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: text("id").primaryKey(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    caseId: text("case_id").references(() => cases.id),
    purpose: text("purpose").notNull(),
    subject: text("subject"),
    decision: text("decision").notNull(),
    giverKind: text("giver_kind").notNull(),
    giverPersonId: text("giver_person_id"),
    at: day("at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [index("consent_records_pupil_idx").on(t.pupilId, t.seq)],
);

/** Contacts, conversations, reviews: what satisfies the deadlines of the §5 table. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    date: day("date").notNull(),
    personId: text("person_id").notNull(),
    note: text("note"),
  },
  (t) => [index("case_events_case_idx").on(t.caseId)],
);

/** The standing breakthrough team of a region (a municipality's or partnership's area). */
export const breakthroughTeams = pgTable("breakthrough_teams", {
  id: text("id").primaryKey(),
  /** The municipality of residence the team serves. */
  municipality: text("municipality").notNull(),
  name: text("name").notNull(),
});

export const breakthroughTeamMembers = pgTable(
  "breakthrough_team_members",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => breakthroughTeams.id),
    seq: integer("seq").notNull(),
    /** education, youth_care, jgz, leerplicht, raad_kinderbescherming, veiligheidshuis, youth_protection */
    discipline: text("discipline").notNull(),
    name: text("name").notNull(),
    organisation: text("organisation").notNull(),
    userId: text("user_id"),
    /** The day the member left the team (set-up screen); null while they sit on it. */
    endedOn: day("ended_on"),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.seq] })],
);

export const breakthroughAgenda = pgTable(
  "breakthrough_agenda",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => breakthroughTeams.id),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    addedOn: day("added_on").notNull(),
    meetingDate: day("meeting_date"),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.caseId, t.addedOn] })],
);

/** The committee (§5 ARBITRATION) and its binding ruling. */
export const arbitrations = pgTable("arbitrations", {
  caseId: text("case_id")
    .primaryKey()
    .references(() => cases.id),
  startedAt: day("started_at").notNull(),
  chairPersonId: text("chair_person_id").notNull(),
  parentsRepresentative: text("parents_representative").notNull(),
  ownPartnershipMember: text("own_partnership_member").notNull(),
  neighbouringPartnershipMember: text("neighbouring_partnership_member").notNull(),
  rulingText: text("ruling_text"),
  rulingRecordedAt: day("ruling_recorded_at"),
  parentsAccept: boolean("parents_accept"),
});

export const prosecutorReferrals = pgTable("prosecutor_referrals", {
  caseId: text("case_id")
    .primaryKey()
    .references(() => cases.id),
  /** civil: via the Raad voor de Kinderbescherming; criminal: straight to the OM. */
  route: text("route").notNull(),
  referredAt: day("referred_at").notNull(),
  referredBy: text("referred_by").notNull(),
  reason: text("reason").notNull(),
});

/** The frictiebudget ledger (§6): append-only, corrections are reversal rows. */
export const budgetLedger = pgTable(
  "budget_ledger",
  {
    id: text("id").primaryKey(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    budgetId: text("budget_id").notNull(),
    year: integer("year").notNull(),
    kind: text("kind").notNull(),
    partyKind: text("party_kind"),
    partyId: text("party_id"),
    caseId: text("case_id").references(() => cases.id),
    amountCents: integer("amount_cents"),
    purpose: text("purpose"),
    commitmentId: text("commitment_id"),
    shares: jsonb("shares").$type<{ party: { kind: string; id: string }; amountCents: number }[]>(),
    reversesId: text("reverses_id"),
    reason: text("reason"),
    recordedAt: day("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    index("budget_ledger_budget_idx").on(t.budgetId, t.year),
    index("budget_ledger_case_idx").on(t.caseId),
    uniqueIndex("budget_ledger_reverses_idx").on(t.reversesId),
  ],
);

/** The exemption register's extras beside the imported `exemptions` rows (§6). */
export const exemptionDecisions = pgTable(
  "exemption_decisions",
  {
    pupilId: text("pupil_id").notNull(),
    kind: text("kind").notNull(),
    startDate: day("start_date").notNull(),
    decisionMaker: text("decision_maker").notNull(),
    advicePartnershipBy: text("advice_partnership_by"),
    advicePartnershipOn: day("advice_partnership_on"),
    adviceDoctorBy: text("advice_doctor_by"),
    adviceDoctorOn: day("advice_doctor_on"),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.kind, t.startDate] })],
);

export const variawetRecords = pgTable(
  "variawet_records",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id").notNull(),
    schoolId: text("school_id").notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    hoursPerWeek: integer("hours_per_week").notNull(),
    approved: boolean("approved"),
    approvedBy: text("approved_by"),
    approvedOn: day("approved_on"),
    caseId: text("case_id").references(() => cases.id),
  },
  (t) => [index("variawet_records_pupil_idx").on(t.pupilId)],
);

export const arrangements = pgTable("arrangements", {
  id: text("id").primaryKey(),
  providerId: text("provider_id").notNull(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  capacity: integer("capacity").notNull(),
  /** The day the place left the catalogue; null while it is offered. */
  endedOn: day("ended_on"),
});

export const arrangementPlacements = pgTable(
  "arrangement_placements",
  {
    arrangementId: text("arrangement_id")
      .notNull()
      .references(() => arrangements.id),
    pupilId: text("pupil_id").notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date"),
  },
  (t) => [primaryKey({ columns: [t.arrangementId, t.pupilId, t.startDate] })],
);

/** A waiting pupil; `stagnation_flag_id` links the wait to the case's stagnation by waiting list. */
export const waitingListEntries = pgTable(
  "waiting_list_entries",
  {
    arrangementId: text("arrangement_id")
      .notNull()
      .references(() => arrangements.id),
    pupilId: text("pupil_id").notNull(),
    since: day("since").notNull(),
    leftOn: day("left_on"),
    caseId: text("case_id").references(() => cases.id),
    stagnationFlagId: text("stagnation_flag_id").references(() => stagnationFlags.id),
  },
  (t) => [primaryKey({ columns: [t.arrangementId, t.pupilId, t.since] })],
);

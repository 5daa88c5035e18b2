// Signal state over time (domain.md §4, "A signal is a state"): the state per (pupil, school,
// code), its append-only transitions, the daily evaluation runs, the hand-recorded SICK_NOTABLE
// observations, the change log that makes incremental evaluation exact, and the DUO absence
// reports (verzuimmeldingen) with their status history. The rules live in src/domain/signals.

import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const day = (name: string) => date(name, { mode: "string" });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One signal's life: raised, open, handled, resolved. A resolved row is history; when the signal
 * holds again a new row is raised, so at most one live (open/handled) row exists per key.
 */
export const signalStates = pgTable(
  "signal_states",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pupilId: text("pupil_id").notNull(),
    /** '' for the population signals (ABSOLUTE, EXEMPTION_5A_NO_ADVICE). */
    schoolId: text("school_id").notNull(),
    code: text("code").notNull(),
    status: text("status").notNull(),
    raisedOn: day("raised_on").notNull(),
    /**
     * The last evaluation date at which it held, as stored. While `held` is true the row is not
     * rewritten each day: the date a reader must use is then that of the latest finished run
     * (`lastHeldOnSql` in services/signal-state-store.ts).
     */
    lastHeldOn: day("last_held_on").notNull(),
    /**
     * It held at the latest finished evaluation run (issue 19: a state that keeps holding is not
     * rewritten every day; written only when it starts or stops holding or its attributes change).
     */
    held: boolean("held").notNull().default(false),
    resolvedOn: day("resolved_on"),
    /**
     * Evidence and attributes of the evaluation at which the signal was raised, began to hold
     * again, or changed its attributes (the evidence at any date is evaluated: GET /api/signals).
     */
    evidence: jsonb("evidence").notNull(),
    attributes: jsonb("attributes").notNull(),
    /** `case` (handled_case_id) or `known` (handled_reason). */
    handledKind: text("handled_kind"),
    handledCaseId: text("handled_case_id"),
    handledReason: text("handled_reason"),
    handledBy: text("handled_by"),
    handledAt: at("handled_at"),
  },
  (t) => [
    uniqueIndex("signal_states_live_key")
      .on(t.pupilId, t.schoolId, t.code)
      .where(sql`status <> 'resolved'`),
    index("signal_states_school_status_idx").on(t.schoolId, t.status),
    index("signal_states_pupil_idx").on(t.pupilId),
  ],
);

/** Every state change, append-only (guarded by a trigger). */
export const signalTransitions = pgTable(
  "signal_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    stateId: bigint("state_id", { mode: "number" })
      .notNull()
      .references(() => signalStates.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    onDate: day("on_date").notNull(),
    reason: text("reason").notNull(),
    actor: text("actor").notNull(),
    at: at("at").notNull().defaultNow(),
    runId: bigint("run_id", { mode: "number" }),
  },
  (t) => [index("signal_transitions_state_idx").on(t.stateId)],
);

export const evaluationRuns = pgTable("evaluation_runs", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  asOf: day("as_of").notNull(),
  /** What was asked (`full` or `incremental`) and what ran (an incremental run may need a full one). */
  mode: text("mode").notNull(),
  modeRun: text("mode_run"),
  profile: text("profile").notNull(),
  actor: text("actor").notNull(),
  startedAt: at("started_at").notNull().defaultNow(),
  finishedAt: at("finished_at"),
  unitsEvaluated: integer("units_evaluated").notNull().default(0),
  personsEvaluated: integer("persons_evaluated").notNull().default(0),
  /** { holding, raised, resolved, updated, live } and timings in ms. */
  counts: jsonb("counts").notNull().default(sql`'{}'::jsonb`),
  /** The run wrote the signals that held at its date to signal_held_spans (issue 19). */
  heldRecorded: boolean("held_recorded").notNull().default(false),
});

/** SICK_NOTABLE (domain.md §4, seed 002 criterion 4): a professional's observation, by hand. */
export const sickNotableObservations = pgTable(
  "sick_notable_observations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pupilId: text("pupil_id").notNull(),
    schoolId: text("school_id").notNull(),
    recordedOn: day("recorded_on").notNull(),
    endDate: day("end_date"),
    note: text("note").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [index("sick_notable_unit_idx").on(t.schoolId, t.pupilId)],
);

/**
 * Filled by triggers on every input table of the rules (see the custom migration): which
 * (pupil, school) units or persons changed since the last evaluation run claimed them. `kind`:
 * attendance, enrolment, pupil, population, exemption, sick_notable, or `all` (calendar,
 * schools, truncation: everything must be evaluated again).
 */
export const signalInputChanges = pgTable("signal_input_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind").notNull(),
  pupilId: text("pupil_id"),
  schoolId: text("school_id"),
  /** The attendance row's date: a change dated after D cannot change the signals at D. */
  onDate: day("on_date"),
});

/**
 * The changes each run claimed, kept (issue 19): the incremental monitor re-evaluates at a past
 * D only the pupils whose inputs changed after the run that evaluated D.
 */
export const signalChangeLog = pgTable(
  "signal_change_log",
  {
    runId: bigint("run_id", { mode: "number" }).notNull(),
    kind: text("kind").notNull(),
    pupilId: text("pupil_id"),
    schoolId: text("school_id"),
    onDate: day("on_date"),
  },
  (t) => [index("signal_change_log_run_idx").on(t.runId)],
);

/**
 * Which signals held at each run (issue 19, the incremental monitor): one row per unbroken
 * stretch of consecutive runs at which a (pupil, school, code) held with the same `legal`
 * attribute. The signals holding at the run R are the spans with from_run ≤ R ≤ to_run; an open
 * span (to_run and to_date null) holds through the latest finished run, so a signal that keeps
 * holding is not written again by every run (services/signal-state-store.ts writeHeldSpans).
 */
export const signalHeldSpans = pgTable(
  "signal_held_spans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pupilId: text("pupil_id").notNull(),
    schoolId: text("school_id").notNull(),
    code: text("code").notNull(),
    legal: boolean("legal").notNull().default(false),
    fromRun: bigint("from_run", { mode: "number" }).notNull(),
    toRun: bigint("to_run", { mode: "number" }),
    fromDate: day("from_date").notNull(),
    toDate: day("to_date"),
  },
  (t) => [
    index("signal_held_spans_to_run_idx").on(t.toRun),
    index("signal_held_spans_from_run_idx").on(t.fromRun),
  ],
);

/**
 * The inputs of a (pupil, school) unit that held a signal, as a run read them (issue 19): the
 * rows up to that run's date, decided leave applied, enrolments, pupil facts and SICK_NOTABLE
 * observations, encoded by services/signal-unit-inputs.ts. Every run removes the row of a unit
 * whose records changed, and a full run starts again, so a row that exists is the unit's inputs
 * now: the next runs evaluate a held unit from it instead of reading its rows again.
 */
export const signalUnitInputs = pgTable(
  "signal_unit_inputs",
  {
    schoolId: text("school_id").notNull(),
    pupilId: text("pupil_id").notNull(),
    asOf: day("as_of").notNull(),
    inputs: text("inputs").notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.pupilId] })],
);

/** Verzuimmelding (Leerplichtwet art. 21a): one report to DUO, prepared from LEGAL_16H. */
export const duoReports = pgTable(
  "duo_reports",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id").notNull(),
    schoolId: text("school_id").notNull(),
    reportType: text("report_type").notNull(),
    /** 0 for the first report of an absence, 1–4 for repeats of continuous absence. */
    repeatOf: text("repeat_of"),
    repeatNumber: integer("repeat_number").notNull().default(0),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    dueDate: day("due_date").notNull(),
    status: text("status").notNull(),
    daysAbsent: integer("days_absent").notNull(),
    hoursAbsent: numeric("hours_absent", { mode: "number" }).notNull(),
    allLessonsMissed: boolean("all_lessons_missed").notNull(),
    /** The legally required fields filled by the school (reason, actions, reporter, contact). */
    fields: jsonb("fields").notNull(),
    closingReason: text("closing_reason"),
    closingNote: text("closing_note"),
    /** The day the school reported it at DUO's verzuimloket, as the school records it. */
    reportedOn: day("reported_on"),
    /** DUO's reference for the report (the verzuimloket's number), as the school records it. */
    duoReference: text("duo_reference"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("duo_reports_period_key").on(t.pupilId, t.schoolId, t.startDate, t.endDate),
    index("duo_reports_status_idx").on(t.status),
  ],
);

/** Status history of a report, append-only (guarded by a trigger). */
export const duoReportStatusHistory = pgTable(
  "duo_report_status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => duoReports.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    onDate: day("on_date").notNull(),
    reason: text("reason"),
    actor: text("actor").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("duo_report_status_report_idx").on(t.reportId)],
);

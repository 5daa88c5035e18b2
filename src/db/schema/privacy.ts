// Retention (domain.md §7, issue 18): the runs of the retention job and the tombstones it leaves.
// A tombstone says what class of data went, from which table, how many rows, under which term
// and when — never whose. Both are kept for the privacy officer; tombstones are append-only
// (a trigger, drizzle/0014).
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const retentionRuns = pgTable("retention_runs", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  dryRun: boolean("dry_run").notNull(),
  /** running, completed, failed, or interrupted (a process that died; the next run resumes). */
  status: text("status").notNull(),
  /** job, cli */
  startedBy: text("started_by").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  /** Rows per class and table: removed, or (dry run) that would be removed. */
  summary: jsonb("summary").notNull().default([]),
  error: text("error"),
});

export const retentionTombstones = pgTable(
  "retention_tombstones",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => retentionRuns.id),
    dataClass: text("data_class").notNull(),
    tableName: text("table_name").notNull(),
    /** deleted, or anonymised (audit rows that named an erased pupil; ledger rows kept without their case). */
    operation: text("operation").notNull(),
    rows: integer("rows").notNull(),
    term: text("term").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("retention_tombstones_run_idx").on(t.runId)],
);

/**
 * The monitor's figures of a completed quarter, frozen before retention removes anything (issue
 * 18: "aggregates of past quarters stay as they were"). Counts only — no pupil ids. `count` is
 * the figure unsuppressed; `suppressed` says whether 1–4 persons make it up (served as null).
 */
export const monitorQuarterFigures = pgTable(
  "monitor_quarter_figures",
  {
    quarter: text("quarter").notNull(),
    grouping: text("grouping").notNull(),
    group: text("group").notNull(),
    measure: text("measure").notNull(),
    count: integer("count").notNull(),
    suppressed: boolean("suppressed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.grouping, t.group, t.measure] })],
);

/** Which quarters are frozen (also those without a single figure), and at which date. */
export const monitorQuarterFreezes = pgTable("monitor_quarter_freezes", {
  quarter: text("quarter").primaryKey(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Requests of data subjects (AVG art. 15–17, 21; issue 18), registered by the privacy officer.
 * The pupil's id is cleared when the pupil's data is erased (by the request or by retention); the
 * request, its steps and its outcome stay as the region's proof that it was handled.
 */
export const subjectRequests = pgTable(
  "subject_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** access, rectification, erasure, objection */
    kind: text("kind").notNull(),
    pupilId: text("pupil_id"),
    /** parent, pupil, representative */
    requester: text("requester").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    /** One month after receipt (art. 12(3)). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** open, completed, refused */
    status: text("status").notNull(),
    outcome: text("outcome"),
    closedOn: date("closed_on", { mode: "string" }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subject_requests_pupil_idx").on(t.pupilId)],
);

/** Every step of a request's handling, append-only (drizzle trigger). */
export const subjectRequestSteps = pgTable(
  "subject_request_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: bigint("request_id", { mode: "number" })
      .notNull()
      .references(() => subjectRequests.id),
    /** registered, note, exported, rectified, erased, objection_decided, completed, refused */
    step: text("step").notNull(),
    note: text("note"),
    byUser: uuid("by_user"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subject_request_steps_request_idx").on(t.requestId)],
);

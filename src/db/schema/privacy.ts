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
  text,
  timestamp,
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

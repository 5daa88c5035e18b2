// Attendance rows against the database (interfaces.md "attendance", domain.md §3): the
// minutes of one pupil on one date may not exceed the school's scheduled minutes, `exempt_11a`
// is only for a child under 6, and every change is kept in attendance_history.

import { ident } from "../db/catalogue.ts";
import type { TxClient } from "../db/connect.ts";
import { ERROR_CAP } from "./errors.ts";
import type { CheckResult, ImportRun, WriteCounts } from "./kind-spec.ts";
import { messages } from "./messages.ts";
import { yieldToEventLoop } from "./yield.ts";

/**
 * Sum per pupil, date and school of the file's rows plus the rows already stored that this
 * file does not replace (same pupil, date and period). `late` minutes are not absence and are
 * left out (a single late row was checked against the day on reading); `exempt_11a` minutes
 * do count: they leave the scheduled time, so together with absence they cannot exceed it.
 * The error goes on the file's last row of the group, where the total was exceeded.
 *
 * Shape (issue 20): the staged rows are aggregated per pupil-day first; the stored rows are
 * narrowed to the file's date range and filtered by one semi-join (a pupil-day of the file) and
 * one anti-join (a key the file replaces), all equi-joins the planner can hash. Run it with
 * nested loops off (noNestedLoops): the join estimates on these correlated columns are often
 * 1 row where there are tens of thousands, and a nested loop over an unindexed CTE or the
 * staging table then ran for hours.
 */
export function minutesPerDaySql(stage: string): string {
  return `WITH file_day AS (
       SELECT pupil_id, date, school_id, max(scheduled) AS scheduled, max(line) AS line,
              COALESCE(sum(minutes) FILTER (WHERE reason <> 'late'), 0) AS minutes
       FROM ${stage} GROUP BY pupil_id, date, school_id
     ),
     kept AS (
       SELECT a.pupil_id, a.date, a.school_id, sum(a.minutes) AS minutes
       FROM attendance a
       WHERE a.reason <> 'late'
         AND a.date BETWEEN (SELECT min(date) FROM ${stage}) AND (SELECT max(date) FROM ${stage})
         AND EXISTS (SELECT 1 FROM file_day f
                     WHERE f.pupil_id = a.pupil_id AND f.date = a.date AND f.school_id = a.school_id)
         AND NOT EXISTS (SELECT 1 FROM ${stage} s
                         WHERE s.pupil_id = a.pupil_id AND s.date = a.date AND s.period = a.period)
       GROUP BY a.pupil_id, a.date, a.school_id
     )
     SELECT f.line, to_char(f.date, 'YYYY-MM-DD') AS date, f.scheduled,
            (f.minutes + COALESCE(k.minutes, 0))::int AS total,
            COALESCE(k.minutes, 0)::int AS existing,
            (count(*) OVER ())::int AS count
     FROM file_day f
     LEFT JOIN kept k ON k.pupil_id = f.pupil_id AND k.date = f.date AND k.school_id = f.school_id
     WHERE f.minutes + COALESCE(k.minutes, 0) > f.scheduled
     ORDER BY f.line LIMIT ${ERROR_CAP}`;
}

export async function checkMinutesPerDay(tx: TxClient, stage: string): Promise<CheckResult> {
  const rows = await tx.query<{
    line: number;
    date: string;
    total: number;
    existing: number;
    scheduled: number;
    count: number;
  }>(minutesPerDaySql(stage));
  return {
    found: rows.map((r) => ({
      line: r.line,
      column: "minutes",
      reason: messages.sumExceedsScheduled(r.total, r.scheduled, r.date, r.existing),
    })),
    total: rows[0]?.count ?? 0,
  };
}

/** domain.md §3: an `exempt_11a` row is valid only for a pupil under 6 on that date. */
export async function checkExemptUnderSix(tx: TxClient, stage: string): Promise<CheckResult> {
  const rows = await tx.query<{ line: number; birth: string; date: string; total: number }>(
    `SELECT s.line, to_char(p.birth_date, 'YYYY-MM-DD') AS birth,
            to_char(s.date, 'YYYY-MM-DD') AS date, (count(*) OVER ())::int AS total
     FROM ${stage} s JOIN pupils p ON p.pupil_id = s.pupil_id
     WHERE s.reason = 'exempt_11a' AND s.date >= (p.birth_date + interval '6 years')::date
     ORDER BY s.line LIMIT ${ERROR_CAP}`,
  );
  return {
    found: rows.map((r) => ({
      line: r.line,
      column: "reason",
      reason: messages.exemptNotUnder6(r.birth, r.date),
    })),
    total: rows[0]?.total ?? 0,
  };
}

const VALUES = ["school_id", "minutes", "reason", "note"] as const;

/**
 * One statement per batch: the history rows of every new or changed key (old values null for a first
 * insert), then exactly those keys written — fresh ones by a plain INSERT (cheaper than
 * ON CONFLICT for large first loads), changed ones by UPDATE. Unchanged rows are neither
 * written nor logged, so re-importing a file changes nothing. Imports of one kind run one at a
 * time (advisory lock in run-import), so a fresh key cannot appear in between.
 */
export async function writeAttendance(
  tx: TxClient,
  stage: string,
  run: ImportRun,
): Promise<WriteCounts> {
  // On PGlite in batches of file lines (issue 20): one statement over a whole large file held
  // the process's only thread for a minute (no HTTP answer, no SIGTERM); between batches the
  // event loop gets a turn. Keys are unique in the file, so batches partition the work. A
  // PostgreSQL server runs the statement in its own process: one statement, one plan.
  const [range] = await tx.query<{ first: number | null; last: number | null }>(
    `SELECT min(line) AS first, max(line) AS last FROM ${stage}`,
  );
  const total = { inserted: 0, updated: 0 };
  if (range?.first == null || range.last == null) return total;
  if (tx.kind === "postgres") {
    // One statement; into empty tables (a first load) with the indexes built afterwards.
    return withIndexesBuiltAfter(tx, ["attendance", "attendance_history"], () =>
      writeAttendanceLines(tx, stage, run, range.first as number, (range.last as number) + 1),
    );
  }
  const batch = WRITE_BATCH_LINES;
  const batched = batch < range.last - range.first + 1;
  if (batched) {
    await tx.exec(`CREATE INDEX ON ${stage} (line)`);
    // A batch is small: each row's stored row by the primary key (index nested loop), not a
    // hash join that would scan all of attendance once per batch.
    await tx.exec("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
    await yieldToEventLoop();
  }
  for (let from = range.first; from <= range.last; from += batch) {
    const counts = await writeAttendanceLines(tx, stage, run, from, from + batch);
    total.inserted += counts.inserted;
    total.updated += counts.updated;
    await yieldToEventLoop();
  }
  if (batched) await tx.exec("SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on");
  return total;
}

/**
 * A first load into an empty table (PostgreSQL only): its indexes are dropped before `fn` and
 * built again after it, from their own definitions (`pg_get_indexdef`, `pg_get_constraintdef`),
 * in the same transaction — one sort per index instead of an index insertion per row, the
 * route PostgreSQL's manual gives for populating a table ("Remove Indexes"). The result is the
 * same table with the same indexes; a failure rolls the drop back with everything else. A
 * table holding rows keeps its indexes (rebuilding them would cost more than the new rows'
 * insertions, and the drop locks readers out until the commit). The serial primary key of a
 * table is kept: its values only grow, so its insertions are cheap appends. On an empty table
 * the lock the drop takes costs readers nothing they could have seen: the rows arrive at commit.
 */
export async function withIndexesBuiltAfter<T>(
  tx: TxClient,
  tables: readonly string[],
  fn: () => Promise<T>,
): Promise<T> {
  const rebuild: string[] = [];
  for (const table of tables) {
    const [empty] = await tx.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`,
    );
    if (!empty?.empty) continue;
    const indexes = await tx.query<{
      name: string;
      constraint_name: string | null;
      definition: string;
    }>(
      `SELECT i.relname AS name, c.conname AS constraint_name,
              CASE WHEN c.oid IS NULL THEN pg_get_indexdef(x.indexrelid)
                   ELSE pg_get_constraintdef(c.oid) END AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
       LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
       WHERE x.indrelid = $1::regclass
         -- a one-column primary key filled from a sequence (attendance_history.id) stays
         AND NOT (x.indisprimary AND x.indnatts = 1 AND a.attidentity = ''
                  AND pg_get_expr((SELECT d.adbin FROM pg_attrdef d
                                   WHERE d.adrelid = x.indrelid AND d.adnum = a.attnum),
                                  x.indrelid) LIKE 'nextval(%')
       ORDER BY x.indisprimary DESC, i.relname`,
      [table],
    );
    for (const index of indexes) {
      if (index.constraint_name !== null) {
        await tx.exec(`ALTER TABLE ${table} DROP CONSTRAINT ${ident(index.constraint_name)}`);
        rebuild.push(
          `ALTER TABLE ${table} ADD CONSTRAINT ${ident(index.constraint_name)} ${index.definition}`,
        );
      } else {
        await tx.exec(`DROP INDEX ${ident(index.name)}`);
        rebuild.push(index.definition);
      }
    }
  }
  const result = await fn();
  if (rebuild.length > 0) {
    await tx.exec("SET LOCAL maintenance_work_mem = '256MB'");
    for (const statement of rebuild) await tx.exec(statement);
  }
  return result;
}

/** File lines per write statement on PGlite: a few tenths of a second. */
export const WRITE_BATCH_LINES = 5_000;

async function writeAttendanceLines(
  tx: TxClient,
  stage: string,
  run: ImportRun,
  from: number,
  to: number,
): Promise<WriteCounts> {
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `WITH changed AS (
       INSERT INTO attendance_history (pupil_id, date, period,
         old_school_id, old_minutes, old_reason, old_note,
         new_school_id, new_minutes, new_reason, new_note, import_id, changed_by)
       SELECT s.pupil_id, s.date, s.period,
              a.school_id, a.minutes, a.reason, a.note,
              s.school_id, s.minutes, s.reason, s.note, $1, $2
       FROM ${stage} s
       LEFT JOIN attendance a ON a.pupil_id = s.pupil_id AND a.date = s.date AND a.period = s.period
       WHERE s.line >= $3 AND s.line < $4
         AND (a.pupil_id IS NULL
          OR ROW(${VALUES.map((c) => `a.${c}`).join(", ")})
             IS DISTINCT FROM ROW(${VALUES.map((c) => `s.${c}`).join(", ")}))
       RETURNING pupil_id, date, period, new_school_id, new_minutes, new_reason, new_note,
                 old_school_id IS NULL AS fresh
     ),
     inserted AS (
       INSERT INTO attendance (pupil_id, date, period, school_id, minutes, reason, note,
                               import_id, updated_at)
       SELECT pupil_id, date, period, new_school_id, new_minutes, new_reason, new_note, $1, now()
       FROM changed WHERE fresh
       RETURNING 1
     ),
     updated AS (
       UPDATE attendance a
       SET school_id = c.new_school_id, minutes = c.new_minutes, reason = c.new_reason,
           note = c.new_note, import_id = $1, updated_at = now()
       FROM changed c
       WHERE NOT c.fresh AND a.pupil_id = c.pupil_id AND a.date = c.date AND a.period = c.period
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM inserted)::int AS inserted,
            (SELECT count(*) FROM updated)::int AS updated`,
    [run.importId, run.actor, from, to],
  );
  return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
}

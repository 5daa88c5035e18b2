// The retention procedure (domain.md §7, issue 18): the one privileged path that removes personal
// data. It finds what lies past its term (src/domain/privacy/retention.ts), removes it in small
// batches — each batch one transaction that also writes its tombstones, so a crash leaves every
// batch whole or absent and the next run simply continues — and records the run for the privacy
// officer. Append-only tables refuse UPDATE and DELETE unless `aanwezig.retention` is on for the
// transaction (drizzle/0014); only this file sets it (test: retention-boundary.test.ts).
//
// What belongs to a record is read from the database's own foreign keys, so a table added later
// that points at a pupil or a case goes with it without a change here. Two exceptions keep what
// the law wants kept: the frictiebudget ledger keeps its rows (money is never deleted, §6) but
// loses the link to a removed case; audit rows keep who did what when, but lose the pupil's id
// when the pupil's own record goes (until their own term removes them).
import { type Catalogue, ident, readCatalogue, walkReferences } from "../db/catalogue.ts";
import type { Database, SqlClient, TxClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  DEFAULT_RETENTION_TERMS,
  type RetentionClass,
  type RetentionCutoffs,
  type RetentionTerms,
  retentionCutoffs,
  termText,
} from "../domain/privacy/retention.ts";
import { freezeCompletedQuarters } from "./monitor-freeze.ts";

/** Rows removed (or, in a dry run, that would be) per class, table and operation. */
export interface RetentionCount {
  dataClass: RetentionClass;
  table: string;
  operation: "deleted" | "anonymised";
  rows: number;
}

export interface RetentionReport {
  runId: number;
  asOf: IsoDate;
  dryRun: boolean;
  counts: RetentionCount[];
  /** Batches committed (0 in a dry run). */
  batches: number;
}

export interface RetentionOptions {
  dryRun?: boolean;
  startedBy?: "job" | "cli";
  terms?: RetentionTerms;
  /** Records (cases, reports, pupils) per batch; audit rows go 50× as many at a time. */
  batchSize?: number;
  /** Called after each committed batch (tests stop a run there to prove it resumes). */
  afterBatch?: (batch: number) => void | Promise<void>;
}

/** Tables whose rows outlive a removed parent: the link is cleared instead (see above). */
const DETACH_ON_REMOVAL = new Set(["budget_ledger"]);
/** Never removed by the pupil class: the trail (anonymised instead) and retention's own records. */
const NOT_PUPIL_DATA = new Set([
  "audit_log",
  "retention_runs",
  "retention_tombstones",
  // The log of data subjects' requests: kept as proof of their handling, the id cleared instead.
  "subject_requests",
]);

class Batch {
  readonly counts = new Map<string, RetentionCount>();
  private readonly tx: TxClient;
  private readonly catalogue: Catalogue;
  private readonly dataClass: RetentionClass;
  constructor(tx: TxClient, catalogue: Catalogue, dataClass: RetentionClass) {
    this.tx = tx;
    this.catalogue = catalogue;
    this.dataClass = dataClass;
  }

  pupilTables(): string[] {
    return this.catalogue.pupilTables.filter((t) => !NOT_PUPIL_DATA.has(t));
  }

  private count(table: string, operation: RetentionCount["operation"], rows: number): void {
    if (rows === 0) return;
    const key = `${table}/${operation}`;
    const seen = this.counts.get(key);
    if (seen) seen.rows += rows;
    else this.counts.set(key, { dataClass: this.dataClass, table, operation, rows });
  }

  /**
   * Removes the rows of `table` that `where` selects, and first everything that points at them
   * (children before parents, through the foreign keys), or clears the link for DETACH tables.
   */
  async remove(table: string, where: string, params: unknown[]): Promise<void> {
    await walkReferences(this.catalogue, table, where, {
      follow: async (fk, points) => {
        if (!DETACH_ON_REMOVAL.has(fk.child)) return true;
        const rows = await this.tx.query(
          `update ${ident(fk.child)} set ${fk.childCols.map((c) => `${ident(c)} = null`).join(", ")}
            where ${points} returning 1`,
          params,
        );
        this.count(fk.child, "anonymised", rows.length);
        return false;
      },
      leave: async (rowsOf, rowsWhere) => {
        const rows = await this.tx.query(
          `delete from ${ident(rowsOf)} where ${rowsWhere} returning 1`,
          params,
        );
        this.count(rowsOf, "deleted", rows.length);
      },
    });
  }

  /**
   * The change log that triggers wrote while this batch removed a pupil's rows goes too, and the
   * log of changes earlier runs claimed (issue 19, the incremental monitor).
   */
  async removeCapturedChanges(pupilIds: string[]): Promise<void> {
    for (const table of ["signal_input_changes", "signal_change_log"]) {
      const rows = await this.tx.query(
        `delete from ${ident(table)} where pupil_id = any($1::text[]) returning 1`,
        [pupilIds],
      );
      this.count(table, "deleted", rows.length);
    }
  }

  /** Audit rows past their own term, oldest first. */
  async removeAuditBefore(before: IsoDate, limit: number): Promise<number> {
    const rows = await this.tx.query(
      `delete from audit_log where id in (
         select id from audit_log where at < $1::date order by id limit $2) returning 1`,
      [before, limit],
    );
    this.count("audit_log", "deleted", rows.length);
    return rows.length;
  }

  /** Requests of data subjects stay as proof of their handling, without the pupil's id. */
  async anonymiseRequests(pupilIds: string[]): Promise<void> {
    const rows = await this.tx.query(
      "update subject_requests set pupil_id = null where pupil_id = any($1::text[]) returning 1",
      [pupilIds],
    );
    this.count("subject_requests", "anonymised", rows.length);
  }

  async anonymiseAudit(pupilIds: string[]): Promise<void> {
    const rows = await this.tx.query(
      `update audit_log set pupil_id = null,
              resource_id = case when resource_id = pupil_id then null else resource_id end
        where pupil_id = any($1::text[]) returning 1`,
      [pupilIds],
    );
    this.count("audit_log", "anonymised", rows.length);
  }
}

/** The tables of the attendance-and-signals class; signal_transitions go with their states. */
const ATTENDANCE_TABLES = [
  "attendance",
  "attendance_history",
  "signal_states",
  "signal_held_spans",
  "signal_unit_inputs",
  "sick_notable_observations",
];

/**
 * Every table that names the pupils, then the pupils; the trail and the log of data subjects'
 * requests keep their rows without the id. The pupil class of retention and an erasure on request
 * (erasePupil) both go this way.
 */
async function removePupilRecords(batch: Batch, ids: string[]): Promise<void> {
  for (const table of batch.pupilTables()) {
    if (table === "pupils") continue;
    await batch.remove(table, "pupil_id = any($1::text[])", [ids]);
  }
  await batch.remove("pupils", "pupil_id = any($1::text[])", [ids]);
  // The population register's extract names the same child (its person id is the pupil's).
  await batch.remove("population", "person_id = any($1::text[])", [ids]);
  await batch.removeCapturedChanges(ids);
  await batch.anonymiseAudit(ids);
  await batch.anonymiseRequests(ids);
}

interface ClassStep {
  dataClass: RetentionClass;
  /** The next batch of ids past their term (in a dry run: all, since nothing is removed). */
  pick(sql: SqlClient, c: RetentionCutoffs, limit: number): Promise<string[]>;
  remove(batch: Batch, ids: string[]): Promise<void>;
}

const STEPS: ClassStep[] = [
  {
    dataClass: "closed_case",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ id: string }>(
          `select id from cases where phase = 'CLOSED' and closed_at <= $1::date order by id limit $2`,
          [c.casesClosedOnOrBefore, limit],
        )
      ).map((r) => r.id),
    remove: (batch, ids) => batch.remove("cases", "id = any($1::text[])", [ids]),
  },
  {
    dataClass: "duo_report",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ id: string }>(
          "select id from duo_reports where end_date <= $1::date order by id limit $2",
          [c.duoReportsEndedOnOrBefore, limit],
        )
      ).map((r) => r.id),
    remove: (batch, ids) => batch.remove("duo_reports", "id = any($1::text[])", [ids]),
  },
  {
    // Past compulsory school age (or a start qualification), enrolled nowhere, no open case,
    // and something of the class left to remove.
    dataClass: "attendance_and_signals",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ pupil_id: string }>(
          `select p.pupil_id from pupils p
            where (p.birth_date <= $1::date or p.start_qualification_date < $2::date)
              and not exists (select 1 from enrolments e where e.pupil_id = p.pupil_id
                                and (e.end_date is null or e.end_date >= $2::date))
              and not exists (select 1 from cases k where k.pupil_id = p.pupil_id and k.phase <> 'CLOSED')
              and (exists (select 1 from attendance a where a.pupil_id = p.pupil_id)
                or exists (select 1 from attendance_history h where h.pupil_id = p.pupil_id)
                or exists (select 1 from signal_states s where s.pupil_id = p.pupil_id)
                or exists (select 1 from sick_notable_observations o where o.pupil_id = p.pupil_id))
            order by p.pupil_id limit $3`,
          [c.relevanceBornOnOrBefore, c.asOf, limit],
        )
      ).map((r) => r.pupil_id),
    remove: async (batch, ids) => {
      for (const table of ATTENDANCE_TABLES) {
        await batch.remove(table, "pupil_id = any($1::text[])", [ids]);
      }
      await batch.removeCapturedChanges(ids);
    },
  },
  {
    // The leerplicht file's term has passed and no case or report holds the pupil any longer.
    dataClass: "pupil",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ pupil_id: string }>(
          `select p.pupil_id from pupils p
            where p.birth_date <= $1::date
              and not exists (select 1 from enrolments e where e.pupil_id = p.pupil_id
                                and (e.end_date is null or e.end_date >= $2::date))
              and not exists (select 1 from cases k where k.pupil_id = p.pupil_id)
              and not exists (select 1 from duo_reports r where r.pupil_id = p.pupil_id)
            order by p.pupil_id limit $3`,
          [c.pupilFileBornOnOrBefore, c.asOf, limit],
        )
      ).map((r) => r.pupil_id),
    remove: (batch, ids) => removePupilRecords(batch, ids),
  },
  {
    // Persons in the population register's extract who were never pupils here (absolute absence
    // is read from it): the same term as the leerplicht file.
    dataClass: "pupil",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ person_id: string }>(
          `select person_id from population x
            where birth_date <= $1::date
              and not exists (select 1 from pupils p where p.pupil_id = x.person_id)
            order by person_id limit $2`,
          [c.pupilFileBornOnOrBefore, limit],
        )
      ).map((r) => r.person_id),
    remove: async (batch, ids) => {
      await batch.remove("population", "person_id = any($1::text[])", [ids]);
      await batch.removeCapturedChanges(ids);
    },
  },
  {
    // The bell and the mail outbox: a notification names a case by reference and links to it.
    dataClass: "notification",
    pick: async (sql, c, limit) =>
      (
        await sql.query<{ id: string }>(
          "select id::text as id from notifications where created_at < $1::date order by id limit $2",
          [c.notificationsBefore, limit],
        )
      ).map((r) => r.id),
    remove: (batch, ids) => batch.remove("notifications", "id::text = any($1::text[])", [ids]),
  },
];

class DryRunRollback extends Error {}

function merge(into: Map<string, RetentionCount>, from: Map<string, RetentionCount>): void {
  for (const [key, count] of from) {
    const k = `${count.dataClass}/${key}`;
    const seen = into.get(k);
    if (seen) seen.rows += count.rows;
    else into.set(k, { ...count });
  }
}

async function privileged(tx: TxClient): Promise<void> {
  await tx.query("select set_config('aanwezig.retention', 'on', true)");
}

/**
 * One run of the retention procedure for `asOf`. A dry run does the same work in one transaction
 * and rolls it back, so what it reports is exactly what a real run would remove.
 */
export async function runRetention(
  db: Database,
  asOf: IsoDate,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const terms = options.terms ?? DEFAULT_RETENTION_TERMS;
  const cutoffs = retentionCutoffs(asOf, terms);
  const dryRun = options.dryRun === true;
  const limit = options.batchSize ?? 200;
  const catalogue = await readCatalogue(db.sql);
  // A run still marked running belongs to a process that died; this run continues its work.
  await db.sql.query(
    "update retention_runs set status = 'interrupted', finished_at = now() where status = 'running'",
  );
  const [run] = await db.sql.query<{ id: string }>(
    `insert into retention_runs (as_of, dry_run, status, started_by) values ($1, $2, 'running', $3)
     returning id`,
    [asOf, dryRun, options.startedBy ?? "cli"],
  );
  const runId = Number(run?.id);
  const totals = new Map<string, RetentionCount>();
  let batches = 0;

  /** One batch of one class: false when nothing of it was left. */
  const oneBatch = async (tx: TxClient, step: ClassStep | "audit"): Promise<boolean> => {
    const dataClass: RetentionClass = step === "audit" ? "audit_log" : step.dataClass;
    const batch = new Batch(tx, catalogue, dataClass);
    if (step === "audit") {
      if ((await batch.removeAuditBefore(cutoffs.auditBefore, limit * 50)) === 0) return false;
    } else {
      const ids = await step.pick(tx, cutoffs, limit);
      if (ids.length === 0) return false;
      await step.remove(batch, ids);
    }
    if (!dryRun) {
      for (const count of batch.counts.values()) {
        await tx.query(
          `insert into retention_tombstones (run_id, data_class, table_name, operation, rows, term)
           values ($1, $2, $3, $4, $5, $6)`,
          [
            runId,
            count.dataClass,
            count.table,
            count.operation,
            count.rows,
            termText(count.dataClass, terms),
          ],
        );
      }
    }
    merge(totals, batch.counts);
    return true;
  };

  try {
    // The monitor's completed quarters keep their figures (issue 18): frozen before anything goes.
    if (!dryRun) await freezeCompletedQuarters(db, asOf);
    const steps: (ClassStep | "audit")[] = [...STEPS, "audit"];
    if (dryRun) {
      await db
        .transaction(async (tx) => {
          await privileged(tx);
          for (const step of steps) while (await oneBatch(tx, step)) {}
          throw new DryRunRollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    } else {
      for (const step of steps) {
        for (;;) {
          const more = await db.transaction(async (tx) => {
            await privileged(tx);
            return oneBatch(tx, step);
          });
          if (!more) break;
          batches += 1;
          await options.afterBatch?.(batches);
        }
      }
    }
  } catch (error) {
    await db.sql.query(
      "update retention_runs set status = 'failed', finished_at = now(), error = $2, summary = $3 where id = $1",
      [
        runId,
        error instanceof Error ? error.message : String(error),
        JSON.stringify([...totals.values()]),
      ],
    );
    throw error;
  }
  const counts = [...totals.values()];
  await db.sql.query(
    "update retention_runs set status = 'completed', finished_at = now(), summary = $2 where id = $1",
    [runId, JSON.stringify(counts)],
  );
  return { runId, asOf, dryRun, counts, batches };
}

/**
 * Erasure on request (AVG art. 17, issue 18): one pupil removed by the same procedure as retention
 * — every table that names the pupil, the cases with everything in them, the register's row; the
 * trail and the requests keep their rows without the id — in one transaction that leaves a
 * tombstone and a run (started_by "request"). The completed quarters are frozen first. `also`
 * runs in the same transaction (the request's own step), so the erasure and its record are one.
 */
export async function erasePupil(
  db: Database,
  pupilId: string,
  options: {
    asOf: IsoDate;
    term: string;
    also?: (tx: TxClient, counts: RetentionCount[]) => Promise<void>;
  },
): Promise<{ runId: number; counts: RetentionCount[] }> {
  await freezeCompletedQuarters(db, options.asOf);
  const catalogue = await readCatalogue(db.sql);
  const [run] = await db.sql.query<{ id: string }>(
    `insert into retention_runs (as_of, dry_run, status, started_by) values ($1, false, 'running', 'request')
     returning id`,
    [options.asOf],
  );
  const runId = Number(run?.id);
  try {
    const counts = await db.transaction(async (tx) => {
      await privileged(tx);
      const batch = new Batch(tx, catalogue, "pupil");
      await removePupilRecords(batch, [pupilId]);
      for (const count of batch.counts.values()) {
        await tx.query(
          `insert into retention_tombstones (run_id, data_class, table_name, operation, rows, term)
           values ($1, $2, $3, $4, $5, $6)`,
          [runId, count.dataClass, count.table, count.operation, count.rows, options.term],
        );
      }
      const counts = [...batch.counts.values()];
      await options.also?.(tx, counts);
      return counts;
    });
    await db.sql.query(
      "update retention_runs set status = 'completed', finished_at = now(), summary = $2 where id = $1",
      [runId, JSON.stringify(counts)],
    );
    return { runId, counts };
  } catch (error) {
    await db.sql.query(
      "update retention_runs set status = 'failed', finished_at = now(), error = $2 where id = $1",
      [runId, error instanceof Error ? error.message : String(error)],
    );
    throw error;
  }
}

export const RETENTION_RUN_STATUSES = ["running", "completed", "failed", "interrupted"] as const;
export type RetentionRunStatus = (typeof RETENTION_RUN_STATUSES)[number];

export interface RetentionRunRow {
  id: number;
  asOf: IsoDate;
  dryRun: boolean;
  status: RetentionRunStatus;
  startedBy: "job" | "cli" | "request";
  startedAt: string;
  finishedAt: string | null;
  counts: RetentionCount[];
  error: string | null;
}

/** The last runs, newest first, for the privacy officer. */
export async function listRetentionRuns(sql: SqlClient, limit = 20): Promise<RetentionRunRow[]> {
  const rows = await sql.query<{
    id: string;
    as_of: string;
    dry_run: boolean;
    status: RetentionRunStatus;
    started_by: "job" | "cli" | "request";
    started_at: Date | string;
    finished_at: Date | string | null;
    summary: RetentionCount[] | string;
    error: string | null;
  }>(
    `select id, to_char(as_of, 'YYYY-MM-DD') as as_of, dry_run, status, started_by, started_at,
            finished_at, summary, error
       from retention_runs order by id desc limit $1`,
    [limit],
  );
  const iso = (v: Date | string) =>
    v instanceof Date ? v.toISOString() : new Date(v).toISOString();
  return rows.map((r) => ({
    id: Number(r.id),
    asOf: r.as_of,
    dryRun: r.dry_run,
    status: r.status,
    startedBy: r.started_by,
    startedAt: iso(r.started_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    counts: typeof r.summary === "string" ? (JSON.parse(r.summary) as RetentionCount[]) : r.summary,
    error: r.error,
  }));
}

// One import run (interfaces.md "Command line" → import): atomic per file, idempotent, logged.
// Valid rows stream through COPY into a staging table; checks and the merge are set-based SQL,
// all in one transaction. Any invalid row rolls everything back; only the rejection is logged.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { userInfo } from "node:os";
import { basename } from "node:path";
import type { Database, TxClient } from "../db/connect.ts";
import { markWriteRunning } from "../db/interrupted-write.ts";
import { interruption, watchImport } from "./cancel.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import {
  detectSeparator,
  hasNoQuotesOrCarriageReturns,
  readHeaderLine,
  type Separator,
} from "./csv.ts";
import type { FileEncoding } from "./decode.ts";
import { ERROR_CAP, ErrorCollector, ImportRejected, type RowError } from "./errors.ts";
import type { ImportKind, KindSpec } from "./kind-spec.ts";
import { KIND_SPECS } from "./kinds/index.ts";
import { messages } from "./messages.ts";
import {
  PARALLEL_MIN_BYTES,
  type ParallelPlan,
  parallelStagedChunks,
  parallelWorkers,
  planParallelRead,
} from "./parallel-read.ts";
import { type ReadState, stagedChunks } from "./read-rows.ts";
import { createStageTable, STAGE_TABLE, stageColumnNames } from "./stage.ts";
import { duplicateKeys, withoutNestedLoops } from "./stage-sql.ts";
import { yieldToEventLoop } from "./yield.ts";

export type ImportPhase = "reading" | "checking" | "writing";

export interface ImportOptions {
  kind: ImportKind;
  path: string;
  /** The file's encoding when it has no BOM: the mapping's, else UTF-8, unless told otherwise. */
  encoding?: FileEncoding;
  /** A saved column mapping (column-mapping.ts): the file is read through it. */
  mapping?: ColumnMapping;
  /** Who runs the import (import_log.actor); default the OS user. */
  actor?: string;
  onProgress?: (phase: ImportPhase, rows: number) => void;
  /** Stops the import (rolled back, nothing written); it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Only rows of these schools (a service token's or a care coordinator's): a row of another
   * school is an error of its line, so the file imports nothing. Absent: every school.
   */
  schools?: readonly string[];
  /**
   * Files from this many bytes are read and validated in worker threads when they can be
   * (parallel-read.ts); default PARALLEL_MIN_BYTES. Tests set it low to take that path.
   */
  parallelMinBytes?: number;
}

/** The column that names a row's school, for the kinds whose rows belong to one. */
const SCHOOL_COLUMN: Partial<Record<ImportKind, string>> = {
  schools: "school_id",
  closures: "scope",
  enrolments: "school_id",
  attendance: "school_id",
};

export interface ImportResult {
  kind: ImportKind;
  file: string;
  checksum: string;
  outcome: "imported" | "rejected";
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** The first errors by line (at most ERROR_CAP). */
  errors: RowError[];
  /** All errors found, also those not listed. */
  errorsTotal: number;
  importId: number;
  /** Milliseconds spent reading + staging, checking and writing (for benchmarks). */
  timings: { stage: number; check: number; write: number };
}

export class ImportFileNotFound extends Error {
  constructor(path: string) {
    super(messages.fileNotFound(path));
    this.name = "ImportFileNotFound";
  }
}

export async function importFile(db: Database, options: ImportOptions): Promise<ImportResult> {
  const { kind, path } = options;
  const spec = KIND_SPECS[kind];
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new ImportFileNotFound(path);
  const checksum = await sha256File(path);
  const actor = options.actor ?? osUser();
  const fileName = basename(path);
  const errors = new ErrorCollector();
  const state: ReadState = { rows: 0, header: new Set() };
  const base = { kind, file: path, checksum };
  const timings = { stage: 0, check: 0, write: 0 };
  let clock = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] = Math.round(now - clock);
    clock = now;
  };
  const { signal } = options;
  const source = { path, encoding: options.encoding ?? options.mapping?.encoding ?? "utf-8" };
  signal?.throwIfAborted();
  // A killed or failed import leaves dead rows in a PGlite directory (it has no autovacuum): the
  // mark stays unless the import finished or was refused, and the next open vacuums them.
  const clearMark =
    db.kind === "pglite" && db.location !== "memory://"
      ? markWriteRunning(db.location, `import ${kind}`)
      : () => {};
  try {
    const result = await db.transaction(async (tx) => {
      const detach = await watchImport(db, tx, signal);
      try {
        return await inTransaction(tx);
      } finally {
        await detach(); // a cancel already sent lands before the connection is reused
      }
    });
    clearMark();
    return result;
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw interruption(signal, error);
    clearMark(); // refused before anything was written
    return rejected();
  }

  async function inTransaction(tx: TxClient): Promise<ImportResult> {
    // One import per kind at a time: the merge relies on no one adding the same keys meanwhile.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`aanwezig:import:${kind}`]);
    // The checks hash and aggregate the whole file: with the default 4 MB they spill to disk.
    await tx.exec("SET LOCAL work_mem = '64MB'");
    const [log] = await tx.query<{ id: number }>(
      `INSERT INTO import_log (kind, file_name, checksum, outcome, actor, mapping)
         VALUES ($1, $2, $3, 'imported', $4, $5) RETURNING id::int AS id`,
      [kind, fileName, checksum, actor, options.mapping?.name ?? null],
    );
    const importId = log!.id;
    await stageFile(
      tx,
      spec,
      source,
      errors,
      state,
      options.onProgress,
      signal,
      options.mapping,
      options.parallelMinBytes,
    );
    lap("stage");
    signal?.throwIfAborted();
    options.onProgress?.("checking", state.rows);
    await runChecks(tx, spec, errors);
    if (options.schools) await checkSchools(tx, kind, options.schools, errors);
    lap("check");
    if (errors.any) throw new ImportRejected(errors);
    signal?.throwIfAborted();
    options.onProgress?.("writing", state.rows);
    const run = { importId, actor: `import:${fileName}`, header: state.header };
    await yieldToEventLoop();
    const counts = await spec.write(tx, STAGE_TABLE, run);
    const unchanged = state.rows - counts.inserted - counts.updated;
    lap("write");
    await tx.query(
      `UPDATE import_log SET rows_total = $2, inserted = $3, updated = $4, unchanged = $5,
                finished_at = now() WHERE id = $1`,
      [importId, state.rows, counts.inserted, counts.updated, unchanged],
    );
    return {
      ...base,
      outcome: "imported" as const,
      rows: state.rows,
      ...counts,
      unchanged,
      errors: [],
      errorsTotal: 0,
      importId,
      timings,
    };
  }

  async function rejected(): Promise<ImportResult> {
    // A mapped file's errors name the source's column with the canonical one.
    const label = state.label ?? ((column: string) => column);
    const list = errors.list().map((e) => ({ ...e, column: label(e.column) }));
    const [log] = await db.sql.query<{ id: number }>(
      `INSERT INTO import_log (kind, file_name, checksum, outcome, rows_total, errors, actor,
                               mapping, finished_at)
       VALUES ($1, $2, $3, 'rejected', $4, $5::jsonb, $6, $7, now()) RETURNING id::int AS id`,
      [
        kind,
        fileName,
        checksum,
        state.rows,
        JSON.stringify(list),
        actor,
        options.mapping?.name ?? null,
      ],
    );
    return {
      ...base,
      outcome: "rejected",
      rows: state.rows,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      errors: list,
      errorsTotal: errors.total,
      importId: log!.id,
      timings,
    };
  }
}

async function stageFile(
  tx: TxClient,
  spec: KindSpec,
  { path, encoding }: { path: string; encoding: FileEncoding },
  errors: ErrorCollector,
  state: ReadState,
  onProgress: ImportOptions["onProgress"],
  signal: AbortSignal | undefined,
  mapping: ColumnMapping | undefined,
  parallelMinBytes: number | undefined,
): Promise<void> {
  const separator = detectSeparator(await readHeaderLine(path, encoding));
  const onRows = onProgress && ((rows: number) => onProgress("reading", rows));
  const parallel = await parallelPlan(spec, path, separator, encoding, mapping, parallelMinBytes);
  let stage: string;
  let chunks: ReturnType<typeof stagedChunks>;
  if (parallel !== undefined && spec.loadContext !== undefined) {
    const context = await spec.loadContext(tx);
    stage = await createStageTable(tx, spec);
    chunks = parallelStagedChunks(
      path,
      parallel,
      separator,
      spec,
      context,
      errors,
      state,
      parallelWorkers(),
      onRows,
      signal,
    );
  } else {
    const validate = await spec.prepare(tx);
    stage = await createStageTable(tx, spec);
    chunks = stagedChunks(
      path,
      separator,
      encoding,
      spec,
      validate,
      errors,
      state,
      onRows,
      signal,
      mapping,
    );
  }
  await tx.copyCsv(stage, stageColumnNames(spec), chunks);
  await yieldToEventLoop();
  // Fresh statistics let the planner pick hash joins for the checks and the merge.
  await tx.exec(`ANALYZE ${stage}`);
}

/** How to read the file in worker threads (parallel-read.ts), or undefined: sequentially. */
async function parallelPlan(
  spec: KindSpec,
  path: string,
  separator: Separator,
  encoding: FileEncoding,
  mapping: ColumnMapping | undefined,
  minBytes = PARALLEL_MIN_BYTES,
): Promise<ParallelPlan | undefined> {
  if (mapping !== undefined || spec.validatorFor === undefined || parallelWorkers() === 0) {
    return undefined;
  }
  if (!(await hasNoQuotesOrCarriageReturns(path))) return undefined;
  return planParallelRead(path, separator, encoding, minBytes);
}

async function runChecks(tx: TxClient, spec: KindSpec, errors: ErrorCollector): Promise<void> {
  const checks = [
    (t: TxClient, stage: string) => duplicateKeys(t, stage, spec.keyColumns),
    ...spec.checks,
  ];
  await withoutNestedLoops(tx, async () => {
    for (const check of checks) {
      await yieldToEventLoop();
      const { found, total } = await check(tx, STAGE_TABLE);
      if (total > 0) errors.addFound(found, total);
    }
  });
}

/** Rows of a school outside the allowed ones (ImportOptions.schools). */
async function checkSchools(
  tx: TxClient,
  kind: ImportKind,
  schools: readonly string[],
  errors: ErrorCollector,
): Promise<void> {
  const column = SCHOOL_COLUMN[kind];
  if (!column) return;
  const rows = await tx.query<{ line: number; value: string; total: number }>(
    `SELECT line, ${column}::text AS value, (count(*) OVER ())::int AS total
       FROM ${STAGE_TABLE} WHERE NOT (${column}::text = ANY($1::text[]))
      ORDER BY line LIMIT ${ERROR_CAP}`,
    [[...schools]],
  );
  const total = rows[0]?.total ?? 0;
  if (total === 0) return;
  errors.addFound(
    rows.map((r) => ({ line: r.line, column, reason: messages.schoolNotAllowed(r.value) })),
    total,
  );
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "onbekend";
  }
}

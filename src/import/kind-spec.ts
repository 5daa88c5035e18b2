// What one canonical file kind (interfaces.md "Canonical CSV files") needs from the pipeline:
// its columns, how a row is validated into staged values, the checks that need the database,
// and the set-based write from the staging table into its tables.
import type { TxClient } from "../db/connect.ts";
import type { RowError } from "./errors.ts";
import type { RowReader } from "./row-reader.ts";

export const IMPORT_KINDS = [
  "schools",
  "closures",
  "pupils",
  "enrolments",
  "attendance",
  "population",
  "exemptions",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export type StageValue = string | number | boolean | null;

export interface StageColumn {
  /** Same name as the target table's column, so upserts can be generated. */
  name: string;
  /** SQL type of the staging column. */
  type: string;
}

/** Validates one row; returns the values in stageColumns order, or undefined when invalid. */
export type RowValidator = (row: RowReader) => StageValue[] | undefined;

export interface CheckResult {
  found: RowError[];
  total: number;
}

export type StageCheck = (tx: TxClient, stage: string) => Promise<CheckResult>;

export interface ImportRun {
  importId: number;
  actor: string;
  /** The file's (normalised) header: optional columns it lacks are left alone. */
  header: ReadonlySet<string>;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface KindSpec {
  kind: ImportKind;
  /** Columns the header must name; other columns the kind reads are optional. */
  requiredColumns: readonly string[];
  stageColumns: readonly StageColumn[];
  /** The natural key (staging column names). */
  keyColumns: readonly string[];
  /** Loads what row validation needs from the database (small sets only) and returns it. */
  prepare(tx: TxClient): Promise<RowValidator>;
  /**
   * For reading in worker threads (parallel-read.ts): what prepare loads, as plain data a worker
   * can be given, and the validator made from it — prepare is validatorFor(loadContext(tx)).
   */
  loadContext?(tx: TxClient): Promise<unknown>;
  validatorFor?(context: unknown): RowValidator;
  /** Checks on the staged rows that need the database or the whole file. */
  checks: readonly StageCheck[];
  write(tx: TxClient, stage: string, run: ImportRun): Promise<WriteCounts>;
}

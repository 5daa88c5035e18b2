// Set-based SQL on the staging table shared by the kinds: duplicate natural keys, references
// to rows that must already exist, and the upsert that counts inserted and changed rows.
import type { TxClient } from "../db/connect.ts";
import { ERROR_CAP, type RowError } from "./errors.ts";
import type { CheckResult, WriteCounts } from "./kind-spec.ts";
import { messages } from "./messages.ts";

/**
 * The checks join the staging table (and aggregates of it, which have no index) with stored
 * rows. On such correlated keys the planner's estimates are often far too low (1 row for
 * 47,000), and a nested loop chosen on them is quadratic: an import hung for hours (issue 20).
 * Hash and merge joins are linear whatever the estimate, so the checks run without nested
 * loops; the setting is transaction-local and switched back before the write.
 */
export async function withoutNestedLoops<T>(tx: TxClient, fn: () => Promise<T>): Promise<T> {
  await tx.exec("SET LOCAL enable_nestloop = off");
  const result = await fn();
  await tx.exec("SET LOCAL enable_nestloop = on");
  return result;
}

interface FoundRow {
  line: number;
  value: string;
  total: number;
}

/** Every later line of a natural key that occurs more than once in the file. */
export async function duplicateKeys(
  tx: TxClient,
  stage: string,
  keys: readonly string[],
): Promise<CheckResult> {
  const keyList = keys.join(", ");
  const rows = await tx.query<{ line: number; first_line: number; total: number }>(
    `WITH dup AS (
       SELECT line, min(line) OVER (PARTITION BY ${keyList}) AS first_line
       FROM ${stage}
       WHERE (${keyList}) IN (SELECT ${keyList} FROM ${stage} GROUP BY ${keyList} HAVING count(*) > 1)
     )
     SELECT line, first_line, (count(*) OVER ())::int AS total
     FROM dup WHERE line > first_line ORDER BY line LIMIT ${ERROR_CAP}`,
  );
  return {
    found: rows.map((r) => ({
      line: r.line,
      column: keys[0] ?? "",
      reason: messages.duplicateKey(r.first_line),
    })),
    total: rows[0]?.total ?? 0,
  };
}

/**
 * Staged rows whose `column` matches no row of the database; `existsSql` is a condition on
 * the staged row `s`, e.g. `EXISTS (SELECT 1 FROM pupils p WHERE p.pupil_id = s.pupil_id)`.
 */
export async function missingReferences(
  tx: TxClient,
  stage: string,
  column: string,
  existsSql: string,
  reason: (value: string) => string,
  onlyWhere = "true",
): Promise<CheckResult> {
  const rows = await tx.query<FoundRow>(
    `SELECT s.line, s.${column} AS value, (count(*) OVER ())::int AS total
     FROM ${stage} s WHERE (${onlyWhere}) AND NOT (${existsSql})
     ORDER BY s.line LIMIT ${ERROR_CAP}`,
  );
  return toCheckResult(rows, column, reason);
}

export function toCheckResult(
  rows: readonly FoundRow[],
  column: string,
  reason: (value: string) => string,
): CheckResult {
  const found: RowError[] = rows.map((r) => ({ line: r.line, column, reason: reason(r.value) }));
  return { found, total: rows[0]?.total ?? 0 };
}

export interface UpsertSpec {
  table: string;
  keys: readonly string[];
  values: readonly string[];
}

/**
 * INSERT … ON CONFLICT DO UPDATE only where a value differs, so an unchanged row is not
 * rewritten; `xmax = 0` tells a fresh insert from an update in RETURNING.
 */
export async function upsertFromStage(
  tx: TxClient,
  stage: string,
  spec: UpsertSpec,
): Promise<WriteCounts> {
  const columns = [...spec.keys, ...spec.values];
  const current = spec.values.map((c) => `${spec.table}.${c}`).join(", ");
  const incoming = spec.values.map((c) => `EXCLUDED.${c}`).join(", ");
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `WITH up AS (
       INSERT INTO ${spec.table} (${columns.join(", ")})
       SELECT ${columns.join(", ")} FROM ${stage}
       ON CONFLICT (${spec.keys.join(", ")}) DO UPDATE
         SET ${spec.values.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
         WHERE ROW(${current}) IS DISTINCT FROM ROW(${incoming})
       RETURNING (xmax = 0) AS fresh
     )
     SELECT (count(*) FILTER (WHERE fresh))::int AS inserted,
            (count(*) FILTER (WHERE NOT fresh))::int AS updated
     FROM up`,
  );
  return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
}

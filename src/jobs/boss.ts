// pg-boss on the application's own database connection, for both engines: PostgreSQL through
// the app's pool, PGlite (single connection, in process) through pg-boss's `executeSql` adapter.
import { PgBoss } from "pg-boss";
import type { Database } from "../db/connect.ts";

/**
 * A query's result shaped as node-postgres gives it, which is what pg-boss expects of a custom
 * db: one result for one statement, the array of every statement's result for several. pg-boss
 * finds rows of earlier statements in a multi-statement query (its advisory lock row, a
 * maintenance batch's cursor) and asserts on them; the last statement's rows alone are not enough.
 */
function asNodePostgres(results: { rows: unknown[] }[]): { rows: unknown[] } {
  // pg-boss's type names only the single-result shape; its unwrapSQLResult takes the array too.
  return (results.length === 1 ? results[0] : results) as { rows: unknown[] };
}

/** How often pg-boss supervises, maintains its queues and runs its BAM commands (default 60 s). */
export interface BossIntervals {
  superviseIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** At least 10. */
  bamIntervalSeconds?: number;
}

export function createBoss(db: Database, intervals: BossIntervals = {}): PgBoss {
  const driver = db.driver;
  if (driver.kind === "pglite") {
    const pglite = driver.pglite;
    return new PgBoss({
      ...intervals,
      backend: "pglite",
      db: {
        async executeSql(text: string, values?: unknown[]) {
          // pg-boss sends its migrations as multi-statement text without parameters.
          if (!values || values.length === 0) return asNodePostgres(await pglite.exec(text));
          return pglite.query(text, values);
        },
      },
    });
  }
  const pool = driver.pool;
  return new PgBoss({
    ...intervals,
    db: {
      executeSql(text: string, values?: unknown[]) {
        return pool.query(text, values);
      },
    },
  });
}

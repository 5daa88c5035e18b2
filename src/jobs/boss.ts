// pg-boss on the application's own database connection, for both engines: PostgreSQL through
// the app's pool, PGlite (single connection, in process) through pg-boss's `executeSql` adapter.
import { PgBoss } from "pg-boss";
import type { Database } from "../db/connect.ts";

type Rows = { rows: unknown[] };

/** The last result of a (possibly multi-statement) query, as pg-boss expects it. */
function lastRows(result: unknown): Rows {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: ((last as { rows?: unknown[] } | undefined)?.rows ?? []) as unknown[] };
}

export function createBoss(db: Database): PgBoss {
  const driver = db.driver;
  if (driver.kind === "pglite") {
    const pglite = driver.pglite;
    return new PgBoss({
      backend: "pglite",
      db: {
        async executeSql(text: string, values?: unknown[]) {
          // pg-boss sends its migrations as multi-statement text without parameters.
          if (!values || values.length === 0) return lastRows(await pglite.exec(text));
          return lastRows(await pglite.query(text, values));
        },
      },
    });
  }
  const pool = driver.pool;
  return new PgBoss({
    db: {
      async executeSql(text: string, values?: unknown[]) {
        return lastRows(await pool.query(text, values));
      },
    },
  });
}

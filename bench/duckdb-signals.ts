// The DuckDB peer of the signal rules (domain.md §3–§4): loads a directory of canonical CSV
// files (as written by bench/signals-data.ts) and evaluates the attendance signals in SQL.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { signalStatements } from "./duckdb-signals-sql.ts";

export interface PeerSignal {
  pupil_id: string;
  school_id: string;
  code: string;
  as_of: string;
  /** Only for LONG_TERM_ABSENT; null otherwise. */
  legal: boolean | null;
}

export interface DuckDbOptions {
  /** A database file (spills less to memory at a million pupils) or ":memory:". */
  path?: string;
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDBConnection> {
  const settings: Record<string, string> = {};
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.threads) settings.threads = String(options.threads);
  if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(options.path ?? ":memory:", settings);
  return instance.connect();
}

function csv(dir: string, pattern: string, types: Record<string, string>): string {
  const typeList = Object.entries(types)
    .map(([name, type]) => `'${name}': '${type}'`)
    .join(", ");
  const path = `${dir.replaceAll("'", "''")}/${pattern}`;
  return `read_csv('${path}', header = true, auto_detect = true, union_by_name = true, types = {${typeList}})`;
}

/** Loads schools, closures, pupils, enrolments and attendance (chunk files by glob) as tables. */
export async function loadSignalsData(connection: DuckDBConnection, dir: string): Promise<void> {
  const minutes = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [`minutes_${d}`, "INTEGER"]),
  );
  const tables: Array<[string, string]> = [
    [
      "schools",
      `SELECT school_id, holiday_region, minutes_mon, minutes_tue, minutes_wed, minutes_thu, minutes_fri
       FROM ${csv(dir, "schools.csv", { school_id: "VARCHAR", holiday_region: "VARCHAR", ...minutes })}`,
    ],
    [
      "closures",
      `SELECT scope, start_date, end_date
       FROM ${csv(dir, "closures.csv", { scope: "VARCHAR", start_date: "DATE", end_date: "DATE" })}`,
    ],
    [
      "pupils",
      `SELECT pupil_id, birth_date FROM ${csv(dir, "pupils*.csv", { pupil_id: "VARCHAR", birth_date: "DATE" })}`,
    ],
    [
      "enrolments",
      `SELECT pupil_id, school_id, start_date, end_date
       FROM ${csv(dir, "enrolments*.csv", { pupil_id: "VARCHAR", school_id: "VARCHAR", start_date: "DATE", end_date: "DATE" })}`,
    ],
    [
      "attendance",
      `SELECT pupil_id, school_id, date, period, minutes, reason
       FROM ${csv(dir, "attendance*.csv", {
         pupil_id: "VARCHAR",
         school_id: "VARCHAR",
         date: "DATE",
         period: "VARCHAR",
         minutes: "INTEGER",
         reason: "VARCHAR",
       })}`,
    ],
  ];
  for (const [name, select] of tables) {
    await connection.run(`CREATE OR REPLACE TABLE ${name} AS ${select}`);
  }
}

/** Evaluates the attendance signals at `asOf`, sorted by pupil_id, code, school_id. */
export async function evaluateSignalsDuckDb(
  connection: DuckDBConnection,
  asOf: string,
): Promise<PeerSignal[]> {
  for (const statement of signalStatements(asOf)) await connection.run(statement);
  const reader = await connection.runAndReadAll(
    "SELECT pupil_id, school_id, code, legal FROM signals ORDER BY pupil_id, code, school_id",
  );
  return reader.getRowObjectsJS().map((row) => ({
    pupil_id: String(row.pupil_id),
    school_id: String(row.school_id),
    code: String(row.code),
    as_of: asOf,
    legal: row.legal === null ? null : Boolean(row.legal),
  }));
}

/**
 * Applies a day's corrections (`op,pupil_id,school_id,date,period,minutes,reason`, as written by
 * bench/signals-incremental.ts): every row with the key (pupil, school, date, period) is
 * replaced by the `upsert` rows, or removed for `delete`.
 */
export async function applyDayChangesDuckDb(
  connection: DuckDBConnection,
  path: string,
): Promise<void> {
  const file = csv(path.slice(0, path.lastIndexOf("/")), path.slice(path.lastIndexOf("/") + 1), {
    op: "VARCHAR",
    pupil_id: "VARCHAR",
    school_id: "VARCHAR",
    date: "DATE",
    period: "VARCHAR",
    minutes: "INTEGER",
    reason: "VARCHAR",
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE day_changes AS SELECT * FROM ${file}`);
  await connection.run(
    `DELETE FROM attendance a USING day_changes c
     WHERE a.pupil_id = c.pupil_id AND a.school_id = c.school_id AND a.date = c.date AND a.period = c.period`,
  );
  await connection.run(
    `INSERT INTO attendance SELECT pupil_id, school_id, date, period, minutes, reason
     FROM day_changes WHERE op = 'upsert'`,
  );
}

// Opens the database named by --db / DATABASE_URL (interfaces.md "Command line"):
// a postgres:// URL is a PostgreSQL server, memory:// an embedded throw-away database,
// anything else a directory for the embedded PGlite database (one process per directory).
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { setImmediate } from "node:timers/promises";
import {
  PGlite,
  type PGliteOptions,
  type QueryOptions as PgliteQueryOptions,
  type Transaction as PgliteTransaction,
} from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { recoverInterruptedWrite } from "./interrupted-write.ts";
import { acquireDirectoryLock, type DirectoryLock } from "./lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

export type DbKind = "pglite" | "postgres";

export interface QueryOptions {
  /**
   * A statement run on every request: on a PostgreSQL server it becomes a named prepared
   * statement, parsed and planned once per connection (the name must always carry the same
   * text). PGlite runs it as it is.
   */
  prepareAs?: string;
}

/** Minimal SQL surface both drivers share; rows come back as plain objects. */
export interface SqlClient {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: DbKind;
  /** Human-readable location without credentials, for messages. */
  location: string;
  orm: Orm;
  sql: SqlClient;
  /** Runs fn in one transaction on a dedicated connection; rolls back when it throws. */
  transaction<T>(fn: (tx: TxClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The underlying driver, for bulk paths (COPY) that need it. */
  driver: { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; pool: pg.Pool };
}

export interface TxClient extends SqlClient {
  orm: Orm;
  /** PGlite runs statements in this process's thread: long bulk work is split into batches. */
  kind: DbKind;
  /** Bulk-loads CSV text (with header-less rows) into table(columns) using COPY. */
  copyCsv(
    table: string,
    columns: string[],
    chunks: AsyncIterable<string> | Iterable<string>,
  ): Promise<void>;
}

export const DEFAULT_DB = "./data/db";

/** Characters of CSV per COPY statement on PGlite. */
const PGLITE_COPY_CHARS = 2 << 20;

export function resolveDbSpec(cliValue?: string): string {
  return cliValue ?? process.env.DATABASE_URL ?? DEFAULT_DB;
}

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export interface OpenOptions {
  /**
   * PGlite options for `memory://`, e.g. `loadDataDir` to start from a copy of another
   * database instead of an empty one (the tests clone one migrated database this way).
   */
  memory?: PGliteOptions;
}

export async function openDatabase(spec: string, options: OpenOptions = {}): Promise<Database> {
  if (isPostgresUrl(spec)) return openPostgres(spec);
  return openPglite(spec, options);
}

async function openPglite(spec: string, options: OpenOptions): Promise<Database> {
  let lock: DirectoryLock | undefined;
  let pglite: PGlite;
  let location: string;
  if (spec === "memory://" || spec === "memory") {
    pglite = new PGlite(options.memory);
    location = "memory://";
  } else {
    const dir = resolve(spec);
    mkdirSync(dir, { recursive: true });
    lock = acquireDirectoryLock(dir);
    try {
      pglite = new PGlite(dir);
      await pglite.waitReady;
      await recoverInterruptedWrite(pglite, dir);
    } catch (error) {
      lock.release();
      throw error;
    }
    location = dir;
  }
  await pglite.waitReady;
  const plainStatements = new Set<string>();
  const orm = drizzlePglite(withoutNeedlessParsers(pglite, plainStatements), {
    schema,
  }) as unknown as Orm;
  const sqlClient: SqlClient = {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pglite.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await pglite.exec(text);
    },
  };
  return {
    kind: "pglite",
    location,
    orm,
    sql: sqlClient,
    driver: { kind: "pglite", pglite },
    async transaction(fn) {
      return pglite.transaction(async (tx) => {
        // Without the schema (see TX_ORM_NOTE): no relational config built per transaction.
        const txOrm = drizzlePglite(
          withoutNeedlessParsers(tx, plainStatements) as unknown as PGlite,
        ) as unknown as Orm;
        const client: TxClient = {
          kind: "pglite",
          orm: txOrm,
          async query<T>(text: string, params: unknown[] = []) {
            return (await tx.query<T>(text, params)).rows;
          },
          async exec(text: string) {
            await tx.exec(text);
          },
          async copyCsv(table, columns, chunks) {
            // One COPY per ~2 MB, with a turn for the event loop between them: one COPY of a
            // whole large file held the process's only thread for many seconds (issue 20).
            const copy = async (parts: string[]) => {
              const blob = new Blob(parts, { type: "text/csv" });
              await tx.query(
                `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`,
                [],
                { blob },
              );
              await setImmediate();
            };
            let parts: string[] = [];
            let size = 0;
            for await (const chunk of chunks) {
              parts.push(chunk);
              size += chunk.length;
              if (size >= PGLITE_COPY_CHARS) {
                await copy(parts);
                parts = [];
                size = 0;
              }
            }
            if (parts.length > 0) await copy(parts);
          },
        };
        return fn(client);
      });
    },
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}

// TX_ORM_NOTE: a transaction's `orm` is made without the schema. Given one, drizzle builds the
// relational-query config of every table (`extractTablesRelationalConfig`) each time, ~4 % of the
// CPU of writing the demo; that config serves only `orm.query.<table>.findMany()`-style reads,
// which this code base does not use (the database's own `orm` keeps the schema).

/**
 * The types drizzle's PGlite driver reads as text: it hands every statement parsers of its own for
 * them (timestamp, timestamptz, interval, date and their arrays, and numeric[]).
 */
const DRIZZLE_PARSED_TYPES = new Set([1114, 1184, 1186, 1082, 1115, 1185, 1187, 1182, 1231]);
const PLAIN_STATEMENTS_MAX = 20_000;

/**
 * The PGlite client drizzle gets. PGlite merges a statement's own parsers into a copy of its ~400
 * parsers (the array types) for every statement that brings some, and drizzle brings them to
 * every statement: that copy was 15 % of the CPU of a request on PGlite (the authorization matrix)
 * and of writing the demo. A statement whose result has none of drizzle's types is parsed the
 * same without them, so after its first run its text is remembered (per database) and later runs
 * leave drizzle's parsers out. The same text always gives the same result types; were a column's
 * type changed under a remembered statement, the run fails rather than parse it differently.
 */
function withoutNeedlessParsers<C extends PGlite | PgliteTransaction>(
  client: C,
  plain: Set<string>,
): C {
  const hasDrizzleTypes = (fields: { dataTypeID: number }[]) =>
    fields.some((field) => DRIZZLE_PARSED_TYPES.has(field.dataTypeID));
  const query = async (text: string, params?: unknown[], options?: PgliteQueryOptions) => {
    if (options?.parsers && plain.has(text)) {
      const result = await client.query(text, params, { ...options, parsers: undefined });
      if (hasDrizzleTypes(result.fields)) {
        throw new Error(`the result types of a remembered statement changed: ${text}`);
      }
      return result;
    }
    const result = await client.query(text, params, options);
    if (options?.parsers && !hasDrizzleTypes(result.fields)) {
      if (plain.size >= PLAIN_STATEMENTS_MAX) plain.clear();
      plain.add(text);
    }
    return result;
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Dates stay 'YYYY-MM-DD' strings, never shifted through a JS Date in a time zone.
  pool.on("connect", () => {});
  // node-postgres emits 'error' for an idle client whose connection the server ended (a restart,
  // pg_terminate_backend, a network cut); unhandled, that event ends the whole process. The pool
  // drops that client and opens a new one for the next query, so noting it is enough.
  pool.on("error", (error) => {
    process.stderr.write(
      `databaseverbinding verbroken (wordt opnieuw opgebouwd): ${error.message}\n`,
    );
  });
  const orm = drizzlePg(pool, { schema }) as unknown as Orm;
  const location = url.replace(/\/\/([^@/]*)@/, "//***@");
  const client: SqlClient = {
    async query<T>(text: string, params: unknown[] = [], options: QueryOptions = {}) {
      const result = await pool.query(
        options.prepareAs
          ? { name: options.prepareAs, text, values: params }
          : { text, values: params },
      );
      return result.rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
  };
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(location, error);
  }
  return {
    kind: "postgres",
    location,
    orm,
    sql: client,
    driver: { kind: "postgres", pool },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        // Without the schema (see TX_ORM_NOTE): no relational config built per transaction.
        const txOrm = drizzlePg(conn) as unknown as Orm;
        const tx: TxClient = {
          kind: "postgres",
          orm: txOrm,
          async query<T>(text: string, params: unknown[] = []) {
            return (await conn.query(text, params)).rows as T[];
          },
          async exec(text: string) {
            await conn.query(text);
          },
          async copyCsv(table, columns, chunks) {
            const { from } = await import("pg-copy-streams");
            const { pipeline } = await import("node:stream/promises");
            const { Readable } = await import("node:stream");
            const stream = conn.query(
              from(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`),
            );
            await pipeline(Readable.from(chunks), stream);
          },
        };
        const result = await fn(tx);
        await conn.query("COMMIT");
        return result;
      } catch (error) {
        await conn.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export class DatabaseUnavailableError extends Error {
  constructor(location: string, cause: unknown) {
    super(`database ${location} is not reachable: ${(cause as Error)?.message ?? cause}`);
    this.name = "DatabaseUnavailableError";
  }
}

// Database suites run on both engines (DEVELOPERS.md, docs/adr/0003-test-layout.md): the embedded
// PGlite and a real PostgreSQL server named by TEST_DATABASE_URL. Every database a test gets is a
// copy of one migrated database, so no test pays for an empty database and its migrations:
// - PGlite: a dump of a migrated data directory, made once per set of migrations and kept under
//   node_modules/.cache (the db project's globalSetup makes it before the workers start); each
//   `fresh()` starts a PGlite from it (`loadDataDir`, what PGlite's own `clone()` does).
// - PostgreSQL: a template database `aanwezig_template_<hash of the migrations>` on the server;
//   each `fresh()` is `CREATE DATABASE … TEMPLATE` it, dropped again by `dispose()`.
// `emptyDatabase(db)` brings a database back to its just-migrated contents between tests, so a
// suite can keep one database for all its tests.
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, isPostgresUrl, openDatabase } from "../../src/db/connect.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../src/db/migrate.ts";

export interface FreshDatabase {
  db: Database;
  spec: string;
  dispose(): Promise<void>;
}

export interface Engine {
  name: "pglite" | "postgres";
  /** A fresh copy of the migrated, empty database; `dispose()` closes (and drops) it. */
  fresh(): Promise<FreshDatabase>;
}

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE_DIR = join(REPO_ROOT, "node_modules/.cache/aanwezig-test");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let key: string | undefined;
/** 12 hex characters naming the migrations (and the PGlite version): new migrations, new copies. */
export function migrationsKey(): string {
  if (key) return key;
  const hash = createHash("sha256");
  for (const file of filesUnder(MIGRATIONS_FOLDER)) {
    hash.update(file.slice(MIGRATIONS_FOLDER.length)).update(readFileSync(file));
  }
  hash.update(readFileSync(join(REPO_ROOT, "node_modules/@electric-sql/pglite/package.json")));
  key = hash.digest("hex").slice(0, 12);
  return key;
}

// ---------------------------------------------------------------------------------------------
// PGlite

let pgliteDump: Promise<Blob> | undefined;

/**
 * The dump as PGlite's `loadDataDir` reads it: PGlite only calls `arrayBuffer()` on it, and
 * Node's `Blob.arrayBuffer()` reads a 43 MB blob in small chunks and joins them (0.4–1 s CPU of
 * the 1.5–2.5 s a PGlite start costs, measured). This one hands out a plain copy of the bytes
 * read once per process (a memcpy), so every `fresh()` PGlite start skips that.
 */
export class TemplateDump extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: Uint8Array) {
    super([]);
    this.#bytes = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice(0));
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new Blob([this.#bytes]).stream();
  }
}

/** The migrated database's data directory as a tar file: read from the cache or made once. */
export function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= cachedDump(`pglite-${migrationsKey()}.tar`, async () => {
    const db = await openDatabase("memory://");
    try {
      await migrateDatabase(db);
      if (db.driver.kind !== "pglite") throw new Error("memory:// is not PGlite");
      return await db.driver.pglite.dumpDataDir("none");
    } finally {
      await db.close();
    }
  });
  return pgliteDump;
}

/**
 * A PGlite dump kept in the cache directory under `name`: read from there, or made by `make`
 * and written there (under a name of its own, then renamed: parallel workers never read half a
 * file).
 */
async function cachedDump(name: string, make: () => Promise<Blob>): Promise<Blob> {
  const file = join(CACHE_DIR, name);
  try {
    return new TemplateDump(readFileSync(file));
  } catch {
    const bytes = Buffer.from(await (await make()).arrayBuffer());
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return new TemplateDump(bytes);
  }
}

let emptyClusterDump: Promise<Blob> | undefined;

/**
 * A new embedded database as `initdb` leaves it (no tables, no migrations), for tests of what
 * happens to an empty installation (a restore, a first migration). `initdb` in WebAssembly costs
 * ~2 s CPU; its data directory is dumped once per PGlite version to the cache, and every call
 * starts a PGlite from that dump (~0.7 s), as PGlite's own `clone()` does.
 */
export async function emptyPglite(): Promise<Database> {
  return openDatabase("memory://", { memory: { loadDataDir: await emptyClusterTemplate() } });
}

/**
 * Lays that `initdb` state into the PGlite directory `spec` (a path that does not exist yet or is
 * empty): an installation's database that nothing has migrated, without paying `initdb` in
 * whatever process opens it next. Copy the directory for more of them (a closed data directory is
 * the whole database).
 */
export async function emptyPgliteDirectory(spec: string): Promise<void> {
  const pglite = new PGlite(spec, { loadDataDir: await emptyClusterTemplate() });
  await pglite.waitReady;
  await pglite.close();
}

function emptyClusterTemplate(): Promise<Blob> {
  if (emptyClusterDump) return emptyClusterDump;
  const version = createHash("sha256")
    .update(readFileSync(join(REPO_ROOT, "node_modules/@electric-sql/pglite/package.json")))
    .digest("hex")
    .slice(0, 12);
  emptyClusterDump = cachedDump(`pglite-empty-${version}.tar`, async () => {
    const pglite = new PGlite();
    try {
      await pglite.waitReady;
      return await pglite.dumpDataDir("none");
    } finally {
      await pglite.close();
    }
  });
  return emptyClusterDump;
}

const pgliteEngine: Engine = {
  name: "pglite",
  async fresh() {
    const db = await openDatabase("memory://", {
      memory: { loadDataDir: await pgliteTemplate() },
    });
    await rememberEmptyTables(db);
    return { db, spec: "memory://", dispose: () => db.close() };
  },
};

/**
 * Lays the migrated template into the PGlite directory `spec` (a path that does not exist yet or
 * is empty), so a test that hands a directory to `bin/aanwezig` pays neither `initdb` nor the
 * migrations (seconds of CPU each). A PostgreSQL URL, `memory://` or a directory that already
 * holds a database is left alone. A test that is about migrating an empty installation does not
 * call this.
 */
export async function migratedPgliteDirectory(spec: string): Promise<void> {
  if (isPostgresUrl(spec) || spec.startsWith("memory")) return;
  if (existsSync(spec) && readdirSync(spec).length > 0) return;
  const pglite = new PGlite(spec, { loadDataDir: await pgliteTemplate() });
  await pglite.waitReady;
  await pglite.close();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A test database's name on the run's list (the db project's globalSetup names the file in
 * AANWEZIG_TEST_DB_REGISTRY), so that its teardown drops what a test file left behind: a file
 * whose process ends before its `dispose()` (a killed child, a failed hook) left its databases on
 * the server, about fifteen a run (5 December 2026).
 */
function registerTestDatabase(name: string): string {
  const registry = process.env.AANWEZIG_TEST_DB_REGISTRY;
  if (registry) appendFileSync(registry, `${name}\n`);
  return name;
}

/** Drops the databases on the run's list that still exist (the db project's global teardown). */
export async function dropRegisteredDatabases(
  serverUrl: string,
  registry: string,
): Promise<number> {
  if (!existsSync(registry)) return 0;
  const names = [...new Set(readFileSync(registry, "utf8").split("\n").filter(Boolean))];
  if (names.length === 0) return 0;
  return onServer(databaseUrl(serverUrl, "postgres"), async (c) => {
    const left = await c.query<{ datname: string }>(
      "select datname from pg_database where datname = any($1::text[])",
      [names],
    );
    for (const { datname } of left.rows) {
      await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    return left.rows.length;
  });
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Retries while the server still counts a just-closed connection to the database (55006). */
async function whileInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await sleep(100);
    }
  }
}

const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The name of the migrated template database on the server, made when missing: migrated under a
 * name of its own, then renamed, so no one ever copies a half-migrated template and concurrent
 * makers (other test processes, other working trees with the same migrations) do not collide.
 */
export function postgresTemplate(serverUrl: string): Promise<string> {
  let made = postgresTemplates.get(serverUrl);
  if (!made) {
    made = (async () => {
      const name = `aanwezig_template_${migrationsKey()}`;
      const exists = await onServer(serverUrl, async (c) => {
        const found = await c.query("select 1 from pg_database where datname = $1", [name]);
        return (found.rowCount ?? 0) > 0;
      });
      if (exists) return name;
      const building = `aanwezig_tb_${randomBytes(6).toString("hex")}`;
      await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${building}`));
      const db = await openDatabase(databaseUrl(serverUrl, building));
      try {
        await migrateDatabase(db);
      } finally {
        await db.close();
      }
      await onServer(serverUrl, async (c) => {
        try {
          await whileInUse(() => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
        } catch (error) {
          // Another process made it meanwhile (42P04: the name exists): use theirs.
          if ((error as { code?: string }).code !== "42P04") throw error;
          await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        }
      });
      return name;
    })();
    postgresTemplates.set(serverUrl, made);
  }
  return made;
}

function postgresEngine(serverUrl: string): Engine {
  return {
    name: "postgres",
    async fresh() {
      const template = await postgresTemplate(serverUrl);
      const name = registerTestDatabase(`aanwezig_t_${randomBytes(6).toString("hex")}`);
      await onServer(serverUrl, async (c) => {
        await whileInUse(() => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
        // A commit in a test database does not wait for its WAL to reach the disk: what other
        // sessions see is the same (a server crash could lose the last commits, which no test
        // makes), and the suites commit thousands of times. For this database alone; the
        // server's own setting stays as it is.
        await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
      });
      const spec = databaseUrl(serverUrl, name);
      const db = await openDatabase(spec);
      await rememberEmptyTables(db);
      return {
        db,
        spec,
        async dispose() {
          await db.close();
          await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * `n` databases with the same contents, for a test that compares two ways of doing one thing:
 * `build` fills one fresh database, the others are copies of it (PGlite: its data directory
 * dumped and loaded, as PGlite's `clone()` does; PostgreSQL: CREATE DATABASE … TEMPLATE it), so
 * the work of `build` is done once and the copies are identical by construction.
 */
export async function identicalDatabases(
  engine: Engine,
  n: number,
  build: (db: Database) => Promise<void>,
): Promise<FreshDatabase[]> {
  const first = await engine.fresh();
  try {
    await build(first.db);
  } catch (error) {
    await first.dispose();
    throw error;
  }
  const driver = first.db.driver;
  if (driver.kind === "pglite") {
    const dump = await driver.pglite.dumpDataDir("none");
    const bytes = new TemplateDump(new Uint8Array(await dump.arrayBuffer()));
    const copies: FreshDatabase[] = [first];
    while (copies.length < n) {
      const db = await openDatabase("memory://", { memory: { loadDataDir: bytes } });
      copies.push({ db, spec: "memory://", dispose: () => db.close() });
    }
    return copies;
  }
  // CREATE DATABASE … TEMPLATE needs the source without connections: closed, copied, reopened.
  const source = new URL(first.spec).pathname.slice(1);
  const server = databaseUrl(first.spec, "postgres");
  await first.db.close();
  const specs = [first.spec];
  while (specs.length < n) {
    const name = registerTestDatabase(`aanwezig_t_${randomBytes(6).toString("hex")}`);
    await onServer(server, async (c) => {
      await whileInUse(() => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
      await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    });
    specs.push(databaseUrl(server, name));
  }
  const copies: FreshDatabase[] = [];
  for (const spec of specs) {
    const db = await openDatabase(spec);
    const name = new URL(spec).pathname.slice(1);
    copies.push({
      db,
      spec,
      async dispose() {
        await db.close();
        await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    });
  }
  return copies;
}

// ---------------------------------------------------------------------------------------------

/** The engines to run database suites on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function engines(): Engine[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error("TEST_DATABASE_URL must be set in CI: database suites run on both engines");
  }
  return url ? [pgliteEngine, postgresEngine(url)] : [pgliteEngine];
}

/** Makes the template of every engine, once, before the test processes start (globalSetup). */
export async function prepareTemplates(): Promise<void> {
  await pgliteTemplate();
  const url = process.env.TEST_DATABASE_URL;
  if (url) await postgresTemplate(url);
}

/** Per engine: the tables a just-migrated database has no rows in, read from the first copy. */
const emptyTables = new Map<Engine["name"], Promise<string[]>>();

async function rememberEmptyTables(db: Database): Promise<void> {
  if (emptyTables.has(db.kind)) return;
  const read = (async () => {
    const names = await db.sql.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    if (names.length === 0) return [];
    const rows = await db.sql.query<{ name: string; filled: boolean }>(
      names
        .map(({ name }) => `select '${name}' as name, exists (select 1 from "${name}") as filled`)
        .join(" union all "),
    );
    return rows.filter((r) => !r.filled).map((r) => `"${r.name}"`);
  })();
  emptyTables.set(db.kind, read);
  await read;
}

/**
 * Brings db (from an engine's `fresh()`) back to the contents of a just-migrated database: every
 * table that is empty after the migrations is truncated, identities restarted. Tables the
 * migrations fill (the data version counters) are left alone; the truncation bumps the region's
 * data version, as any change of the region's data does, so caches keyed by it see the change.
 */
export async function emptyDatabase(db: Database): Promise<void> {
  const tables = await emptyTables.get(db.kind);
  if (!tables) throw new Error("emptyDatabase: db was not made by an engine's fresh()");
  await db.sql.exec(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
}

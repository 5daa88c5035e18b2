// Database suites run on both engines (DEVELOPERS.md): the embedded PGlite and a real
// PostgreSQL server named by TEST_DATABASE_URL, with a fresh database per test file.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";

export interface Engine {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database; returns it with a disposer that drops it. */
  fresh(): Promise<{ db: Database; spec: string; dispose(): Promise<void> }>;
}

const pgliteEngine: Engine = {
  name: "pglite",
  async fresh() {
    const db = await openDatabase("memory://");
    await migrateDatabase(db);
    return { db, spec: "memory://", dispose: () => db.close() };
  },
};

function postgresEngine(serverUrl: string): Engine {
  return {
    name: "postgres",
    async fresh() {
      const name = `aanwezig_t_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const spec = url.toString();
      const db = await openDatabase(spec);
      await migrateDatabase(db);
      return {
        db,
        spec,
        async dispose() {
          await db.close();
          const drop = new pg.Client({ connectionString: serverUrl });
          await drop.connect();
          await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await drop.end();
        },
      };
    },
  };
}

/** The engines to run database suites on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function engines(): Engine[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error("TEST_DATABASE_URL must be set in CI: database suites run on both engines");
  }
  return url ? [pgliteEngine, postgresEngine(url)] : [pgliteEngine];
}

// The CLI as an operator runs it: bin/aanwezig in a child process against a database spec, and
// the databases such a test runs on (an embedded PGlite directory, and PostgreSQL when
// TEST_DATABASE_URL names one), seeded before the child process opens them.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { buildApp } from "../../src/http/app.ts";
import { engines, migratedPgliteDirectory } from "./databases.ts";

const BIN = new URL("../../bin/aanwezig", import.meta.url).pathname;

export interface CliTarget {
  name: string;
  spec: string;
  dispose(): Promise<void>;
}

/** Runs `bin/aanwezig --db <db> <args>` in cwd; input and env only when given. */
export function runCli(
  cwd: string,
  db: string,
  args: string[],
  extra: { input?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const run = spawnSync(BIN, ["--db", db, ...args], {
    encoding: "utf8",
    cwd,
    ...(extra.input !== undefined && { input: extra.input }),
    ...(extra.env !== undefined && { env: { ...process.env, ...extra.env } }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A migrated PGlite directory under dir, and a fresh PostgreSQL database if one is configured, each seeded and closed. */
export async function seededTargets(
  dir: string,
  seed: (db: Database) => Promise<void>,
): Promise<CliTarget[]> {
  const spec = join(dir, "db");
  await migratedPgliteDirectory(spec);
  const local = await openDatabase(spec);
  await migrateDatabase(local); // nothing left to do: the template is migrated
  await seed(local);
  await local.close();
  const list: CliTarget[] = [{ name: "pglite directory", spec, dispose: async () => {} }];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await seed(fresh.db);
    await fresh.db.close(); // the child process opens its own connection
    list.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  return list;
}

/** Opens the database the child process wrote, runs fn against the web app on it, closes both. */
export async function withApp<T>(
  spec: string,
  fn: (app: Awaited<ReturnType<typeof buildApp>>, db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(spec);
  const app = await buildApp({ db, oidc: null });
  try {
    return await fn(app, db);
  } finally {
    await app.close();
    await db.close();
  }
}

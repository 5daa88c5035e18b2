import type { Command } from "commander";
import { type Database, openDatabase, resolveDbSpec } from "../../db/connect.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { DEMO_EMAIL_DOMAIN, hasDemoAccounts } from "../../db/repositories/users.ts";
import { regionIsEmpty, writeFullDemo } from "../../demo/fill.ts";
import { buildApp } from "../../http/app.ts";
import { parseTrustProxy, TrustProxyError } from "../../http/trust-proxy.ts";
import { type Jobs, startJobs } from "../../jobs/scheduler.ts";
import { globalOptions } from "../context.ts";
import { emptyInstallationNotice } from "../empty-installation.ts";
import { BadInputError, UsageError } from "../errors.ts";
import { loggerOptions, resolveLogSetup, startMessage } from "../log-output.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("runs the web application, the API and the scheduled jobs")
    .option("--port <n>", "port", "8080")
    .option("--host <h>", "host", "127.0.0.1")
    .option("--allow-demo-accounts", "allow demo accounts on a postgres:// database")
    .option(
      "--demo-if-empty",
      "fill an empty embedded database with the demo region first (what npm start does)",
    )
    .option("--no-jobs", "do not run the scheduled jobs (tests, tools, a second server)")
    .option(
      "--log-level <level>",
      "fatal, error, warn, info (default), debug (also every request), trace or silent; env AANWEZIG_LOG_LEVEL",
    )
    .option(
      "--log-format <format>",
      "text (default: short lines for people) or json (one object per line, every request at info); env AANWEZIG_LOG_FORMAT",
    )
    .action(
      async (
        opts: {
          port: string;
          host: string;
          allowDemoAccounts?: boolean;
          demoIfEmpty?: boolean;
          jobs: boolean;
          logLevel?: string;
          logFormat?: string;
        },
        command: Command,
      ) => {
        const port = Number.parseInt(opts.port, 10);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new UsageError(`--port must be a number 0-65535 (got '${opts.port}')`);
        }
        const trustProxy = trustProxyFromEnv();
        const logs = resolveLogSetup(opts);
        const db = await openDatabase(resolveDbSpec(globalOptions(command).db));
        let demoAccounts = false;
        try {
          await migrateDatabase(db);
          if (opts.demoIfEmpty === true) await fillDemoIfEmpty(db);
          await refuseDemoAccounts(db, opts.allowDemoAccounts === true);
          demoAccounts = await hasDemoAccounts(db.orm);
          const emptyNotice = await emptyInstallationNotice(db);
          if (emptyNotice !== null) console.error(emptyNotice);
        } catch (error) {
          await db.close();
          throw error;
        }
        let jobs: Jobs | null = null;
        const app = await buildApp({
          db,
          trustProxy,
          logger: loggerOptions(logs),
          requestLogLevel: logs.requestLevel,
          // A command's notification mail joins the job queue at once (the jobs start below).
          mail: opts.jobs ? { queue: async (ids) => jobs?.mail.queue(ids) } : null,
        });
        try {
          if (opts.jobs)
            jobs = await startServerJobs(db, (m, d) =>
              // An error is logged as one (message and stack), not as its enumerable fields.
              d instanceof Error ? app.log.error({ err: d }, m) : app.log.info({ detail: d }, m),
            );
        } catch (error) {
          await app.close();
          await db.close();
          throw error;
        }
        let stopping = false;
        const shutdown = async () => {
          if (stopping) return;
          stopping = true;
          // No new requests first; then a running job may finish; the database closes last.
          await app.close();
          await jobs?.stop();
          await db.close();
          process.exit(0);
        };
        process.once("SIGINT", shutdown);
        process.once("SIGTERM", shutdown);
        await app.listen({
          port,
          host: opts.host,
          // Fastify's "Server listening at …" for machines; one Dutch line for a person.
          ...(logs.format === "text"
            ? { listenTextResolver: (address: string) => startMessage(address, demoAccounts) }
            : {}),
        });
      },
    );
}

/** Read before the database opens, so a wrong value stops the start with a usage error. */
function trustProxyFromEnv() {
  try {
    return parseTrustProxy(process.env.AANWEZIG_TRUST_PROXY);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The daily job (src/jobs): at 06:00 Europe/Amsterdam, and once at start when today (the domain's
 * date: a demo database's frozen date) has no finished evaluation yet.
 */
export function startServerJobs(
  db: Database,
  log: (message: string, detail?: unknown) => void,
): Promise<Jobs> {
  return startJobs(db, { log, catchUp: true });
}

/**
 * `npm start` on a fresh checkout: an empty embedded database gets the deterministic demo region
 * so there is something to see. A PostgreSQL server is never filled implicitly (it may be a real
 * region's database that happens to be empty); use `aanwezig demo` there.
 */
async function fillDemoIfEmpty(db: Database): Promise<void> {
  if (db.kind !== "pglite" || !(await regionIsEmpty(db))) return;
  console.error(`lege database in ${db.location}: de demoregio wordt aangemaakt …`);
  const { write, durationMs } = await writeFullDemo(db);
  console.error(
    `demoregio klaar in ${(durationMs.total / 1000).toFixed(1)} s (${write.counts.pupils} leerlingen)`,
  );
}

/**
 * interfaces.md "Demo accounts": their password is public, so a server database (postgres://,
 * the production kind) with demo accounts is refused unless the operator says it is a demo.
 */
export async function refuseDemoAccounts(db: Database, allowed: boolean): Promise<void> {
  if (allowed || db.kind !== "postgres") return;
  if (await hasDemoAccounts(db.orm)) {
    throw new BadInputError(
      `de database ${db.location} bevat demo-accounts (*${DEMO_EMAIL_DOMAIN}) met een openbaar ` +
        "wachtwoord; serve weigert te starten (database contains demo accounts). " +
        "Gebruik --allow-demo-accounts als dit een demo-omgeving is.",
    );
  }
}

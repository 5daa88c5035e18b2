// Starts the real application for a browser test: `bin/aanwezig serve` on a free port with a
// fresh embedded database in a temporary directory (optionally with users in it), and waits
// until /api/health answers (`startApp`); or the same empty installation served from the test's
// own process (`startInProcessApp`). The web app is built first if it is missing or stale.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type Database, openDatabase } from "../../../src/db/connect.ts";
import { migrateDatabase } from "../../../src/db/migrate.ts";
import { createUser, type NewUser } from "../../../src/db/repositories/users.ts";
import { buildApp } from "../../../src/http/app.ts";
import { engines, migratedPgliteDirectory } from "../../support/databases.ts";
import { ensureWebBuilt } from "./build-web.ts";
import { REPO_ROOT } from "./paths.ts";
import { startWebFront } from "./web-front.ts";

export interface RunningApp {
  /** Where the browser opens the web app. */
  url: string;
  stop(): Promise<void>;
}

// Generous: on a loaded two-core machine a cold start of the CLI alone can take many seconds.
const STARTUP_TIMEOUT_MS = 120_000;
/** index.html names the app in a meta tag, so a placeholder page is not mistaken for it. */
const WEB_APP_MARKER = 'content="aanwezig-web"';

export interface StartAppOptions {
  users?: NewUser[];
  /** Runs on the migrated database before the server opens it (the directory is one process's). */
  prepare?: (db: Database) => Promise<void>;
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  await ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), "aanwezig-e2e-"));
  const dbDir = join(dir, "db");
  if (options.users?.length || options.prepare) {
    await seedDatabase(dbDir, options.users ?? [], options.prepare);
  }

  const port = await freePort();
  const apiOrigin = `http://127.0.0.1:${port}`;
  const child = spawn(
    join(REPO_ROOT, "bin/aanwezig"),
    ["--db", dbDir, "serve", "--port", String(port), "--host", "127.0.0.1"],
    {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "test" },
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));

  const stopServer = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(apiOrigin, child, () => output);
  } catch (error) {
    await stopServer();
    throw error;
  }

  if (await servesWebApp(apiOrigin)) return { url: apiOrigin, stop: stopServer };
  const front = await startWebFront(apiOrigin);
  return {
    url: front.url,
    async stop() {
      await front.close();
      await stopServer();
    },
  };
}

/**
 * The same empty installation as `startApp`, served from this process: a fresh copy of the
 * migrated test database in memory (PGlite), the users and `prepare` applied, and the app that
 * `aanwezig serve --no-jobs` builds (`buildApp`: the API, the security headers and web/dist with
 * its caching) on a free port. For browser tests of the web app's own pages (the login page, the
 * set-password page), which the binary adds nothing to: starting `bin/aanwezig serve` costs
 * ~7 s CPU (Node start-up, module loading). `session.test.ts` keeps the binary.
 */
export async function startInProcessApp(options: StartAppOptions = {}): Promise<RunningApp> {
  await ensureWebBuilt();
  const pglite = engines().find((engine) => engine.name === "pglite");
  if (!pglite) throw new Error("no PGlite engine");
  const { db, dispose } = await pglite.fresh();
  try {
    for (const user of options.users ?? []) await createUser(db.orm, user);
    await options.prepare?.(db);
    const app = await buildApp({ db, mail: null });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
    } catch (error) {
      await app.close();
      throw error;
    }
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      async stop() {
        await app.close();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function seedDatabase(
  dbDir: string,
  users: NewUser[],
  prepare: StartAppOptions["prepare"],
): Promise<void> {
  await migratedPgliteDirectory(dbDir);
  const db = await openDatabase(dbDir);
  try {
    await migrateDatabase(db); // nothing left to do: the template is migrated
    for (const user of users) await createUser(db.orm, user);
    await prepare?.(db);
  } finally {
    await db.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(origin: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`aanwezig serve exited with ${child.exitCode}:\n${output()}`);
    }
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(
    `aanwezig serve did not answer /api/health within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`,
  );
}

async function servesWebApp(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/inloggen`, { headers: { accept: "text/html" } });
  return response.ok && (await response.text()).includes(WEB_APP_MARKER);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!killed) {
    child.kill("SIGKILL");
    await exited;
  }
}

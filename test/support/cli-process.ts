// The CLI as an operator runs it: bin/aanwezig in a child process against a database spec, and
// the databases such a test runs on (an embedded PGlite directory, and PostgreSQL when
// TEST_DATABASE_URL names one), seeded before the child process opens them.
import { spawnSync } from "node:child_process";
import { Console } from "node:console";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
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

/**
 * Runs the CLI's own entry function (`main` of src/cli/main.ts) in this test process, as
 * `bin/aanwezig --db <db> <args>` in cwd would: the same argument parsing, commands, exit code
 * and text on stdout and stderr, without starting Node (~3 s CPU a run). The working directory,
 * the environment variables given, standard input and both output streams (and `console`, which
 * Vitest replaces) are swapped for the run and restored after it. Runs never overlap: each waits
 * for the one before. The binary itself, its exit status and its output contract stay covered by
 * the spawned runs (`runCli`) that each CLI suite keeps.
 */
export function runCliInProcess(
  cwd: string,
  db: string,
  args: string[],
  extra: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const run = inProcessQueue.then(() => runInProcess(cwd, ["--db", db, ...args], extra));
  inProcessQueue = run.then(
    () => {},
    () => {},
  );
  return run;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let inProcessQueue: Promise<void> = Promise.resolve();

/** Events a command may listen to on `process` (typed loosely: "exit" and signals mixed). */
const PROCESS_EVENTS: string[] = ["exit", "SIGINT", "SIGTERM"];

async function runInProcess(
  cwd: string,
  argv: string[],
  extra: { input?: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  const { main } = await import("../../src/cli/main.ts");
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
        callback();
      },
    });
  const out = sink((text) => {
    stdout += text;
  });
  const err = sink((text) => {
    stderr += text;
  });
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;

  const saved = {
    cwd: process.cwd(),
    console: globalThis.console,
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    stdin: Object.getOwnPropertyDescriptor(process, "stdin"),
    exitCode: process.exitCode,
    exit: process.exit,
    stdoutTty: Object.getOwnPropertyDescriptor(process.stdout, "isTTY"),
    stderrTty: Object.getOwnPropertyDescriptor(process.stderr, "isTTY"),
    env: Object.fromEntries(Object.keys(extra.env ?? {}).map((k) => [k, process.env[k]])),
  };
  const listenersOf = (event: string) => process.listeners(event as "exit") as unknown[];
  const listeners = new Map(PROCESS_EVENTS.map((event) => [event, listenersOf(event)]));
  // A child process without input has an empty, closed stdin (spawnSync's default).
  const stdin = Readable.from(extra.input === undefined ? [] : [Buffer.from(extra.input)]);
  try {
    process.chdir(cwd);
    for (const [key, value] of Object.entries(extra.env ?? {})) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    globalThis.console = new Console({ stdout: out, stderr: err });
    process.stdout.write = capture((text) => {
      stdout += text;
    });
    process.stderr.write = capture((text) => {
      stderr += text;
    });
    Object.defineProperty(process, "stdin", { value: stdin, configurable: true, enumerable: true });
    // Piped, as spawnSync's are: no progress lines, whatever terminal runs the tests.
    for (const stream of [process.stdout, process.stderr]) {
      Object.defineProperty(stream, "isTTY", { value: false, configurable: true, writable: true });
    }
    // A command that ends its process would end this test process: fail the run instead.
    process.exit = ((code?: number) => {
      throw new Error(`process.exit(${code}) in an in-process CLI run: use runCli for this run`);
    }) as typeof process.exit;
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.chdir(saved.cwd);
    for (const [key, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    globalThis.console = saved.console;
    process.stdout.write = saved.stdoutWrite;
    process.stderr.write = saved.stderrWrite;
    if (saved.stdin) Object.defineProperty(process, "stdin", saved.stdin);
    process.exitCode = saved.exitCode;
    process.exit = saved.exit;
    restoreOwn(process.stdout, "isTTY", saved.stdoutTty);
    restoreOwn(process.stderr, "isTTY", saved.stderrTty);
    // What a run leaves on `process` would end with its process: the lock's "exit" handler (the
    // lock is released by then) and signal handlers. Removed, so runs do not pile them up.
    for (const [event, before] of listeners) {
      for (const listener of listenersOf(event)) {
        if (!before.includes(listener)) process.off(event, listener as () => void);
      }
    }
  }
}

function restoreOwn(target: object, key: string, descriptor: PropertyDescriptor | undefined) {
  if (descriptor) Object.defineProperty(target, key, descriptor);
  else Reflect.deleteProperty(target, key);
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

/**
 * Two sets of `seededTargets(dir, seed)` alike: e.g. one a reference run times the kills on, one
 * the kills hit. The PGlite directory is seeded once and copied (a closed data directory is the
 * whole database): no second PGlite start from the template, no second open and seeding (~2–3 s
 * CPU). PostgreSQL gets two fresh databases, each seeded.
 */
export async function seededTargetPair(
  dir: string,
  seed: (db: Database) => Promise<void>,
): Promise<[CliTarget[], CliTarget[]]> {
  mkdirSync(join(dir, "first"), { recursive: true });
  const first = await seededTargets(join(dir, "first"), seed);
  const copy = join(dir, "second", "db");
  cpSync(first[0]!.spec, copy, { recursive: true });
  const second: CliTarget[] = [{ name: first[0]!.name, spec: copy, dispose: async () => {} }];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await seed(fresh.db);
    await fresh.db.close(); // the child process opens its own connection
    second.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  return [first, second];
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

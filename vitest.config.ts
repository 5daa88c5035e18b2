// Three projects (docs/adr/0003-test-layout.md): `unit` (no database, no child process; one
// worker process reused across files), `db` (a database on each engine, or the CLI / server as a
// child process; one process per file) and `e2e` (the browser tests in test/e2e). A test file
// belongs to `db` when its text uses the database or a child process (DB_MARKERS), else to
// `unit`. `npm test` runs all three; `npm run test:unit`, `test:db`, `test:e2e` one each.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { Reporter } from "vitest/node";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const ROOTS = ["src", "test", "bench", "scripts", "web/src"];
const TEST_FILE = /\.test\.tsx?$/;
/** What makes a test file a database (or child-process) test. */
const DB_MARKERS =
  /engines\(\)|openDatabase|support\/(databases|test-app|case-api|cli-process|serve-process)\.ts|bin\/aanwezig|PGlite|spawn|execFile/;

function testFiles(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(join(ROOT, root), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && TEST_FILE.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name))),
  )
    .filter((file) => !file.startsWith("test/e2e/"))
    .sort();
}

const files = testFiles();
const dbFiles = files.filter((f) => DB_MARKERS.test(readFileSync(join(ROOT, f), "utf8")));
const unitFiles = files.filter((f) => !dbFiles.includes(f));

/** Browser tests need Debian's Chromium; without it they are skipped, except in CI. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const inCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
const browserSuites = existsSync(CHROMIUM_PATH) || inCi;

/**
 * Workers per project. Vitest's default is one less than the cores: one worker on the two-core
 * CI machine, so the 150 files ran one after another while a database suite mostly waits for
 * PostgreSQL or a child process and a browser file for its server and Chromium. `unit` is pure
 * CPU (one reused worker); `db` and `e2e` overlap their waiting. AANWEZIG_TEST_WORKERS overrides
 * both (e.g. 1 to run one file at a time when measuring).
 */
const WORKERS = Number(process.env.AANWEZIG_TEST_WORKERS) || undefined;
const DB_WORKERS = WORKERS ?? 3;
/**
 * `db` files run in reused worker processes (Vitest's `isolate: false`): module loading and the
 * warm-up of the first PGlite start are paid once per worker, not once per file (8 small HTTP
 * files: 80 s CPU instead of 107 s, docs/adr/0003-test-layout.md). A suite must therefore leave
 * no module state behind (caches, fake timers, process listeners) that the next file of the same
 * worker would meet. AANWEZIG_DB_ISOLATE=1 gives every file its own process again (to tell
 * whether a failure is such a leak).
 */
const DB_ISOLATE = process.env.AANWEZIG_DB_ISOLATE === "1";
/**
 * `e2e` stays a group of its own after `db`, 2 files at a time: both groups keep the two cores
 * busy already (CPU time per file, docs/adr/0003-test-layout.md), so a third browser file at a
 * time (or browser files beside the last `db` files) cannot finish sooner; it only makes every
 * file's waits tighter.
 */
const E2E_WORKERS = WORKERS ?? 2;

/** Says, after the run, that the browser suites did not run and how to make them run. */
const browserSkipNotice: Reporter = {
  onTestRunEnd() {
    process.stdout.write(
      `\nBrowser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}, so test/e2e did not run.\n` +
        "Install Debian's Chromium to run them (apt-get install -y chromium), or set " +
        "CHROMIUM_PATH to a Chromium binary. In CI (CI=true) a missing browser fails the run.\n\n",
    );
  },
};

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Measuring the suite: a JSON line per test file with its wall and CPU time (cpu-log.ts).
    setupFiles: process.env.AANWEZIG_TEST_CPU_LOG ? ["test/support/cpu-log.ts"] : [],
    reporters: browserSuites ? ["default"] : ["default", browserSkipNotice],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: unitFiles,
          pool: "forks",
          isolate: false,
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: dbFiles,
          pool: "forks",
          isolate: DB_ISOLATE,
          maxWorkers: DB_WORKERS,
          sequence: { groupOrder: 1 },
          globalSetup: ["test/support/db-global-setup.ts"],
        },
      },
      ...(browserSuites
        ? [
            {
              extends: true,
              test: {
                name: "e2e",
                include: ["test/e2e/**/*.test.ts"],
                pool: "forks" as const,
                // A worker process runs file after file: its Chromium and the server's modules
                // load once per worker, not per file (test/e2e/support/browser.ts, demo-app.ts).
                isolate: false,
                maxWorkers: E2E_WORKERS,
                sequence: { groupOrder: 2 },
                globalSetup: ["test/e2e/support/global-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});

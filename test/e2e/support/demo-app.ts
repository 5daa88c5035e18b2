// The application on a demo database for the work-screen browser tests. Once per run (the e2e
// project's globalSetup, test/e2e/support/global-setup.ts) `aanwezig demo` fills a temporary
// embedded database; where the demo does not (yet) create the demo accounts or freeze its date,
// this fills them in the same way (one account per role, scoped to the first demo school and its
// municipality), so the tests log in as `ROLE@demo.aanwezig.nl` either way. The daily job runs
// once at the demo date, as on a server that has been running, so signals carry their state, and
// the database is dumped (`db.tar`). Each test file then gets its own in-memory copy of that dump
// and its own app on it, built in the test's worker process as `aanwezig serve --no-jobs` builds
// it: files that change data never meet, and no file pays a Node start and the server's module
// loading (the e2e workers run file after file, docs/adr/0003-test-layout.md). The browser gets a
// copy of web/dist taken at the start of the run (with /api passed to the app): other test runs
// on the same working tree may rebuild web/dist meanwhile, and a page must not lose its hashed
// assets halfway through a test.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { type Database, openDatabase } from "../../../src/db/connect.ts";
import {
  DEMO_AS_OF_KEY,
  readSetting,
  writeSetting,
} from "../../../src/db/repositories/settings.ts";
import { createUser, type RoleScope } from "../../../src/db/repositories/users.ts";
import { generateDemoRegion } from "../../../src/demo/generate.ts";
import { buildApp } from "../../../src/http/app.ts";
import { runDailyJob } from "../../../src/jobs/daily.ts";
import { migratedPgliteDirectory, TemplateDump } from "../../support/databases.ts";
import { ensureWebBuilt } from "./build-web.ts";
import { DEMO_PASSWORD } from "./demo-password.ts";
import { REPO_ROOT, WEB_DIST } from "./paths.ts";

export { logInAs } from "./login.ts";
export { DEMO_PASSWORD };

/** A school day in the demo school year with signals of every kind. */
const FALLBACK_AS_OF = "2026-03-16";
const PUPILS = 400;
/** The region for tests that need long lists (worklists-paging.test.ts); made once per run too. */
export const LARGE_DEMO_PUPILS = 3000;
/** The demo sizes the e2e globalSetup makes, side by side, for the whole run. */
export const DEMO_SIZES = [PUPILS, LARGE_DEMO_PUPILS] as const;
const SEED = 1;
/** The template's database as a PGlite dump (tar), in the template directory. */
const DUMP = "db.tar";

export interface DemoApp {
  url: string;
  asOf: string;
  stop(): Promise<void>;
}

const BIN = join(REPO_ROOT, "bin/aanwezig");

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`aanwezig ${args.join(" ")}: ${output}`)),
    );
  });
}

async function completeDemo(dbDir: string, pupils: number): Promise<string> {
  const db = await openDatabase(dbDir);
  try {
    const [row] = await db.sql.query<{ n: number }>(
      "select count(*)::int as n from users where email like '%@demo.aanwezig.nl'",
    );
    if ((row?.n ?? 0) === 0) {
      const region = generateDemoRegion({ pupils, seed: SEED });
      const school = region.schools[0];
      if (!school) throw new Error("demo region without schools");
      const municipality = school.municipality;
      const pupil = region.enrolments.find((e) => e.schoolId === school.schoolId)?.pupilId ?? "";
      const accounts: [string, string, RoleScope[]][] = [
        [
          "zorgcoordinator",
          "Demo Zorgcoördinator",
          [{ role: "care_coordinator", schoolId: school.schoolId }],
        ],
        [
          "schooldirectie",
          "Demo Schooldirectie",
          [{ role: "school_head", schoolId: school.schoolId }],
        ],
        ["leerplicht", "Demo Leerplichtambtenaar", [{ role: "attendance_officer", municipality }]],
        [
          "casusregisseur",
          "Demo Casusregisseur",
          region.municipalities.map((m) => ({
            role: "case_director" as const,
            municipality: m.name,
          })),
        ],
        [
          "swv",
          "Demo Consulent",
          [{ role: "partnership_consultant", partnership: school.partnership }],
        ],
        ["doorbraakteam", "Demo Doorbraakteam", [{ role: "breakthrough_member", municipality }]],
        ["ouder", "Demo Ouder", [{ role: "parent", pupilId: pupil }]],
      ];
      for (const [name, display, roles] of accounts) {
        await createUser(db.orm, {
          email: `${name}@demo.aanwezig.nl`,
          name: display,
          password: DEMO_PASSWORD,
          roles,
        });
      }
    }
    let asOf = await readSetting(db.orm, DEMO_AS_OF_KEY);
    if (!asOf) {
      asOf = FALLBACK_AS_OF;
      await writeSetting(db.orm, DEMO_AS_OF_KEY, asOf);
    }
    // What the server's scheduled job does each morning, once, before the tests look: signal
    // states (new, handled) and the DUO reports of the demo date.
    await runDailyJob(db, asOf);
    if (db.driver.kind !== "pglite") throw new Error(`${dbDir} is not a PGlite directory`);
    // A checkpoint first: the dump then holds no WAL to replay, which every file's load of it
    // would otherwise redo (~40 ms CPU per load; the dump's size stays: its two WAL segments
    // are recycled, not removed).
    await db.sql.query("CHECKPOINT");
    const dump = await db.driver.pglite.dumpDataDir("none");
    await writeFile(join(dbDir, "..", DUMP), Buffer.from(await dump.arrayBuffer()));
    return asOf;
  } finally {
    await db.close();
  }
}

/** The demo database and a copy of the web app, made once per run (the e2e globalSetup). */
export interface DemoTemplate {
  /** Holds `db.tar` (the demo database as a PGlite dump) and `web` (a copy of web/dist). */
  dir: string;
  asOf: string;
  pupils: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplates: DemoTemplate[];
  }
}

/**
 * The demo database with its accounts and its daily run, and a copy of the web app once
 * `webBuilt` (the web build when stale) is done: the demo is made while the web app builds.
 */
export async function prepareDemoTemplate(
  pupils: number = PUPILS,
  webBuilt: Promise<void> = ensureWebBuilt(),
): Promise<DemoTemplate> {
  // Awaited after the demo; a failed build must not count as unhandled meanwhile.
  webBuilt.catch(() => {});
  const dir = await mkdtemp(join(tmpdir(), "aanwezig-e2e-demo-template-"));
  try {
    const dbDir = join(dir, "db");
    // The migrated test template laid down first: the demo pays no initdb and no migrations.
    await migratedPgliteDirectory(dbDir);
    await run(["--db", dbDir, "demo", "--pupils", String(pupils), "--seed", String(SEED)]);
    const asOf = await completeDemo(dbDir, pupils);
    await rm(dbDir, { recursive: true, force: true });
    await webBuilt;
    await copyBuiltApp(join(dir, "web"));
    return { dir, asOf, pupils };
  } catch (error) {
    // A half-made template is nobody's: it would stay in the temporary directory for good.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The run's templates of the given sizes (the e2e globalSetup), made side by side and while the
 * web app builds (a vite build and a demo each keep one core busy); none is left when one fails.
 */
export async function prepareDemoTemplates(sizes: readonly number[]): Promise<DemoTemplate[]> {
  const webBuilt = ensureWebBuilt();
  const made = await Promise.allSettled(sizes.map((n) => prepareDemoTemplate(n, webBuilt)));
  const failed = made.find((m) => m.status === "rejected");
  if (failed) {
    await Promise.all(
      made.map((m) =>
        m.status === "fulfilled" ? rm(m.value.dir, { recursive: true, force: true }) : undefined,
      ),
    );
    throw failed.reason;
  }
  return made.flatMap((m) => (m.status === "fulfilled" ? [m.value] : []));
}

/** The run's demo template of this size (e2e globalSetup), or null outside Vitest (screenshots). */
async function providedTemplate(pupils: number): Promise<DemoTemplate | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import("vitest");
  return inject("demoTemplates")?.find((t) => t.pupils === pupils) ?? null;
}

/** The template's database as a PGlite dump, read once per worker process (kept per path). */
const dumps = new Map<string, Promise<Blob>>();
function templateDump(template: DemoTemplate): Promise<Blob> {
  const file = join(template.dir, DUMP);
  let dump = dumps.get(file);
  if (!dump) {
    // Handed to loadDataDir as a copy of the bytes, not read back in chunks (databases.ts).
    dump = readFile(file).then((bytes) => new TemplateDump(bytes));
    dumps.set(file, dump);
  }
  return dump;
}

/**
 * The application on its own copy of the demo database: a test file may change what it likes
 * without another file seeing it. The database is loaded into memory from the run's template
 * dump and served by the app in this process (what `aanwezig serve --no-jobs` builds), so the
 * demo region is generated once per run and the server's modules load once per worker process.
 * `pupils`: a larger region where a test needs long lists (400 by default; the run makes
 * templates of DEMO_SIZES, any other size builds its own here).
 */
export async function startDemoApp(options: { pupils?: number } = {}): Promise<DemoApp> {
  const pupils = options.pupils ?? PUPILS;
  const provided = await providedTemplate(pupils);
  const template = provided ?? (await prepareDemoTemplate(pupils));
  // A template made for this app alone (a non-default size, or outside Vitest) goes with it.
  const removeTemplate = async () => {
    if (provided) return;
    dumps.delete(join(template.dir, DUMP));
    await rm(template.dir, { recursive: true, force: true });
  };
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  const stopServer = async () => {
    await app?.close();
    await db?.close();
    await removeTemplate();
  };
  try {
    db = await openDatabase("memory://", { memory: { loadDataDir: await templateDump(template) } });
    // What `serve --no-jobs` builds: no scheduled jobs, no mail queue; OIDC from the environment.
    app = await buildApp({ db, mail: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
  } catch (error) {
    await stopServer();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const front = await startFront(join(template.dir, "web"), port).catch(async (error: unknown) => {
    await stopServer();
    throw error;
  });
  return {
    url: front.url,
    asOf: template.asOf,
    async stop() {
      await front.close();
      await stopServer();
    },
  };
}

/** Copies web/dist, again if a concurrent build left it half written (assets missing). */
async function copyBuiltApp(target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await rm(target, { recursive: true, force: true });
    await cp(WEB_DIST, target, { recursive: true }).catch(() => undefined);
    const index = await readFile(join(target, "index.html"), "utf8").catch(() => "");
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    const present = await Promise.all(
      assets.map((a) =>
        stat(join(target, a)).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (index && assets.length > 0 && present.every(Boolean)) return;
    if (attempt >= 10) throw new Error("web/dist is incomplete: build the web app first");
    await sleep(3000);
    await ensureWebBuilt();
  }
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  map: "application/json",
};

/** The copied web app with /api passed through (Host unchanged, so the CSRF origin check holds). */
async function startFront(dist: string, apiPort: number) {
  const server = createHttpServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/api" || path.startsWith("/api/")) {
      const upstream = httpRequest(
        {
          host: "127.0.0.1",
          port: apiPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    void (async () => {
      const file = path.startsWith("/assets/") ? join(dist, path.replaceAll("..", "")) : "";
      const found = file ? await stat(file).catch(() => undefined) : undefined;
      if (path.startsWith("/assets/") && !found?.isFile()) return res.writeHead(404).end();
      const target = found?.isFile() ? file : join(dist, "index.html");
      const type = TYPES[target.split(".").pop() ?? ""] ?? "application/octet-stream";
      // As the server caches them (src/http/web-app.ts): the hashed assets for good, the page
      // never, so a page load in a context that loaded the app before takes them from its cache.
      const cache = target === file ? "public, max-age=31536000, immutable" : "no-cache";
      res
        .writeHead(200, { "content-type": type, "cache-control": cache })
        .end(await readFile(target));
    })();
  });
  // The app now runs in this process too: a busy event loop fired the server's 5 s keep-alive
  // timer while the test's fetch reused that idle connection (ECONNRESET). The clients (fetch,
  // Chromium) end idle connections themselves; close() still ends them.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

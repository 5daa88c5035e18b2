// The application on a demo database for the work-screen browser tests. Once per run (the e2e
// project's globalSetup, test/e2e/support/global-setup.ts) `aanwezig demo` fills a temporary
// embedded database; where the demo does not (yet) create the demo accounts or freeze its date,
// this fills them in the same way (one account per role, scoped to the first demo school and its
// municipality), so the tests log in as `ROLE@demo.aanwezig.nl` either way. The daily job runs
// once at the demo date, as on a server that has been running, so signals carry their state.
// Each test file then gets its own copy of that database and its own `aanwezig serve` on it:
// files that change data never meet. The browser gets a copy of web/dist taken at the start of
// the run (with /api passed to the server): other test runs on the same working tree may rebuild
// web/dist meanwhile, and a page must not lose its hashed assets halfway through a test.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase } from "../../../src/db/connect.ts";
import {
  DEMO_AS_OF_KEY,
  readSetting,
  writeSetting,
} from "../../../src/db/repositories/settings.ts";
import { createUser, type RoleScope } from "../../../src/db/repositories/users.ts";
import { generateDemoRegion } from "../../../src/demo/generate.ts";
import { runDailyJob } from "../../../src/jobs/daily.ts";
import { ensureWebBuilt } from "./build-web.ts";
import { DEMO_PASSWORD } from "./demo-password.ts";
import { REPO_ROOT, WEB_DIST } from "./paths.ts";

export { logInAs } from "./login.ts";
export { DEMO_PASSWORD };

/** A school day in the demo school year with signals of every kind. */
const FALLBACK_AS_OF = "2026-03-16";
const PUPILS = 400;
const SEED = 1;

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
    return asOf;
  } finally {
    await db.close();
  }
}

/** The demo database and a copy of the web app, made once per run (the e2e globalSetup). */
export interface DemoTemplate {
  /** Holds `db` (the embedded database, closed) and `web` (a copy of web/dist). */
  dir: string;
  asOf: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate;
  }
}

/** Builds the web app when stale, then the demo database with its accounts and its daily run. */
export async function prepareDemoTemplate(pupils: number = PUPILS): Promise<DemoTemplate> {
  await ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), "aanwezig-e2e-demo-template-"));
  try {
    await copyBuiltApp(join(dir, "web"));
    const dbDir = join(dir, "db");
    await run(["--db", dbDir, "demo", "--pupils", String(pupils), "--seed", String(SEED)]);
    const asOf = await completeDemo(dbDir, pupils);
    return { dir, asOf };
  } catch (error) {
    // A half-made template is nobody's: it would stay in the temporary directory for good.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The run's demo template (from the e2e globalSetup), or null outside Vitest (screenshots). */
async function providedTemplate(): Promise<DemoTemplate | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import("vitest");
  return inject("demoTemplate") ?? null;
}

/**
 * The application on its own copy of the demo database: a test file may change what it likes
 * without another file seeing it. The database is copied from the run's template, so the demo
 * region is generated once per run, not once per file.
 */
/** `pupils`: a larger region where a test needs long lists (400 by default, from the run's template). */
export async function startDemoApp(options: { pupils?: number } = {}): Promise<DemoApp> {
  const pupils = options.pupils ?? PUPILS;
  const provided = pupils === PUPILS ? await providedTemplate() : null;
  const template = provided ?? (await prepareDemoTemplate(pupils));
  const dir = await mkdtemp(join(tmpdir(), "aanwezig-e2e-demo-"));
  const dbDir = join(dir, "db");
  const dist = join(template.dir, "web");
  const removeDirs = async () => {
    await rm(dir, { recursive: true, force: true });
    // A template made for this app alone (a non-default size, or outside Vitest) goes with it.
    if (!provided) await rm(template.dir, { recursive: true, force: true });
  };
  try {
    await cp(join(template.dir, "db"), dbDir, { recursive: true });
  } catch (error) {
    await removeDirs();
    throw error;
  }
  const asOf = template.asOf;
  const port = await freePort();
  const apiOrigin = `http://127.0.0.1:${port}`;
  const child = spawn(
    BIN,
    ["--db", dbDir, "serve", "--port", String(port), "--host", "127.0.0.1", "--no-jobs"],
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
    await removeDirs();
  };
  try {
    await waitForHealth(apiOrigin, child, () => output);
  } catch (error) {
    await stopServer();
    throw error;
  }
  const front = await startFront(dist, port).catch(async (error: unknown) => {
    await stopServer();
    throw error;
  });
  return {
    url: front.url,
    asOf,
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
      res.writeHead(200, { "content-type": type }).end(await readFile(target));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`serve exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`serve did not answer /api/health:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    child.kill("SIGKILL");
    await exited;
  }
}

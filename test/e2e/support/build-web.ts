// Browser tests run against the built web app. This builds it when web/dist is missing or older
// than any of its inputs, and does nothing (a few file stats) when it is up to date. Test files
// run in parallel processes, so a lock directory keeps them from building at the same time.
import { spawn } from "node:child_process";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO_ROOT, WEB_DIR, WEB_DIST } from "./paths.ts";

const STAMP = join(WEB_DIST, ".built-at");
// Under node_modules/.cache so that a lock left by a killed run never shows up in git.
const LOCK = join(REPO_ROOT, "node_modules/.cache/aanwezig-web-build.lock");
const STALE_LOCK_MS = 120_000;

/** Everything the bundle is made from; the app imports the domain's role codes and CSV writer. */
const INPUTS = [
  join(WEB_DIR, "src"),
  join(WEB_DIR, "index.html"),
  join(WEB_DIR, "vite.config.ts"),
  join(REPO_ROOT, "src/domain/policy/roles.ts"),
  join(REPO_ROOT, "src/domain/export"),
  join(REPO_ROOT, "package-lock.json"),
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(STAMP).catch(() => undefined);
  if (!built) return true;
  const inputs = await Promise.all(INPUTS.map(newestMtime));
  return Math.max(...inputs) > built.mtimeMs;
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(dirname(LOCK), { recursive: true });
      await mkdir(LOCK);
      return;
    } catch {
      const held = await stat(LOCK).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { recursive: true });
      await sleep(200);
    }
  }
}

function runViteBuild(): Promise<void> {
  const vite = join(REPO_ROOT, "node_modules/vite/bin/vite.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, "build", "web", "--logLevel", "warn"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build web failed (${code}):\n${output}`)),
    );
  });
}

export async function ensureWebBuilt(): Promise<void> {
  if (!(await isStale())) return;
  await acquireLock();
  try {
    // Another process may have built it while this one waited for the lock.
    if (!(await isStale())) return;
    await runViteBuild();
    await writeFile(STAMP, new Date().toISOString());
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

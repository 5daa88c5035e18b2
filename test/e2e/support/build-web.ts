// Browser tests run against the built web app. This builds it when web/dist is missing or was
// built from other sources (scripts/web-build.ts, the same check as `npm start`), and only hashes
// the inputs when it is current. Test files run in parallel processes, so a lock directory keeps
// them from building at the same time.
import { mkdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildWebIfChanged, isWebBuildCurrent } from "../../../scripts/web-build.ts";
import { REPO_ROOT } from "./paths.ts";

// Under node_modules/.cache so that a lock left by a killed run never shows up in git.
const LOCK = join(REPO_ROOT, "node_modules/.cache/aanwezig-web-build.lock");
const STALE_LOCK_MS = 120_000;

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

export async function ensureWebBuilt(): Promise<void> {
  if (await isWebBuildCurrent(REPO_ROOT)) return;
  await acquireLock();
  try {
    // Another process may have built it while this one waited for the lock.
    await buildWebIfChanged(REPO_ROOT);
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

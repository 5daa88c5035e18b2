// globalSetup of the e2e project: the web app is built (when stale) and the demo databases (the
// default size and the large one for long lists) made and dumped once, side by side, before the
// browser test files start; each file then starts its own app on an
// in-memory copy of that dump (test/e2e/support/demo-app.ts), so tests that change data never meet.
// The project runs without a browser only in CI (vitest.config.ts), and there that is an error.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH } from "./browser.ts";
import { DEMO_SIZES, prepareDemoTemplates } from "./demo-app.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests cannot run. Install Debian's package ` +
        "(apt-get install -y chromium), as .ci/run does.",
    );
  }
  const startedAt = Date.now();
  const templates = await prepareDemoTemplates(DEMO_SIZES);
  // In the run's log: this set-up runs before any test file of any project starts.
  console.log(
    `e2e globalSetup: web app and demo templates (${DEMO_SIZES.join(", ")} pupils) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
  project.provide("demoTemplates", templates);
  return async () => {
    await Promise.all(templates.map((t) => rm(t.dir, { recursive: true, force: true })));
  };
}

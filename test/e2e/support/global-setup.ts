// globalSetup of the e2e project: the web app is built (when stale) and the demo database made
// and dumped once, before the browser test files start; each file then starts its own app on an
// in-memory copy of that dump (test/e2e/support/demo-app.ts), so tests that change data never meet.
// The project runs without a browser only in CI (vitest.config.ts), and there that is an error.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH } from "./browser.ts";
import { prepareDemoTemplate } from "./demo-app.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests cannot run. Install Debian's package ` +
        "(apt-get install -y chromium), as .ci/run does.",
    );
  }
  const template = await prepareDemoTemplate();
  project.provide("demoTemplate", template);
  return () => rm(template.dir, { recursive: true, force: true });
}

// What nearly every browser test file starts with: its own demo app (startDemoApp) and a browser
// (launchBrowser), started before the file's own hooks and closed after all its tests — the
// browser first, then the app, each only if it started. Called where a describe (or the file)
// declares its hooks; the file's own beforeAll runs after this one and finds both ready.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { type DemoApp, startDemoApp } from "./demo-app.ts";

/** Building a template of another size, or a slow machine's first start, takes minutes. */
const START_TIMEOUT = 600_000;

export interface DemoBrowser {
  /** The file's demo app; from the file's own beforeAll on. */
  readonly app: DemoApp;
  /** The file's browser (contexts of its own on the worker's Chromium); from beforeAll on. */
  readonly browser: Browser;
}

/** Starts the demo app and the browser for this describe (or file); see above. */
export function demoAppAndBrowser(options: { pupils?: number } = {}): DemoBrowser {
  let app: DemoApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startDemoApp(options);
    browser = await launchBrowser();
  }, START_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demoAppAndBrowser: the ${what} starts in beforeAll`);
    return value;
  };
  return {
    get app() {
      return started(app, "app");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}

// Debian's Chromium driven by playwright-core (which never downloads a browser of its own),
// and axe-core run inside the page for the accessibility checks. Under Vitest one Chromium runs
// per worker process (the e2e project reuses its workers across files, vitest.config.ts) and
// `launchBrowser()` hands each file a handle on it: what the file opens are contexts of its own
// (cookies, storage, cache), and the handle's `close()` closes those contexts, not Chromium.
// Starting Chromium cost 2-3 s per file. Outside Vitest (the screenshot scripts) it launches a
// browser of its own, closed by `close()`.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps trying to reach Google's services,
// which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

function startChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium), as .ci/run does.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** This worker process's Chromium; started again if it went away. Playwright ends it on exit. */
let shared: Promise<Browser> | undefined;
async function sharedChromium(): Promise<Browser> {
  const running = shared && (await shared.catch(() => undefined));
  if (running?.isConnected()) return running;
  shared = startChromium();
  return shared;
}

/** A browser for one test file: under Vitest the worker's Chromium, through the file's contexts. */
export async function launchBrowser(): Promise<Browser> {
  if (!process.env.VITEST) return startChromium();
  const browser = await sharedChromium();
  const contexts = new Set<BrowserContext>();
  const track = (context: BrowserContext) => {
    contexts.add(context);
    context.once("close", () => contexts.delete(context));
    return context;
  };
  const handle: Partial<Browser> = {
    newContext: async (options) => track(await browser.newContext(options)),
    newPage: async (options) => {
      const page = await browser.newPage(options);
      track(page.context());
      return page;
    },
    contexts: () => [...contexts],
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close()));
    },
  };
  return new Proxy(browser, {
    get(target, property) {
      if (Object.hasOwn(handle, property)) return handle[property as keyof Browser];
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    locale: "nl-NL",
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** WCAG 2.0–2.2 A and AA, plus axe's best practices (landmarks, one h1, skip link target). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // The root tsconfig has no DOM types, so code that runs in the page is passed as text.
  const hasAxe = await page.evaluate<boolean>("typeof window.axe === 'object'");
  // Evaluated through the DevTools protocol rather than a <script> tag, so a strict
  // Content-Security-Policy on the page does not stop it.
  if (!hasAxe) await page.evaluate(await axeSource);
  // Every rule of the tags runs on the whole page; `resultTypes` only spares axe collecting the
  // nodes of the passed, incomplete and inapplicable results, which are not read here (a third
  // of a run's CPU). The violations come back complete.
  return page.evaluate<AxeViolation[]>(`
    window.axe
      .run(document, {
        runOnly: { type: "tag", values: ${JSON.stringify(AXE_TAGS)} },
        resultTypes: ["violations"],
      })
      .then((result) => result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      })))
  `);
}

/** The id of the element that has keyboard focus ("" for none or one without an id). */
export function focusedElementId(page: Page): Promise<string> {
  return page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");
}

// Whether web/dist is the build of the current sources, and building it when it is not. One place
// for `npm start` (scripts/build-web-if-changed.ts) and the browser tests
// (test/e2e/support/build-web.ts). "Current" means the same content, not newer timestamps: a
// checkout, a branch switch or an editor that touches files does not cost a rebuild, and a source
// that changes back to what was built does not either.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Written into web/dist after a build: the hash of the inputs it was made from. */
export const STAMP_NAME = ".inputs-hash";

/** The web app's own inputs; the src/ files it imports are found by following its imports. */
const WEB_INPUTS = ["web/src", "web/index.html", "web/vite.config.ts", "package-lock.json"];

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path);
  const nested = await Promise.all(entries.map((e) => filesUnder(join(path, e))));
  return nested.flat();
}

// `import … from "x"`, `export … from "x"` and `import "x"`; a statement that starts with
// `import type`/`export type` is erased from the bundle and is not followed.
const IMPORT = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g;

/** The relative modules a source file imports at run time, resolved to paths. */
export function runtimeImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, , typeOnly, specifier] = match;
    if (typeOnly !== undefined || specifier === undefined || !specifier.startsWith(".")) continue;
    found.push(resolve(dirname(file), specifier));
  }
  return found;
}

/**
 * Every file the bundle is made from, sorted: the web app's inputs and, transitively, the files
 * under src/ that it imports (the domain's role codes, the CSV writer, the import kinds …).
 */
export async function webInputFiles(root: string): Promise<string[]> {
  const own = (await Promise.all(WEB_INPUTS.map((p) => filesUnder(join(root, p))))).flat();
  const srcDir = join(root, "src") + sep;
  const seen = new Set(own);
  const queue = [...own];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const text = await readFile(file, "utf8").catch(() => "");
    for (const target of runtimeImports(file, text)) {
      if (!target.startsWith(srcDir) || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * The build is always a production build, whatever NODE_ENV the caller runs under (Vitest sets
 * "test", which made Vite bundle React's development build: StrictMode then mounted every screen
 * twice and each request went to the server twice). Part of the hash, so a build made otherwise
 * is made again.
 */
const BUILD_MODE = "production";

/** A hash of the build mode and the inputs' paths (relative to root) and contents. */
export async function webInputsHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`mode:${BUILD_MODE}\0`);
  for (const file of await webInputFiles(root)) {
    const content = await readFile(file).catch(() => undefined);
    if (content === undefined) continue; // an import of a file that does not exist fails the build
    hash.update(`${relative(root, file).split(sep).join("/")}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest("hex");
}

function stampPath(root: string): string {
  return join(root, "web/dist", STAMP_NAME);
}

/** True when web/dist holds a build of exactly the current inputs. */
export async function isWebBuildCurrent(root: string): Promise<boolean> {
  const stamp = await readFile(stampPath(root), "utf8").catch(() => undefined);
  return stamp !== undefined && stamp.trim() === (await webInputsHash(root));
}

export type BuildWeb = (root: string) => Promise<void>;

/**
 * Builds the web app when web/dist is missing or made from other inputs; stamps it afterwards
 * (the build empties web/dist, so the stamp is written last and a failed build leaves none).
 */
export async function buildWebIfChanged(
  root: string,
  build: BuildWeb = runViteBuild,
): Promise<"unchanged" | "built"> {
  const hash = await webInputsHash(root);
  const stamp = await readFile(stampPath(root), "utf8").catch(() => undefined);
  if (stamp?.trim() === hash) return "unchanged";
  await build(root);
  await writeFile(stampPath(root), `${hash}\n`);
  return "built";
}

/** `vite build web --logLevel warn` on the project's Node; its output only when it fails. */
export function runViteBuild(root: string): Promise<void> {
  const vite = join(root, "node_modules/vite/bin/vite.js");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [vite, "build", "web", "--logLevel", "warn"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: BUILD_MODE },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`vite build web failed (${code}):\n${output}`)),
    );
  });
}

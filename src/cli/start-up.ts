// Loaded before the CLI (bin/aanwezig: `node --import src/cli/start-up.ts src/cli/main.ts`): two
// things that make every start of `aanwezig` (a command, the server, every child process a test
// starts) cheaper, without changing what is loaded.
//
// 1. Node 22 reads a package's package.json again for every file it loads from that package, to
//    learn the package's module type, and parses its "exports" each time
//    (internal/modules/package_json_reader: getPackageScopeConfig spreads the lazily parsed
//    fields, which runs their getters). drizzle-orm's package.json is 179 kB with 447 exports,
//    and a command loads some 440 of its files: ~0.25 s CPU of a ~0.9 s start went to parsing
//    that one JSON text over and over. The resolve hook below answers the two kinds of lookups
//    that cost it with the same result Node gives, reading each package.json once:
//    - a relative import (`./x.js`, `../y.mjs`) from a file in node_modules to a file that
//      exists, in a package whose nearest package.json says "type": "module": the file's real
//      path (Node resolves symbolic links too) as an ES module;
//    - a bare import (`drizzle-orm/pg-core`) from a directory Node already resolved it for:
//      Node's own answer, remembered per directory and conditions (a bare specifier is looked up
//      from the importing file's directory upwards, so files in one directory get one answer).
//    Anything else (CommonJS packages, directories, missing files, `#imports`, URLs with a query)
//    goes to Node's resolver as before.
// 2. Node's compile cache (V8 code for the loaded modules): ~0.1–0.2 s less for a start of
//    `serve`. It lives in the installation (node_modules/.cache/aanwezig-compile-cache), not in
//    the shared temporary directory Node defaults to: only who can change the code can change
//    the cached code. NODE_COMPILE_CACHE names another directory, NODE_DISABLE_COMPILE_CACHE turns
//    it off, and a directory that cannot be written (a read-only installation) leaves it off,
//    silently.
import { readFileSync, realpathSync, statSync } from "node:fs";
import * as nodeModule from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

try {
  nodeModule.enableCompileCache(
    process.env.NODE_COMPILE_CACHE ||
      fileURLToPath(new URL("../../node_modules/.cache/aanwezig-compile-cache", import.meta.url)),
  );
} catch {
  // no cache: the start is only slower
}

/** The "type" of the package.json nearest above `dir` (stopping where Node stops), per directory. */
const typeInDirectory = new Map<string, string>();

function packageType(dir: string): string {
  const known = typeInDirectory.get(dir);
  if (known !== undefined) return known;
  let type = "none";
  // Node does not look past a node_modules directory for a package's package.json.
  if (!dir.endsWith("/node_modules")) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, "package.json"), "utf8");
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const parsed = JSON.parse(text) as { type?: unknown };
      type = typeof parsed.type === "string" ? parsed.type : "none";
    } else {
      const up = dirname(dir);
      type = up === dir ? "none" : packageType(up);
    }
  }
  typeInDirectory.set(dir, type);
  return type;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const RELATIVE_MODULE = /^\.\.?\/[^?#%\\]*\.m?js$/;
const BARE = /^(@[\w.-]+\/)?[\w.-]+(\/[^?#%\\]*)?$/;
const bareResolved = new Map<string, { url: string; format?: string | null | undefined }>();

// module.registerHooks came in Node 22.15; on an older Node 22 (package.json allows 22.12) the
// start is only slower.
nodeModule.registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.startsWith("file:") && RELATIVE_MODULE.test(specifier)) {
      const parentPath = fileURLToPath(parent);
      if (parentPath.includes("/node_modules/")) {
        const path = join(dirname(parentPath), specifier);
        const module =
          extname(path) === ".mjs" || packageType(dirname(path)) === "module" ? "module" : null;
        if (module !== null && isFile(path)) {
          return {
            url: pathToFileURL(realpathSync(path)).href,
            format: module,
            shortCircuit: true,
          };
        }
      }
    } else if (parent?.startsWith("file:") && BARE.test(specifier)) {
      const key = `${specifier}\0${context.conditions.join(",")}\0${dirname(parent)}`;
      const known = bareResolved.get(key);
      if (known !== undefined) return { ...known, shortCircuit: true };
      const resolved = nextResolve(specifier, context);
      if (resolved.url.startsWith("file:")) {
        bareResolved.set(key, { url: resolved.url, format: resolved.format });
      }
      return resolved;
    }
    return nextResolve(specifier, context);
  },
});

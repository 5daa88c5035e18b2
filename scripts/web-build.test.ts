import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildWebIfChanged,
  isWebBuildCurrent,
  runtimeImports,
  webInputFiles,
} from "./web-build.ts";

// A repository in miniature: the web app imports a domain module (which imports another) at run
// time and a route module only for its types.
const FILES: Record<string, string> = {
  "package-lock.json": "{}",
  "web/index.html": "<div id=root></div>",
  "web/vite.config.ts": "export default {};",
  "web/src/main.tsx": [
    'import { roles } from "../../src/domain/roles.ts";',
    'import type { Row } from "../../src/http/routes/monitor.ts";',
    "export const x: Row | undefined = undefined;",
    "console.log(roles);",
  ].join("\n"),
  "src/domain/roles.ts": 'export { codes as roles } from "./codes.ts";',
  "src/domain/codes.ts": 'export const codes = ["a"];',
  "src/http/routes/monitor.ts": "export type Row = { n: number };",
  "src/server-only.ts": "export const port = 8080;",
};

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function repository(): string {
  root = mkdtempSync(join(tmpdir(), "aanwezig-web-build-"));
  for (const [path, text] of Object.entries(FILES)) write(path, text);
  return root;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Stands in for vite: empties web/dist and writes a bundle, and counts its runs. */
function fakeBuild() {
  const runs = { count: 0 };
  const build = async (dir: string) => {
    runs.count++;
    rmSync(join(dir, "web/dist"), { recursive: true, force: true });
    mkdirSync(join(dir, "web/dist"), { recursive: true });
    writeFileSync(join(dir, "web/dist/index.html"), `build ${runs.count}`);
  };
  return { runs, build };
}

describe("building the web app only when its sources changed", () => {
  it("builds without a stamp, skips while the stamp matches, rebuilds after a source changes", async () => {
    const dir = repository();
    const { runs, build } = fakeBuild();
    expect(await isWebBuildCurrent(dir)).toBe(false);
    expect(await buildWebIfChanged(dir, build)).toBe("built");
    expect(await isWebBuildCurrent(dir)).toBe(true);
    expect(await buildWebIfChanged(dir, build)).toBe("unchanged");
    expect(runs.count).toBe(1);

    write("web/src/main.tsx", `${FILES["web/src/main.tsx"]}\nconsole.log(2);`);
    expect(await buildWebIfChanged(dir, build)).toBe("built");
    // A src/ file the web imports, two steps away.
    write("src/domain/codes.ts", 'export const codes = ["a", "b"];');
    expect(await buildWebIfChanged(dir, build)).toBe("built");
    write("web/vite.config.ts", "export default { base: '/' };");
    expect(await buildWebIfChanged(dir, build)).toBe("built");
    expect(runs.count).toBe(4);
  });

  it("ignores server code the bundle does not contain and a touch that changes nothing", async () => {
    const dir = repository();
    const { runs, build } = fakeBuild();
    await buildWebIfChanged(dir, build);
    write("src/server-only.ts", "export const port = 9090;");
    write("src/http/routes/monitor.ts", "export type Row = { n: number; m: number };");
    write("src/domain/roles.ts", FILES["src/domain/roles.ts"]!); // same content, new mtime
    expect(await buildWebIfChanged(dir, build)).toBe("unchanged");
    expect(runs.count).toBe(1);
  });

  it("leaves no stamp when the build fails, so the next start tries again", async () => {
    const dir = repository();
    const failing = async () => {
      throw new Error("vite build web failed");
    };
    await expect(buildWebIfChanged(dir, failing)).rejects.toThrow(/failed/);
    expect(await isWebBuildCurrent(dir)).toBe(false);
  });

  it("follows run-time imports and re-exports, not type-only imports", async () => {
    const dir = repository();
    const inputs = (await webInputFiles(dir)).map((f) => f.slice(dir.length + 1));
    expect(inputs).toEqual([
      "package-lock.json",
      "src/domain/codes.ts",
      "src/domain/roles.ts",
      "web/index.html",
      "web/src/main.tsx",
      "web/vite.config.ts",
    ]);
    const multiLine = 'import {\n  a,\n  type B,\n} from "./a.ts";\nimport "./side-effect.css";';
    expect(runtimeImports("/x/y.ts", multiLine)).toEqual(["/x/a.ts", "/x/side-effect.css"]);
  });
});

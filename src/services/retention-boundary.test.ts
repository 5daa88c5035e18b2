// Append-only tables accept a change only inside the retention procedure (drizzle/0014): the
// setting that opens them is named in one source file. A second place that sets it would be a
// second, unreviewed way to delete personal data.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe("the retention procedure's privilege", () => {
  it("is set by src/services/retention.ts only", () => {
    const naming = [...sources("src"), ...sources("web/src"), ...sources("bin")].filter((file) =>
      readFileSync(join(ROOT, file), "utf8").includes("aanwezig.retention"),
    );
    expect(naming).toEqual(["src/services/retention.ts"]);
  });
});

// The committed web/src/api/schema.gen.ts is what the server's OpenAPI document generates now:
// a change to a zod schema without `npm run api:types` fails here, before the web drifts.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { engines } from "../test/support/databases.ts";
import { openApiDocument } from "./openapi-document.ts";

const SCRIPT = fileURLToPath(new URL("./api-types.ts", import.meta.url));
const SCHEMA_FILE = fileURLToPath(new URL("../web/src/api/schema.gen.ts", import.meta.url));

describe("web/src/api/schema.gen.ts", () => {
  it("is the types of the OpenAPI document the server builds now (run `npm run api:types`)", async () => {
    // The document of the app built here, on a copy of the migrated test template (the script on
    // its own runs initdb and every migration for a throw-away database first: seconds of CPU).
    const { db, dispose } = await engines()[0]!.fresh();
    const dir = mkdtempSync(join(tmpdir(), "aanwezig-api-types-"));
    try {
      const document = join(dir, "openapi.json");
      writeFileSync(document, JSON.stringify(await openApiDocument(false, db)));
      // The generator in a child process: it loads TypeScript 6's compiler API through a module
      // hook (scripts/api-types.ts), which stays out of the test runner's own module graph.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--disable-warning=ExperimentalWarning", SCRIPT, "--stdout", "--document", document],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      expect(stdout.length).toBeGreaterThan(1000);
      expect(readFileSync(SCHEMA_FILE, "utf8") === stdout, "schema.gen.ts is stale").toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await dispose();
    }
  });
});

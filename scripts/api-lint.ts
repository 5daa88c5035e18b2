// `npm run api:lint`: Redocly's recommended rules (issue 17 item 1) on the OpenAPI document the
// server serves at /api/openapi.json and /api/v1/openapi.json. The app is built in-process on a
// throw-away database (scripts/openapi-document.ts), or the document read from `--document FILE`;
// the document is written to a temporary file and
// `redocly lint --extends recommended` reads it. No network: telemetry and the update check are
// off. Extra arguments go to Redocly (`npm run api:lint -- --format json`). The warnings that
// remain are explained in docs/adr/0004-nl-api-design-rules.md; scripts/api-lint.test.ts holds
// the list.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentArgument, openApiDocument } from "./openapi-document.ts";

const REDOCLY = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin",
  "cli.js",
);

async function main(): Promise<void> {
  // `--document FILE`: lint that document (the test's, built on its own database) as served.
  const { file: given, rest } = documentArgument(process.argv.slice(2));
  const document =
    given === undefined ? await openApiDocument(true) : JSON.parse(readFileSync(given, "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-api-lint-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(document, null, 2));
    const result = spawnSync(
      process.execPath,
      [REDOCLY, "lint", "--extends", "recommended", ...rest, file],
      {
        stdio: "inherit",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    process.exitCode = result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

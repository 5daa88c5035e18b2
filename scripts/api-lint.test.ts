// Redocly's recommended rules on the served OpenAPI document (issue 17 item 1), offline:
// `npm run api:lint` in a child process, on the document of the app built here (on a copy of the
// migrated test template: the script on its own runs initdb and every migration first). No errors; the only warnings are the ones
// docs/adr/0004-nl-api-design-rules.md explains ("Leg uit", Redocly).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { engines } from "../test/support/databases.ts";
import { openApiDocument } from "./openapi-document.ts";

const SCRIPT = fileURLToPath(new URL("./api-lint.ts", import.meta.url));

interface Report {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
}

/**
 * ADR 0004, "Leg uit" 3: the OIDC login and its callback answer a browser with a 302 redirect to
 * the identity provider and back; they have no 2xx.
 */
const EXPLAINED_WARNINGS = [
  "operation-2xx-response #/paths/~1auth~1oidc~1callback/get/responses",
  "operation-2xx-response #/paths/~1auth~1oidc~1login/get/responses",
];

describe("Redocly's recommended rules on /api/openapi.json", () => {
  it("find no error, and only the warnings ADR 0004 explains", async () => {
    const { db, dispose } = await engines()[0]!.fresh();
    const dir = mkdtempSync(join(tmpdir(), "aanwezig-api-lint-test-"));
    const document = join(dir, "openapi.json");
    let stdout: string;
    try {
      writeFileSync(document, JSON.stringify(await openApiDocument(true, db)));
      ({ stdout } = await promisify(execFile)(
        process.execPath,
        [
          "--disable-warning=ExperimentalWarning",
          SCRIPT,
          "--document",
          document,
          "--format",
          "json",
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await dispose();
    }
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as Report;
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.totals.errors).toBe(0);
    const warnings = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`).sort();
    expect(warnings).toEqual(EXPLAINED_WARNINGS);
  });
});

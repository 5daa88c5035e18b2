// The audit trail's codes in Dutch. Policy actions and case commands are checked by the type of
// AUDIT_ACTIONS; the operations the server writes as plain strings (administration, DUO reports,
// handling a signal …) are found here in the server's source, so a new one without a label fails.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_RESOURCES } from "./nl/audit.ts";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(path);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test") ? [path] : [];
  });
}

/** Literal codes in audit rows: `action: "x"`, `operation: "x"`, `resourceType: "x"`. */
function literalCodes(key: string): string[] {
  const pattern = new RegExp(`\\b${key}: "([a-z_]+)"`, "g");
  const files = ["http", "commands", "jobs"].flatMap((d) => serverSources(join(SRC, d)));
  const codes = files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1] ?? ""),
  );
  return [...new Set(codes)].sort();
}

describe("Dutch labels of the audit trail", () => {
  it("has a label for every action and operation the server writes as a literal", () => {
    const actions = [...literalCodes("action"), ...literalCodes("operation")].filter(
      (code) => code !== "deny", // helmet's X-Frame-Options setting, not an audit action
    );
    expect(actions).toContain("read_monitor");
    expect(actions).toContain("import_file");
    expect(actions.filter((code) => !(code in AUDIT_ACTIONS))).toEqual([]);
  });

  it("has a label for every resource type the server writes as a literal", () => {
    const resources = literalCodes("resourceType");
    expect(resources).toContain("monitor");
    expect(resources.filter((code) => !(code in AUDIT_RESOURCES))).toEqual([]);
  });
});

// src/access is the one place that applies the policy and writes the audit trail (issue 12,
// docs/adr/0001-access-module.md): outside it, no file of src asks the rules directly or inserts
// audit rows. A route or command that needs a decision calls gate / scopeList / may.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importGraph } from "../architecture/import-graph.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const graph = importGraph(SRC);
const inAccess = (file: string) => file.startsWith("access/");

describe("the access boundary", () => {
  it("only src/access (and the domain itself) imports the policy's decide and rules", () => {
    const rules = ["domain/policy/policy.ts", "domain/policy/rules.ts"];
    const outside = [...graph]
      .filter(([, targets]) => targets.some((t) => rules.includes(t)))
      .map(([file]) => file)
      .filter((file) => !inAccess(file) && !file.startsWith("domain/policy/"));
    expect(outside).toEqual([]);
  });

  it("only src/access writes audit rows", () => {
    const writers = [...graph.keys()].filter((file) => {
      if (inAccess(file) || file === "db/repositories/audit.ts") return false;
      const text = readFileSync(`${SRC}/${file}`, "utf8");
      return /insertAuditRows|insert\(auditLog\)/.test(text);
    });
    expect(writers).toEqual([]);
  });
});

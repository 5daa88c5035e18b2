// `--school` on the command line is a school id by the same pattern the HTTP API checks
// (issue 13): BRIN + vestiging. A malformed one — too long, lower case, an invisible character —
// is a usage error (exit 2) before any database is opened, not an "unknown school" or an empty
// list. bin/aanwezig runs in a child process, as a user runs it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseSchoolIdOption } from "./context.ts";
import { UsageError } from "./errors.ts";

const BIN = new URL("../../bin/aanwezig", import.meta.url).pathname;

const MALFORMED = ["12AB00\u200B", "\u202E12AB00", "12ab00", "1".repeat(1000), "12AB0", ""];

describe("parseSchoolIdOption", () => {
  it("takes BRIN + vestiging", () => {
    expect(parseSchoolIdOption("12AB00", "--school")).toBe("12AB00");
    expect(parseSchoolIdOption("99ZZ01", "--school")).toBe("99ZZ01");
  });

  it.each(MALFORMED.map((value) => [JSON.stringify(value).slice(0, 16), value]))(
    "refuses %s as a usage error naming the option",
    (_label, value) => {
      expect(() => parseSchoolIdOption(value, "--school")).toThrow(UsageError);
      expect(() => parseSchoolIdOption(value, "--school")).toThrow(/--school must be a school id/);
    },
  );
});

describe("aanwezig signals and duo-reports --school (command line)", () => {
  it.each([
    ["signals", "12AB00\u200B"],
    ["duo-reports", "12AB00\u202E"],
    ["duo-reports", "ABCD00"],
  ])("%s --school %j exits 2 with a message", (command, school) => {
    const run = spawnSync(
      BIN,
      ["--db", "memory://", command, "--as-of", "2026-03-02", "--school", school],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain("--school must be a school id");
    expect(run.stdout).toBe("");
  });
});

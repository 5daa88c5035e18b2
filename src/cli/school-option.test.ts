// `--school` on the command line is a school id by the same pattern the HTTP API checks
// (issue 13): BRIN + vestiging. A malformed one — too long, lower case, an invisible character —
// is a usage error (exit 2) before any database is opened, not an "unknown school" or an empty
// list. The CLI runs through its entry function in this process (runCliInProcess), as a user's
// command line would.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../../test/support/cli-process.ts";
import { parseSchoolIdOption } from "./context.ts";
import { UsageError } from "./errors.ts";

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
  ])("%s --school %j exits 2 with a message", async (command, school) => {
    const run = await runCliInProcess(tmpdir(), "memory://", [
      command,
      "--as-of",
      "2026-03-02",
      "--school",
      school,
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("--school must be a school id");
    expect(run.stdout).toBe("");
  });
});

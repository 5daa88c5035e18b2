// The CLI loads only the module of the command it runs; help and unknown words load them all.
import { describe, expect, it } from "vitest";
import { buildProgram, commandWord } from "./main.ts";

describe("the command a run loads", () => {
  it("is the first argument that is not a global option", () => {
    expect(
      commandWord(["--db", "./data/db", "--format", "json", "import", "pupils", "p.csv"]),
    ).toBe("import");
    expect(commandWord(["restore", "x.backup.gz"])).toBe("restore");
    expect(commandWord(["--help"])).toBeUndefined();
    expect(commandWord([])).toBeUndefined();
  });

  it("registers that command alone, or every command for help and unknown words", async () => {
    const names = async (word?: string) => (await buildProgram(word)).commands.map((c) => c.name());
    expect(await names("restore")).toEqual(["backup", "restore"]);
    expect(await names("serve")).toEqual(["serve"]);
    const all = await names(undefined);
    expect(all).toEqual(await names("nonsense"));
    expect(all).toEqual(
      expect.arrayContaining(["migrate", "import", "serve", "admin", "users", "daily", "backup"]),
    );
    expect(all.length).toBeGreaterThanOrEqual(14);
  });
});

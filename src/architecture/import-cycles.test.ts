// The module graph of src has no cycles (issue 12 item 4): a new one fails here, naming its files.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph } from "./import-graph.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));

describe("the imports of src", () => {
  it("form no cycle", () => {
    expect(importCycles(importGraph(SRC))).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(importCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});

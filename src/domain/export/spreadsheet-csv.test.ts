import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvText, defuseFormula } from "./spreadsheet-csv.ts";

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://x.example","klik")', '"\'=HYPERLINK(""http://x.example"",""klik"")"'],
    ["+31 6 12345678", '"\'+31 6 12345678"'],
    ["-2+3", '"\'-2+3"'],
    ["@SUM(A1:A9)", '"\'@SUM(A1:A9)"'],
    ["\t=1+1", '"\'\t=1+1"'],
    ["\r=1+1", '"\'\r=1+1"'],
  ])("defuses and quotes text a spreadsheet would run as a formula: %j", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it("leaves ordinary text, dates and ids as they are, and quotes only where needed", () => {
    expect(csvCell("P0001")).toBe("P0001");
    expect(csvCell("2026-03-02")).toBe("2026-03-02");
    expect(csvCell("Basisschool De Linde")).toBe("Basisschool De Linde");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell('Jan "Jantje"; junior')).toBe('"Jan ""Jantje""; junior"');
    expect(csvCell("regel\nnieuw")).toBe('"regel\nnieuw"');
    expect(csvCell("")).toBe("");
  });

  it("writes numbers and booleans as values, never defused, and null as an empty cell", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(17.5)).toBe("17.5");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("csvLine and csvText", () => {
  it("join cells with ';' and lines with a newline after each", () => {
    expect(csvLine(["=1", 2, null, "x"])).toBe('"\'=1";2;;x');
    expect(csvText(["a", "b"], [["-x", -1]])).toBe('a;b\n"\'-x";-1\n');
  });

  it("defuseFormula only prefixes, for cells that are quoted elsewhere (XLSX)", () => {
    expect(defuseFormula("@x")).toBe("'@x");
    expect(defuseFormula("x@")).toBe("x@");
  });
});

import { describe, expect, it } from "vitest";
import { exportFileName, toCsv } from "./table-export.ts";

describe("toCsv", () => {
  it("writes a BOM, ';' separators, CRLF line ends and quotes only where needed", () => {
    const csv = toCsv({
      headers: ["Leerling", "Code", "Uren"],
      rows: [
        ["Sanne de Vries", "LEGAL_16H", 17.5],
        ['Jan "Jantje" Bos; junior', null, 0],
        ["Regel\nnieuw", undefined, true],
      ],
    });
    expect(csv).toBe(
      '\uFEFFLeerling;Code;Uren\r\nSanne de Vries;LEGAL_16H;17.5\r\n"Jan ""Jantje"" Bos; junior";;0\r\n"Regel\nnieuw";;true\r\n',
    );
  });

  it("defuses and quotes text a spreadsheet would run as a formula, but not numbers", () => {
    const names = ['=HYPERLINK("x")', "+1", "-3", "@SUM(A1)", "\t=1", "\r=1", "gewoon"];
    expect(toCsv({ headers: ["n"], rows: [[-3], ...names.map((name) => [name])] })).toBe(
      '\uFEFFn\r\n-3\r\n"\'=HYPERLINK(""x"")"\r\n"\'+1"\r\n"\'-3"\r\n"\'@SUM(A1)"\r\n' +
        '"\'\t=1"\r\n"\'\r=1"\r\ngewoon\r\n',
    );
  });
});

describe("exportFileName", () => {
  it("makes one clean name aanwezig-<what>-<date> from a Dutch title", () => {
    expect(exportFileName("Nieuwe signalen – Zorgcoördinator", "2026-03-12", "csv")).toBe(
      "aanwezig-nieuwe-signalen-zorgcoordinator-2026-03-12.csv",
    );
    expect(exportFileName("???", "2026-03-12", "xlsx")).toBe("aanwezig-export-2026-03-12.xlsx");
  });

  it("names the date once, also when the title carries it (issue 11)", () => {
    expect(exportFileName("Absoluut verzuim – Gemeente, 02-03-2026", "2026-03-02", "csv")).toBe(
      "aanwezig-absoluut-verzuim-gemeente-2026-03-02.csv",
    );
    expect(exportFileName("Signalen op 2026-03-02", "2026-03-02", "xlsx")).toBe(
      "aanwezig-signalen-op-2026-03-02.xlsx",
    );
  });

  it("keeps a long title short, cut at a word", () => {
    const name = exportFileName(
      "Thuiszitters: definitie van de Inspectie en brede definitie – Samenwerkingsverband, 02-03-2026",
      "2026-03-02",
      "csv",
    );
    expect(name).toBe(
      "aanwezig-thuiszitters-definitie-van-de-inspectie-en-brede-definitie-2026-03-02.csv",
    );
  });
});

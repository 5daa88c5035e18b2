import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir, writeCsv } from "../../test/support/import-files.ts";
import { detectSeparator, readCsvRecords, readHeaderLine } from "./csv.ts";
import { isProbablyBsn } from "./row-reader.ts";
import { encodeCsvLine } from "./stage.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function records(text: string) {
  const path = writeCsv(dir, "r.csv", text);
  const separator = detectSeparator(await readHeaderLine(path));
  const out: [number, string[]][] = [];
  for await (const r of readCsvRecords(path, separator)) out.push([r.line, r.fields]);
  return out;
}

describe("canonical CSV reading", () => {
  it("detects the separator from the header, ignoring quoted ones", () => {
    expect(detectSeparator("a;b;c")).toBe(";");
    expect(detectSeparator("a,b,c")).toBe(",");
    expect(detectSeparator('"a;b",c')).toBe(",");
  });

  it("strips a BOM and counts physical lines across empty lines, CRLF and quoted newlines", async () => {
    const text = '\uFEFFa;b\r\n1;2\r\n\r\n"x\r\ny";3\r\n4;"5;6"\r\n';
    expect(await readHeaderLine(writeCsv(dir, "h.csv", text))).toBe("a;b");
    expect(await records(text)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [4, ["x\r\ny", "3"]],
      [6, ["4", "5;6"]],
    ]);
  });

  it("names the line of an unclosed quote", async () => {
    await expect(records('a,b\n1,2\n"3,4\n')).rejects.toMatchObject({ line: 3 });
  });

  it("names the line where a quoted field left open at the end of the file starts", async () => {
    // A file cut off inside a quoted value: the error is on the cut row, not the file's end.
    await expect(records('a,b\n1,2\n3,"Voorbeeld\nstad\n4,5')).rejects.toMatchObject({
      line: 3,
      message: expect.stringContaining("afgekapt"),
    });
  });
});

describe("staging CSV", () => {
  it("writes NULL as an unquoted empty field and quotes what COPY would misread", () => {
    expect(encodeCsvLine(7, ["P1", null, 5, true, 'a "b", c', "\\."])).toBe(
      '7,P1,,5,t,"a ""b"", c","\\."\n',
    );
  });
});

describe("BSN guard", () => {
  it("takes a 9-digit number passing the elfproef for a BSN", () => {
    expect(isProbablyBsn("111222333")).toBe(true);
    expect(isProbablyBsn("111222334")).toBe(false);
    expect(isProbablyBsn("P00012345")).toBe(false);
  });
});

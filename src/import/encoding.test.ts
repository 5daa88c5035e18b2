// Files as spreadsheets save them (issue 13): UTF-8 with or without BOM, UTF-16 with a BOM, and
// Windows-1252 (Excel on a Dutch Windows machine) — read correctly, or refused naming the line.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import { tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { readCsvRecords } from "./csv.ts";
import type { FileEncoding } from "./decode.ts";
import { importFile } from "./run-import.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "pupil_id;given_name;family_name;birth_date;municipality";
const PUPILS = `${HEADER}\nP001;Eëlco;Çelik;2015-04-01;Utrecht\nP002;Ümit;Öztürk;2014-02-03;Ede\n`;

/** The text in Windows-1252: one byte per character here (all are in Latin-1). */
const windows1252 = (text: string) => Buffer.from(text, "latin1");

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  for (let i = 0; i < bytes.length; i += 2) {
    const low = bytes[i] as number;
    bytes[i] = bytes[i + 1] as number;
    bytes[i + 1] = low;
  }
  return bytes;
}

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("decoding a canonical file", () => {
  async function fields(path: string, encoding?: FileEncoding) {
    const out: string[][] = [];
    for await (const r of readCsvRecords(path, ";", encoding)) out.push(r.fields);
    return out;
  }

  it("reads UTF-8 with and without BOM, UTF-16LE/BE with BOM, and Windows-1252 when told", async () => {
    const expected = await fields(file("plain.csv", Buffer.from(PUPILS, "utf8")));
    expect(expected[1]).toEqual(["P001", "Eëlco", "Çelik", "2015-04-01", "Utrecht"]);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const files = {
      "bom.csv": Buffer.concat([bom, Buffer.from(PUPILS, "utf8")]),
      "le.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PUPILS, "utf16le")]),
      "be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PUPILS)]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      expect(await fields(file(name, bytes)), name).toEqual(expected);
    }
    expect(await fields(file("cp.csv", windows1252(PUPILS)), "windows-1252")).toEqual(expected);
  });

  it("keeps a character whose bytes straddle two read chunks", async () => {
    // The reader takes 1 MiB at a time: put "ë" (2 bytes) across the first boundary.
    const filler = "x".repeat((1 << 20) - HEADER.length - 2 - 1);
    const text = `${HEADER}\n${filler};ë;b;2015-04-01;U\n`;
    const rows = await fields(file("straddle.csv", Buffer.from(text, "utf8")));
    expect(rows[1]?.[1]).toBe("ë");
  });

  it("names the line of the first byte that is not UTF-8", async () => {
    const lines = [HEADER, "P001;Anna;J;2015-04-01;U", "P002;Bram;V;2015-04-01;U"];
    lines.push("P003;Cas;B;2015-04-01;U", "P004;Eëlco;Çelik;2015-04-01;U", "P005;D;E;2015-04-01;U");
    const bytes = windows1252(`${lines.join("\r\n")}\r\n`);
    await expect(fields(file("bad.csv", bytes))).rejects.toMatchObject({
      line: 5,
      message: expect.stringContaining("--encoding windows-1252"),
    });
    // Also when the bad byte is the last of its line, and when it is in a later chunk.
    const endOfLine = windows1252(
      `${HEADER}\nP001;A;B;2015-04-01;Utrecht\nP002;A;B;2015-04-01;Zoë\n`,
    );
    await expect(fields(file("eol.csv", endOfLine))).rejects.toMatchObject({ line: 3 });
    const filler = Array.from({ length: 40_000 }, (_, i) => `P${i};A;B;2015-04-01;Utrecht`);
    const late = windows1252(`${[HEADER, ...filler, "P;Eëlco;B;2015-04-01;U"].join("\n")}\n`);
    await expect(fields(file("late.csv", late))).rejects.toMatchObject({ line: 40_002 });
  });
});

describe.each(engines())("importing encoded files on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => {
    await emptyDatabase(db);
  });
  afterAll(async () => {
    await dispose();
  });

  const names = () =>
    db.sql.query("SELECT pupil_id, given_name, family_name FROM pupils ORDER BY 1");

  it("refuses a Windows-1252 file read as UTF-8, and imports it when told its encoding", async () => {
    const path = file("pupils-1252.csv", windows1252(PUPILS));
    const refused = await importFile(db, { kind: "pupils", path, actor: "test" });
    expect(refused.outcome).toBe("rejected");
    expect(refused.errors).toEqual([
      { line: 2, column: "", reason: expect.stringContaining("CSV UTF-8") },
    ]);
    expect(await names()).toEqual([]);
    const imported = await importFile(db, {
      kind: "pupils",
      path,
      actor: "test",
      encoding: "windows-1252",
    });
    expect(imported).toMatchObject({ outcome: "imported", inserted: 2 });
    expect(await names()).toEqual([
      { pupil_id: "P001", given_name: "Eëlco", family_name: "Çelik" },
      { pupil_id: "P002", given_name: "Ümit", family_name: "Öztürk" },
    ]);
  });

  it("imports UTF-16LE with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PUPILS, "utf16le")]);
    const path = file("pupils-utf16.csv", bytes);
    const result = await importFile(db, { kind: "pupils", path, actor: "test" });
    expect(result).toMatchObject({ outcome: "imported", inserted: 2 });
    expect((await names())[0]).toMatchObject({ given_name: "Eëlco" });
  });
});

// Reading a canonical CSV file (interfaces.md "Canonical CSV files"): UTF-8 with an optional
// BOM (or what decode.ts reads besides), separator `;` or `,` detected from the header line, fields optionally quoted with `"`.
// Records stream one at a time so a file of millions of rows never sits in memory.
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { decodeHead, type FileEncoding, InvalidEncoding, readText } from "./decode.ts";
import { messages } from "./messages.ts";

export type Separator = ";" | ",";

export interface CsvRecord {
  /** Physical line on which the record starts (header = 1). */
  line: number;
  fields: string[];
}

/** The separator that occurs most often outside quotes in the header line; `,` on a tie. */
export function detectSeparator(headerLine: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ";") semicolons++;
    else if (!quoted && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/** The first line of the file without BOM and line ending; "" for an empty file. */
export async function readHeaderLine(
  path: string,
  encoding: FileEncoding = "utf-8",
): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // Only the separator is taken from it: a bad byte is the full read's to report.
    const text = decodeHead(buffer.subarray(0, bytesRead), encoding);
    const end = text.search(/\r?\n|\r/);
    return end === -1 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/** Normalised header names: trimmed and lower case, so `Pupil_ID ` matches `pupil_id`. */
export function normaliseHeader(fields: readonly string[]): string[] {
  return fields.map((name) => name.trim().toLowerCase());
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = "CsvSyntaxError";
    this.line = line;
  }
}

/**
 * Yields the records in batches (arrays), the header included, each with its starting line
 * number. Batches keep the per-record cost of async iteration out of the hot loop. Empty lines
 * are skipped (they keep counting as lines). A malformed file (e.g. an unclosed quote) ends the
 * iteration with a CsvSyntaxError naming the line.
 */
export async function* readCsvBatches(
  path: string,
  separator: Separator,
  encoding: FileEncoding = "utf-8",
): AsyncGenerator<CsvRecord[]> {
  if (await hasNoQuotesOrCarriageReturns(path)) {
    yield* readPlainBatches(path, separator, encoding);
    return;
  }
  const source = readText(path, encoding);
  const parser = parse({
    delimiter: separator,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // The line the record ends on travels as an extra last element: cheaper than `info`.
    on_record: (record: string[], context) => {
      record.push(context.lines as unknown as string);
      return record;
    },
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  // context.lines counts a CRLF inside a quoted field as two lines; `overcount` undoes that
  // so later records keep their true line number.
  let overcount = 0;
  // Physical line the last complete record ended on: an unclosed quote starts after it.
  let lastLine = 0;
  try {
    for await (const values of drain(parser)) {
      const batch: CsvRecord[] = [];
      for (const value of values) {
        const endLine = value.pop() as number;
        const record = value as string[];
        let newlines = 0;
        for (const field of record) {
          if (field.includes("\n") || field.includes("\r")) {
            const crlf = countOf(field, "\r\n");
            overcount += crlf;
            newlines += countOf(field, "\n") + countOf(field, "\r") - crlf;
          }
        }
        batch.push({ line: endLine - overcount - newlines, fields: record });
        lastLine = endLine - overcount;
      }
      yield batch;
    }
  } catch (error) {
    if (error instanceof InvalidEncoding) {
      throw new CsvSyntaxError(error.line, messages.invalidEncoding(error.line, error.encoding));
    }
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      // The file ends inside a quoted field: most likely cut off mid-row.
      throw new CsvSyntaxError(lastLine + 1, messages.unclosedQuote);
    }
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new CsvSyntaxError(line, `ongeldige CSV: ${error.message}`);
    }
    throw error;
  } finally {
    // Also when the consumer stops early (a bad header): close the file.
    source.destroy();
    parser.destroy();
  }
}

/**
 * True when the file's bytes hold no `"` and no carriage return (and it is not UTF-16, whose
 * code units would hide them): then every record is one line ending in a line feed, its fields
 * split at the separator — what csv-parse makes of such a file, with the options above (empty
 * lines skipped, every other line a record, a line's number its physical line). A byte 0x22 or
 * 0x0D occurs in UTF-8 and Windows-1252 only as that character. Such files (what systems
 * export) are read by readPlainBatches, several times faster and with far less garbage than the
 * general parser; any other file goes through csv-parse.
 */
export async function hasNoQuotesOrCarriageReturns(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return true;
      const bytes = buffer.subarray(0, bytesRead);
      if (position === 0 && bytesRead >= 2) {
        const [a, b] = [bytes[0], bytes[1]];
        if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return false;
      }
      if (bytes.includes(0x22) || bytes.includes(0x0d)) return false;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

const PLAIN_BATCH = 256;

/** The fields of text[from, to), one line without quotes, split at the separator. */
export function splitLine(text: string, from: number, to: number, separator: string): string[] {
  const fields: string[] = [];
  let start = from;
  for (let at = text.indexOf(separator, start); at !== -1 && at < to; ) {
    fields.push(text.slice(start, at));
    start = at + 1;
    at = text.indexOf(separator, start);
  }
  fields.push(text.slice(start, to));
  return fields;
}

/** The records of a file without quotes or carriage returns (hasNoQuotesOrCarriageReturns). */
async function* readPlainBatches(
  path: string,
  separator: Separator,
  encoding: FileEncoding,
): AsyncGenerator<CsvRecord[]> {
  const source = readText(path, encoding);
  let line = 0;
  let rest = "";
  const split = (text: string, from: number, to: number) => splitLine(text, from, to, separator);
  try {
    for await (const chunk of source) {
      const text = rest === "" ? (chunk as string) : rest + (chunk as string);
      // The file was checked before reading; a file changed since then is not read on.
      if (text.includes('"') || text.includes("\r"))
        throw new CsvSyntaxError(line + 1, messages.fileChanged);
      const end = text.lastIndexOf("\n");
      if (end === -1) {
        rest = text;
        continue;
      }
      rest = text.slice(end + 1);
      // Small batches: the records of a batch are garbage before the next minor GC, instead of
      // a whole chunk's records surviving it (copied, then promoted to the old generation).
      let batch: CsvRecord[] = [];
      for (let start = 0; start <= end; ) {
        const newline = text.indexOf("\n", start);
        line++;
        if (newline > start) batch.push({ line, fields: split(text, start, newline) });
        start = newline + 1;
        if (batch.length === PLAIN_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
    if (rest !== "") yield [{ line: line + 1, fields: split(rest, 0, rest.length) }];
  } catch (error) {
    if (error instanceof InvalidEncoding) {
      throw new CsvSyntaxError(error.line, messages.invalidEncoding(error.line, error.encoding));
    }
    throw error;
  } finally {
    source.destroy();
  }
}

/** Everything the stream has buffered, per wake-up: one await per batch instead of per record. */
async function* drain(stream: Readable): AsyncGenerator<unknown[][]> {
  let ended = false;
  let failure: unknown;
  stream.once("end", () => {
    ended = true;
  });
  stream.once("error", (error) => {
    failure = error;
  });
  for (;;) {
    const batch: unknown[][] = [];
    for (let value = stream.read(); value !== null; value = stream.read()) batch.push(value);
    if (batch.length > 0) yield batch;
    if (failure !== undefined) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        stream.off("readable", wake);
        stream.off("end", wake);
        stream.off("error", wake);
        resolve();
      };
      stream.on("readable", wake);
      stream.on("end", wake);
      stream.on("error", wake);
    });
  }
}

/** One record at a time (small files, tests). */
export async function* readCsvRecords(
  path: string,
  separator: Separator,
  encoding: FileEncoding = "utf-8",
): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(path, separator, encoding)) yield* batch;
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

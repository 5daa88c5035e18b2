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

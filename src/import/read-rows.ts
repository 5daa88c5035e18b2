// Reads a canonical file into staging-table CSV: checks the header, validates every row with
// the kind's validator and turns the valid rows into COPY text in ~64 kB chunks. Invalid rows
// are reported to the collector and left out; the caller rejects the file if there are any.
import { type ColumnMapping, type MappingPlan, planMapping } from "./column-mapping.ts";
import { CsvSyntaxError, normaliseHeader, readCsvBatches, type Separator } from "./csv.ts";
import type { FileEncoding } from "./decode.ts";
import type { ErrorCollector } from "./errors.ts";
import type { KindSpec, RowValidator } from "./kind-spec.ts";
import { messages } from "./messages.ts";
import { RowReader } from "./row-reader.ts";
import { encodeCsvLine } from "./stage.ts";

// Small enough that a chunk's row strings die young (a 1 MB chunk kept ~20,000 rows' strings
// alive across minor GCs: most of the read phase's time went to the garbage collector).
const CHUNK_CHARS = 1 << 16;
const PROGRESS_EVERY = 1 << 16;

export interface ReadState {
  /** Data rows read (the header not included). */
  rows: number;
  header: Set<string>;
  /** How an error's column is shown (a mapped file: the source's header with the canonical name). */
  label?: (column: string) => string;
}

export async function* stagedChunks(
  path: string,
  separator: Separator,
  encoding: FileEncoding,
  spec: KindSpec,
  validate: RowValidator,
  errors: ErrorCollector,
  state: ReadState,
  onRows?: (rows: number) => void,
  signal?: AbortSignal,
  mapping?: ColumnMapping,
): AsyncGenerator<string> {
  let stager: RowStager | undefined;
  let plan: MappingPlan | undefined;
  let header: string[] = [];
  let chunk = "";
  try {
    for await (const batch of readCsvBatches(path, separator, encoding)) {
      signal?.throwIfAborted();
      for (const record of batch) {
        if (stager === undefined) {
          header = normaliseHeader(record.fields);
          let canonical = header;
          if (mapping !== undefined) {
            plan = planMapping(mapping, record.fields);
            state.label = plan.label;
            for (const e of plan.errors) errors.add(1, e.column, e.reason);
            if (plan.errors.length > 0) return;
            canonical = plan.header;
          }
          if (!checkHeader(canonical, spec, errors, mapping?.name)) return;
          header = canonical.slice(0, header.length);
          for (const name of canonical) state.header.add(name);
          stager = new RowStager(header, errors, canonical);
          continue;
        }
        state.rows++;
        if (onRows !== undefined && state.rows % PROGRESS_EVERY === 0) onRows(state.rows);
        const staged = stager.stage(record.line, record.fields, validate, plan);
        if (staged === undefined) continue;
        chunk += staged;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = "";
        }
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    errors.add(error.line, "", error.message);
  }
  if (stager === undefined && !errors.any) errors.add(1, "", messages.emptyFile);
  if (chunk !== "") yield chunk;
}

/**
 * One record of a file into a line of staging CSV, or undefined (its errors reported): the
 * field count against the header, the column mapping, the kind's row validator. Shared by the
 * sequential read and the worker threads of parallel-read.ts.
 */
export class RowStager {
  private readonly header: readonly string[];
  private readonly lastColumn: string;
  private readonly reader: RowReader;
  private readonly errors: ErrorCollector;

  /** `header`: the file's columns (canonical names); `canonical`: what the reader reads by. */
  constructor(header: readonly string[], errors: ErrorCollector, canonical = header) {
    this.header = header;
    this.lastColumn = header[header.length - 1] ?? "";
    this.reader = new RowReader(canonical, errors);
    this.errors = errors;
  }

  stage(
    line: number,
    fields: string[],
    validate: RowValidator,
    plan?: MappingPlan,
  ): string | undefined {
    const headerLength = this.header.length;
    // A row with fewer fields than the header is cut short: a wrong separator, or a file
    // cut off mid-row (its last value, e.g. "Voo" for "Voorbeeldstad", would be stored
    // as if whole). One clear error naming the first missing column, not one per column.
    if (fields.length < headerLength) {
      const missing = this.header[fields.length] ?? "";
      this.errors.add(line, missing, messages.tooFewFields(fields.length, headerLength, missing));
      return undefined;
    }
    // A row longer than the header with something in the extra fields (an unquoted
    // separator inside a value) would lose that part silently: one clear error instead.
    // Empty trailing fields (a spreadsheet's closing separator) are harmless.
    if (fields.length > headerLength && hasValueFrom(fields, headerLength)) {
      this.errors.add(
        line,
        this.lastColumn,
        messages.tooManyFields(fields.length, headerLength, this.lastColumn),
      );
      return undefined;
    }
    if (plan !== undefined) {
      const mapped = plan.translate(fields);
      if (mapped.errors.length > 0) {
        for (const e of mapped.errors) this.errors.add(line, e.column, e.reason);
        return undefined;
      }
      fields = mapped.fields;
    }
    this.reader.reset(line, fields);
    const values = validate(this.reader);
    return values === undefined ? undefined : encodeCsvLine(line, values);
  }
}

/** Every required column present, none twice; errors go on line 1 naming the column. */
export function checkHeader(
  header: readonly string[],
  spec: KindSpec,
  errors: ErrorCollector,
  mappingName?: string,
): boolean {
  let ok = true;
  for (const column of spec.requiredColumns) {
    if (!header.includes(column)) {
      const reason =
        mappingName === undefined
          ? messages.missingColumn(column)
          : messages.missingMappedColumn(column, mappingName);
      errors.add(1, column, reason);
      ok = false;
    }
  }
  // Unknown columns are ignored, so only a column the kind reads may not appear twice.
  const read = new Set([...spec.requiredColumns, ...spec.stageColumns.map((c) => c.name)]);
  const seen = new Set<string>();
  for (const column of header) {
    if (read.has(column) && seen.has(column)) {
      errors.add(1, column, messages.duplicateColumn(column));
      ok = false;
    }
    seen.add(column);
  }
  return ok;
}

function hasValueFrom(fields: readonly string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i]?.trim() !== "") return true;
  return false;
}

// The staging table of one import: validated rows are streamed into it with COPY, then
// checked and merged with set-based SQL. It is a temporary table dropped at commit/rollback.
import type { TxClient } from "../db/connect.ts";
import type { KindSpec, StageValue } from "./kind-spec.ts";

export const STAGE_TABLE = "import_stage";

export async function createStageTable(tx: TxClient, spec: KindSpec): Promise<string> {
  const columns = spec.stageColumns.map((c) => `${c.name} ${c.type}`).join(", ");
  await tx.exec(
    `CREATE TEMP TABLE ${STAGE_TABLE} (line integer NOT NULL, ${columns}) ON COMMIT DROP`,
  );
  return STAGE_TABLE;
}

export function stageColumnNames(spec: KindSpec): string[] {
  return ["line", ...spec.stageColumns.map((c) => c.name)];
}

const NEEDS_QUOTES = /[",\r\n\\]/;

/** One CSV line for COPY (FORMAT csv): an unquoted empty field is NULL, "" an empty string. */
export function encodeCsvLine(line: number, values: readonly StageValue[]): string {
  let out = String(line);
  for (const value of values) {
    out += ",";
    if (value === null) continue;
    if (typeof value === "number") out += String(value);
    else if (typeof value === "boolean") out += value ? "t" : "f";
    else if (value === "" || NEEDS_QUOTES.test(value)) out += `"${value.replaceAll('"', '""')}"`;
    else out += value;
  }
  return `${out}\n`;
}

// Tables leave the app as CSV (every spreadsheet opens it) and XLSX (domain.md §7: "Exports as
// CSV and XLSX"). The CSV uses ';' and a BOM, which Dutch Excel reads as UTF-8 columns without
// an import wizard. Its cells are written by the server's own CSV cell writer, which defuses
// text a spreadsheet would run as a formula (OWASP "CSV injection").
import {
  type CsvValue,
  csvLine,
  defuseFormula,
} from "../../../../src/domain/export/spreadsheet-csv.ts";

export type ExportValue = CsvValue;

export interface ExportTable {
  headers: readonly string[];
  rows: readonly (readonly ExportValue[])[];
}

export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map(csvLine);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Dates as a title may carry them (02-03-2026, 2 maart 2026 is not used, 2026-03-02). */
const DATE_IN_TITLE = /\b(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b/g;
const MAX_WHAT = 60;

/**
 * One clean file name for an export: `aanwezig-<what>-<date>.<ext>` (issue 11). `<what>` is the
 * title in lower case letters and digits; a date in the title is left out, since the export's
 * date follows once.
 */
export function exportFileName(title: string, date: string, extension: "csv" | "xlsx"): string {
  let what = title
    .replace(DATE_IN_TITLE, " ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .replace(/^aanwezig(?:-|$)/, "");
  if (what.length > MAX_WHAT) what = what.slice(0, MAX_WHAT).replace(/-[^-]*$/, "");
  return `aanwezig-${what || "export"}-${date}.${extension}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the URL is gone.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(table: ExportTable, fileName: string): void {
  downloadBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), fileName);
}

/** write-excel-file is loaded on the first XLSX export only, so it does not weigh on every page. */
export async function downloadXlsx(table: ExportTable, fileName: string): Promise<void> {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const header = table.headers.map((h) => ({ value: h, fontWeight: "bold" as const }));
  // write-excel-file writes a string as a shared-string cell, never as a formula (only cells
  // typed "Formula" are); the quote still keeps the text inert if the sheet is saved as CSV.
  const rows = table.rows.map((row) =>
    row.map((value) =>
      value === null || value === undefined
        ? null
        : typeof value === "string"
          ? defuseFormula(value)
          : value,
    ),
  );
  const blob = await writeXlsxFile([header, ...rows]).toBlob();
  downloadBlob(blob, fileName);
}

// interfaces.md "Canonical CSV files": `;`-separated text. Every CSV this system writes (the DUO
// export, the CLI's --format csv, the monitor's CSV, the web app's table export) goes through
// this one cell writer, because the files are opened in spreadsheets by other people than the
// ones who typed the text. A text cell that a spreadsheet would run as a formula (OWASP "CSV
// injection": it starts with =, +, -, @, tab or carriage return) is prefixed with a single quote
// and quoted. Numbers and booleans are values, not text: a count of -1 stays -1.

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ";";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** Text with a leading ' when a spreadsheet would read it as a formula (also used for XLSX). */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const defused = defuseFormula(value);
  return defused !== value || NEEDS_QUOTES.test(value)
    ? `"${defused.replaceAll('"', '""')}"`
    : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR);
}

/** A header line and one line per row, each ended by a newline (the files the server writes). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${csvLine(row)}\n`).join("");
}

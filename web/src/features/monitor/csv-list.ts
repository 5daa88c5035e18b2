// A partnership's or school's own thuiszitter list, as they keep it in a spreadsheet: a CSV with
// a header row naming a pupil_id column (";" or "," between fields, quotes allowed). Only the
// pupil numbers leave the browser; names or notes in other columns stay on the user's machine.

const ID_HEADERS = ["pupil_id", "leerlingnummer", "leerling_id", "person_id", "bsn_pseudo"];

function splitLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** The distinct pupil numbers of the list, in file order; null when no id column is found. */
export function pupilIdsFromCsv(text: string): string[] | null {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines[0];
  if (header === undefined) return null;
  const separator =
    (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const names = splitLine(header, separator).map((h) => h.toLowerCase());
  const column = names.findIndex((n) => ID_HEADERS.includes(n));
  if (column === -1) return null;
  const ids = lines
    .slice(1)
    .map((l) => splitLine(l, separator)[column] ?? "")
    .filter((id) => id !== "");
  return [...new Set(ids)];
}

// The right of access (AVG art. 15, issue 18 part 2): everything Aanwezig holds about one pupil,
// for the privacy officer to hand to the parents or the young person. The same reading of the
// database's own foreign keys as the retention procedure (src/db/catalogue.ts walkReferences): every row
// of every table that names the pupil, then every row that points at one of those (a case's plan,
// meetings, events, documents; a signal's transitions; a report's status history), the
// population register's row, and the audit trail's rows about the pupil. A table added later goes
// along without a change here. Stored files (documents, letters) come as files of their own.
import { type Catalogue, ident, readCatalogue, walkReferences } from "../db/catalogue.ts";
import type { SqlClient } from "../db/connect.ts";

/** Tables that are about the system, not the pupil, even when a row names a pupil. */
const NOT_SUBJECT_DATA = new Set([
  "retention_runs",
  "retention_tombstones",
  "signal_input_changes",
  "signal_change_log",
  // A copy of a held unit's rows for the daily run (issue 19): the rows themselves are exported.
  "signal_unit_inputs",
]);

export interface SubjectData {
  pupilId: string;
  /** Rows per table, in the database's own column names; binary values replaced by a file name. */
  tables: Record<string, Record<string, unknown>[]>;
  /** Binary values (a document's content) by the file name in the rows. */
  files: Record<string, Uint8Array>;
}

function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** Everything held about the pupil, or null when no pupil has this id. */
export async function collectSubjectData(
  sql: SqlClient,
  pupilId: string,
): Promise<SubjectData | null> {
  const [pupil] = await sql.query("select 1 from pupils where pupil_id = $1", [pupilId]);
  if (!pupil) return null;
  const catalogue: Catalogue = await readCatalogue(sql);
  const tables: Record<string, Record<string, unknown>[]> = {};
  const seen = new Map<string, Set<string>>();
  const files: Record<string, Uint8Array> = {};

  const add = (table: string, rows: Record<string, unknown>[]) => {
    let keys = seen.get(table);
    if (!keys) {
      keys = new Set();
      seen.set(table, keys);
    }
    for (const row of rows) {
      const out: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (isBinary(value)) {
          const name = `bestanden/${table}-${String(row.id ?? keys.size)}-${column}`;
          files[name] = value;
          out[column] = { bestand: name, bytes: value.byteLength };
        } else {
          out[column] = value;
        }
      }
      const key = JSON.stringify(out);
      if (keys.has(key)) continue;
      keys.add(key);
      tables[table] ??= [];
      tables[table].push(out);
    }
  };

  const collect = (table: string, where: string) =>
    walkReferences(catalogue, table, where, {
      enter: async (rowsOf, rowsWhere) => {
        const rows = await sql.query<Record<string, unknown>>(
          `select * from ${ident(rowsOf)} where ${rowsWhere}`,
          [pupilId],
        );
        add(rowsOf, rows);
        return rows.length > 0;
      },
      follow: async (fk) => !NOT_SUBJECT_DATA.has(fk.child),
    });

  await collect("pupils", "pupil_id = $1");
  for (const table of catalogue.pupilTables) {
    // The trail's rows come last, as they are (below).
    if (table === "pupils" || table === "audit_log" || NOT_SUBJECT_DATA.has(table)) continue;
    await collect(table, "pupil_id = $1");
  }
  await collect("population", "person_id = $1");
  // The pupil's own requests as a data subject (kept out of retention's pupil tables: they are
  // anonymised, not removed, when the pupil's data goes).
  await collect("subject_requests", "pupil_id = $1");
  add(
    "audit_log",
    await sql.query<Record<string, unknown>>(
      "select * from audit_log where pupil_id = $1 order by id",
      [pupilId],
    ),
  );
  return { pupilId, tables, files };
}

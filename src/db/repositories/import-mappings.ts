// Saved column mappings (issue 14 item 3; src/import/column-mapping.ts): one row per source,
// found by id (the API) or by name (an import's `mapping`, the CLI's --mapping), names unique
// without regard to case.

import type { ColumnMapping, DateFormat } from "../../import/column-mapping.ts";
import type { FileEncoding } from "../../import/decode.ts";
import type { ImportKind } from "../../import/kind-spec.ts";
import type { SqlClient } from "../connect.ts";

export interface StoredMapping extends ColumnMapping {
  id: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

interface Row {
  id: number;
  name: string;
  kind: string;
  school_id: string | null;
  encoding: string;
  columns: Record<string, string>;
  fixed: Record<string, string>;
  values: Record<string, Record<string, string>>;
  dates: Record<string, DateFormat>;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

const COLUMNS = `id::int AS id, name, kind, school_id, encoding, columns, fixed, "values", dates,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at, updated_by`;

function fromRow(row: Row): StoredMapping {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ImportKind,
    schoolId: row.school_id,
    encoding: row.encoding as FileEncoding,
    columns: row.columns,
    fixed: row.fixed,
    values: row.values,
    dates: row.dates,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** All mappings, or those of the given schools (region-wide ones too when `withRegion`). */
export async function listMappings(
  sql: SqlClient,
  only?: { schools: readonly string[]; withRegion: boolean },
): Promise<StoredMapping[]> {
  const rows = only
    ? await sql.query<Row>(
        `SELECT ${COLUMNS} FROM import_mappings
          WHERE school_id = ANY($1::text[]) OR ($2 AND school_id IS NULL) ORDER BY lower(name)`,
        [[...only.schools], only.withRegion],
      )
    : await sql.query<Row>(`SELECT ${COLUMNS} FROM import_mappings ORDER BY lower(name)`);
  return rows.map(fromRow);
}

export async function findMapping(sql: SqlClient, id: number): Promise<StoredMapping | undefined> {
  const [row] = await sql.query<Row>(`SELECT ${COLUMNS} FROM import_mappings WHERE id = $1`, [id]);
  return row && fromRow(row);
}

export async function findMappingByName(
  sql: SqlClient,
  name: string,
): Promise<StoredMapping | undefined> {
  const [row] = await sql.query<Row>(
    `SELECT ${COLUMNS} FROM import_mappings WHERE lower(name) = lower($1)`,
    [name.trim()],
  );
  return row && fromRow(row);
}

export async function insertMapping(
  sql: SqlClient,
  mapping: ColumnMapping,
  by: string,
): Promise<StoredMapping> {
  const [row] = await sql.query<Row>(
    `INSERT INTO import_mappings (name, kind, school_id, encoding, columns, fixed, "values", dates, updated_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9) RETURNING ${COLUMNS}`,
    [
      mapping.name,
      mapping.kind,
      mapping.schoolId,
      mapping.encoding,
      JSON.stringify(mapping.columns),
      JSON.stringify(mapping.fixed),
      JSON.stringify(mapping.values),
      JSON.stringify(mapping.dates),
      by,
    ],
  );
  return fromRow(row as Row);
}

export async function updateMapping(
  sql: SqlClient,
  id: number,
  mapping: ColumnMapping,
  by: string,
): Promise<StoredMapping | undefined> {
  const [row] = await sql.query<Row>(
    `UPDATE import_mappings SET name = $2, kind = $3, school_id = $4, encoding = $5,
            columns = $6::jsonb, fixed = $7::jsonb, "values" = $8::jsonb, dates = $9::jsonb, updated_by = $10,
            updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      mapping.name,
      mapping.kind,
      mapping.schoolId,
      mapping.encoding,
      JSON.stringify(mapping.columns),
      JSON.stringify(mapping.fixed),
      JSON.stringify(mapping.values),
      JSON.stringify(mapping.dates),
      by,
    ],
  );
  return row && fromRow(row);
}

export async function deleteMapping(sql: SqlClient, id: number): Promise<boolean> {
  const rows = await sql.query<{ id: number }>(
    "DELETE FROM import_mappings WHERE id = $1 RETURNING id::int AS id",
    [id],
  );
  return rows.length > 0;
}

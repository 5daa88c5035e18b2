// What a backup and a restore read from the database's own catalogue beside the tables (those,
// in foreign-key order, come from src/db/catalogue.ts): the sequences behind serial columns, and
// the migration level.
import type { SqlClient } from "../db/connect.ts";
import type { BackupMigration } from "./format.ts";

/** The sequences owned by columns of schema public (serial and identity columns). */
export async function listSequences(
  sql: SqlClient,
): Promise<{ sequence: string; table: string; column: string }[]> {
  return sql.query(
    `select s.relname as sequence, t.relname as "table", a.attname as "column"
       from pg_depend d
       join pg_class s on s.oid = d.objid and s.relkind = 'S'
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       join pg_namespace n on n.oid = t.relnamespace
      where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
        and n.nspname = 'public'
      order by s.relname`,
  );
}

/** The migrations applied to this database, oldest first; empty when it was never migrated. */
export async function appliedMigrations(sql: SqlClient): Promise<BackupMigration[]> {
  const [exists] = await sql.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!exists?.present) return [];
  const rows = await sql.query<{ hash: string; created_at: string }>(
    "select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id",
  );
  return rows.map((r) => ({ when: Number(r.created_at), hash: r.hash }));
}

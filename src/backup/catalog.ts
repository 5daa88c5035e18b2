// What a backup and a restore read from the database's own catalogue, the same on both engines:
// the application's tables (schema public) in foreign-key order, their stored columns, the
// sequences behind serial columns, and the migration level.
import type { SqlClient } from "../db/connect.ts";
import type { BackupMigration } from "./format.ts";

export interface TableInfo {
  name: string;
  /** Stored columns (generated ones are computed again on insert). */
  columns: string[];
  /** A column GENERATED ALWAYS AS IDENTITY needs OVERRIDING SYSTEM VALUE on insert. */
  hasIdentity: boolean;
}

/** The tables of schema public, every table after the tables its foreign keys point to. */
export async function listTables(sql: SqlClient): Promise<TableInfo[]> {
  const tables = await sql.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
  );
  const columns = await sql.query<{ table_name: string; name: string; identity: string }>(
    `select c.relname as table_name, a.attname as name, a.attidentity as identity
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0
        and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const references = await sql.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const info = new Map<string, TableInfo>(
    tables.map((t) => [t.name, { name: t.name, columns: [], hasIdentity: false }]),
  );
  for (const column of columns) {
    const table = info.get(column.table_name);
    if (!table) continue;
    table.columns.push(column.name);
    if (column.identity === "a") table.hasIdentity = true;
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references) {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name) || visiting.has(name)) return; // a cycle: keep the order reached so far
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    done.add(name);
    const table = info.get(name);
    if (table) ordered.push(table);
  };
  for (const name of info.keys()) visit(name);
  return ordered;
}

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

/** SQL identifier quoting, for names read from the catalogue. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

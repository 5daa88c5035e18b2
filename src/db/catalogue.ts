// The database's own catalogue, read the same way on both engines: the application's tables
// (schema public) in foreign-key order with their stored columns, the foreign keys with their
// columns, and which tables name a pupil. One reading serves the backup and restore (what to copy,
// in which order), the retention procedure (what goes with a removed record) and the right of
// access (what belongs to a pupil): a table added later is known to all three without a change.
import type { SqlClient } from "./connect.ts";

export interface TableInfo {
  name: string;
  /** Stored columns (generated ones are computed again on insert). */
  columns: string[];
  /** A column GENERATED ALWAYS AS IDENTITY needs OVERRIDING SYSTEM VALUE on insert. */
  hasIdentity: boolean;
}

export interface ForeignKey {
  child: string;
  childCols: string[];
  parent: string;
  parentCols: string[];
}

export interface Catalogue {
  /** Every table of schema public, each after the tables its foreign keys point to. */
  tables: TableInfo[];
  /** Foreign keys between two different tables, by child and parent name. */
  foreignKeys: ForeignKey[];
  /** Tables with a pupil_id column, by name. */
  pupilTables: string[];
}

/** SQL identifier quoting, for names read from the catalogue. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function readCatalogue(sql: SqlClient): Promise<Catalogue> {
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
  const foreignKeys = await sql.query<ForeignKey>(
    `select c.relname as child, p.relname as parent,
            array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as "childCols",
            array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
                    join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as "parentCols"
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid
      order by c.relname, p.relname`,
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
  const keys = foreignKeys.map((fk) => ({
    ...fk,
    childCols: toArray(fk.childCols),
    parentCols: toArray(fk.parentCols),
  }));
  return {
    tables: inReferenceOrder(info, keys),
    foreignKeys: keys,
    pupilTables: [...info.values()]
      .filter((t) => t.columns.includes("pupil_id"))
      .map((t) => t.name),
  };
}

/** The tables of schema public, every table after the tables its foreign keys point to. */
export async function listTables(sql: SqlClient): Promise<TableInfo[]> {
  return (await readCatalogue(sql)).tables;
}

function inReferenceOrder(info: Map<string, TableInfo>, keys: ForeignKey[]): TableInfo[] {
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of keys) {
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

/** text[] arrives as an array from both drivers; a literal "{a,b}" is read too, to be safe. */
function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean);
}

/** What a walk does at each set of rows (`where` selects them in `table`; params are the caller's). */
export interface ReferenceVisitor {
  /** Before the rows pointing at these are walked: false stops the walk here (nothing there). */
  enter?(table: string, where: string): Promise<boolean>;
  /**
   * For each foreign key that points at these rows, with the condition that selects the rows
   * pointing at them: false when the visitor dealt with them itself (or skips them).
   */
  follow?(fk: ForeignKey, childWhere: string): Promise<boolean>;
  /** After every row pointing at these was walked (removal: children before parents). */
  leave?(table: string, where: string): Promise<void>;
}

/** Foreign keys nest this deep at the most; deeper is a schema this walk was not made for. */
const MAX_DEPTH = 12;

/**
 * The rows of `table` that `where` selects and, through the database's foreign keys, every row
 * that points at them, depth first: the one reading of "what belongs to a record" that retention
 * (remove it all) and the right of access (export it all) share.
 */
export async function walkReferences(
  catalogue: Catalogue,
  table: string,
  where: string,
  visitor: ReferenceVisitor,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DEPTH) throw new Error(`foreign keys nest too deep at ${table}`);
  if (visitor.enter && !(await visitor.enter(table, where))) return;
  for (const fk of catalogue.foreignKeys.filter((k) => k.parent === table)) {
    const cols = fk.childCols.map(ident).join(", ");
    const parentCols = fk.parentCols.map(ident).join(", ");
    const childWhere = `(${cols}) in (select ${parentCols} from ${ident(table)} where ${where})`;
    if (visitor.follow && !(await visitor.follow(fk, childWhere))) continue;
    await walkReferences(catalogue, fk.child, childWhere, visitor, depth + 1);
  }
  await visitor.leave?.(table, where);
}

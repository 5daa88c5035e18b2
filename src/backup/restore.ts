// `aanwezig restore FILE`: a backup (format.ts) into an EMPTY database, of either engine. In one
// transaction, so a refused or broken file leaves nothing behind: the tables' own triggers
// (signal change capture, the data version, the append-only guards) are switched off for that
// transaction only, every section is checked against its row count and the file's last line,
// and the sequences continue after the restored ids. A database never migrated is first brought
// to the backup's schema level; after the restore it is migrated to this version's level, so a
// backup of an older version restores into a newer one. A backup of a newer schema is refused.
import { createReadStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { ident, listTables, type TableInfo } from "../db/catalogue.ts";
import type { Database, SqlClient, TxClient } from "../db/connect.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../db/migrate.ts";
import { appliedMigrations, listSequences } from "./catalog.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupMigration,
  SEEDED_BY_MIGRATIONS,
} from "./format.ts";

/** A backup that cannot be restored here; the message says why, in Dutch. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

export interface RestoreSummary {
  file: string;
  tables: Record<string, number>;
  rows: number;
  migrations_applied_after: number;
}

/** Characters of row JSON per INSERT statement. */
const BATCH_CHARS = 1 << 20;

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
  version: string;
  breakpoints: boolean;
}

export async function restoreBackup(db: Database, file: string): Promise<RestoreSummary> {
  const lines = readLines(file);
  const header = parseHeader(await lines.next(), file);
  const journal = await readJournal(MIGRATIONS_FOLDER);
  const known = new Set(journal.map((e) => e.when));
  const unknown = header.migrations.filter((m) => !known.has(m.when));
  if (unknown.length > 0) {
    throw new RestoreRefused(
      `${file} is gemaakt met een nieuwere versie van Aanwezig (${unknown.length} migratie(s) die deze versie niet kent); werk Aanwezig eerst bij en zet de backup dan terug`,
    );
  }
  const present = await appliedMigrations(db.sql);
  if (present.length === 0) {
    await migrateTo(db, journal, new Set(header.migrations.map((m) => m.when)));
  } else if (!sameLevel(present, header.migrations)) {
    throw new RestoreRefused(
      `de database heeft een ander schemaniveau (${present.length} migraties) dan de backup (${header.migrations.length}); zet de backup terug in een nieuwe, lege database (nog zonder tabellen)`,
    );
  }
  const tables = await listTables(db.sql);
  const filled = await nonEmptyTables(db.sql, tables);
  if (filled.length > 0) throw notEmpty(filled);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const counts = await db.transaction(async (tx) => {
    // Again inside the transaction: a server that started writing meanwhile wins.
    if ((await nonEmptyTables(tx, tables)).length > 0)
      throw notEmpty(await nonEmptyTables(tx, tables));
    return restoreRows(tx, lines, byName, file);
  });
  const before = (await appliedMigrations(db.sql)).length;
  await migrateDatabase(db);
  const after = (await appliedMigrations(db.sql)).length;
  return {
    file,
    tables: counts,
    rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
    migrations_applied_after: after - before,
  };
}

async function restoreRows(
  tx: TxClient,
  lines: AsyncGenerator<string>,
  tables: Map<string, TableInfo>,
  file: string,
): Promise<Record<string, number>> {
  // Inserting a row is what the triggers react to: they would record signal input changes and
  // bump the data version the backup already holds. Off for this transaction only (an ALTER
  // TABLE is transactional: a rollback or the end of the restore leaves them as they were).
  for (const name of tables.keys()) {
    await tx.exec(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
  }
  for (const name of SEEDED_BY_MIGRATIONS) {
    if (tables.has(name)) await tx.exec(`DELETE FROM ${ident(name)}`);
  }
  const counts: Record<string, number> = {};
  let current: { table: TableInfo; columns: string[]; rows: number } | null = null;
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (!current || batch.length === 0) return;
    const list = current.columns.map(ident).join(", ");
    const overriding = current.table.hasIdentity ? " OVERRIDING SYSTEM VALUE" : "";
    await tx.query(
      `INSERT INTO ${ident(current.table.name)} (${list})${overriding} SELECT ${list} FROM jsonb_populate_recordset(NULL::${ident(current.table.name)}, $1::jsonb)`,
      [`[${batch.join(",")}]`],
    );
    current.rows += batch.length;
    batch = [];
    batchChars = 0;
  };
  let lineNo = 1;
  for await (const line of lines) {
    lineNo += 1;
    if (current) {
      if (line.startsWith('{"end_table":')) {
        await flush();
        const end = parseJson(line, file, lineNo) as { end_table: string; rows: number };
        if (end.end_table !== current.table.name || end.rows !== current.rows) {
          throw broken(file, lineNo, `tabel ${current.table.name} telt niet`);
        }
        counts[current.table.name] = current.rows;
        current = null;
        continue;
      }
      batch.push(line);
      batchChars += line.length;
      if (batchChars >= BATCH_CHARS) await flush();
      continue;
    }
    const value = parseJson(line, file, lineNo) as Record<string, unknown>;
    if (typeof value.table === "string" && Array.isArray(value.columns)) {
      const table = tables.get(value.table);
      if (!table) throw broken(file, lineNo, `onbekende tabel ${value.table}`);
      const columns = value.columns as string[];
      const missing = columns.filter((c) => !table.columns.includes(c));
      if (missing.length > 0) {
        throw broken(file, lineNo, `onbekende kolommen in ${table.name}: ${missing.join(", ")}`);
      }
      current = { table, columns, rows: 0 };
      continue;
    }
    if (value.end_of_backup === true) {
      const expected = value.tables as Record<string, number>;
      for (const [name, rows] of Object.entries(expected)) {
        if (counts[name] !== rows) throw broken(file, lineNo, `tabel ${name} ontbreekt`);
      }
      for (const name of tables.keys()) {
        await tx.exec(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
      }
      for (const s of await listSequences(tx)) {
        await tx.query(
          `SELECT setval($1::regclass, COALESCE(MAX(${ident(s.column)}), 0) + 1, false) FROM ${ident(s.table)}`,
          [ident(s.sequence)],
        );
      }
      return counts;
    }
    throw broken(file, lineNo, "onverwachte regel");
  }
  throw new RestoreRefused(
    `${file} is onvolledig (het einde van de backup ontbreekt); er is niets teruggezet`,
  );
}

function notEmpty(filled: string[]): RestoreRefused {
  const some = `${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""}`;
  return new RestoreRefused(
    `de database is niet leeg (gegevens in ${some}); restore zet een backup alleen terug in een lege database`,
  );
}

function broken(file: string, line: number, reason: string): RestoreRefused {
  return new RestoreRefused(`${file}: regel ${line}: ${reason}; er is niets teruggezet`);
}

function parseJson(line: string, file: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw broken(file, lineNo, "geen geldige JSON");
  }
}

function parseHeader(first: IteratorResult<string>, file: string): BackupHeader {
  const notABackup = new RestoreRefused(`${file} is geen backup van Aanwezig`);
  if (first.done) throw notABackup;
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(first.value) as Partial<BackupHeader>;
  } catch {
    throw notABackup;
  }
  if (header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) throw notABackup;
  if (header.version !== BACKUP_VERSION) {
    throw new RestoreRefused(
      `${file} heeft backupformaat ${header.version}; deze versie van Aanwezig leest formaat ${BACKUP_VERSION}`,
    );
  }
  return header as BackupHeader;
}

function sameLevel(a: BackupMigration[], b: BackupMigration[]): boolean {
  const whens = (list: BackupMigration[]) =>
    list
      .map((m) => m.when)
      .sort((x, y) => x - y)
      .join(",");
  return whens(a) === whens(b);
}

async function readJournal(folder: string): Promise<JournalEntry[]> {
  const text = await readFile(join(folder, "meta", "_journal.json"), "utf8");
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/** Migrates a database that has no schema yet to exactly the backup's migrations. */
async function migrateTo(db: Database, journal: JournalEntry[], level: Set<number>) {
  const prefix = journal.filter((e) => level.has(e.when));
  if (
    prefix.length !== level.size ||
    journal.slice(0, prefix.length).some((e, i) => e !== prefix[i])
  ) {
    throw new RestoreRefused(
      "de backup heeft een schemaniveau dat deze versie van Aanwezig niet kan opbouwen",
    );
  }
  const folder = await mkdtemp(join(tmpdir(), "aanwezig-restore-"));
  try {
    await mkdir(join(folder, "meta"));
    const full = JSON.parse(
      await readFile(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
    );
    await writeFile(
      join(folder, "meta", "_journal.json"),
      JSON.stringify({ ...full, entries: prefix }),
    );
    for (const entry of prefix) {
      await copyFile(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
    }
    if (db.driver.kind === "pglite") {
      await migratePglite(drizzlePglite(db.driver.pglite), { migrationsFolder: folder });
    } else {
      const conn = await db.driver.pool.connect();
      try {
        await conn.query("select pg_advisory_lock(724101)");
        await migratePg(drizzlePg(conn), { migrationsFolder: folder });
      } finally {
        await conn.query("select pg_advisory_unlock(724101)").catch(() => {});
        conn.release();
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function nonEmptyTables(sql: SqlClient, tables: TableInfo[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) {
    if (SEEDED_BY_MIGRATIONS.has(table.name)) continue;
    const [row] = await sql.query<{ present: boolean }>(
      `select exists (select 1 from ${ident(table.name)}) as present`,
    );
    if (row?.present) filled.push(table.name);
  }
  return filled;
}

/** The lines of a gzip'd file; a damaged file is a RestoreRefused. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = rest.indexOf("\n"); end >= 0; end = rest.indexOf("\n", start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new RestoreRefused(`${file} bestaat niet`);
    throw new RestoreRefused(
      `${file} is beschadigd of geen backup van Aanwezig (${(error as Error).message}); er is niets teruggezet`,
    );
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

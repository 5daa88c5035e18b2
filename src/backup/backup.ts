// `aanwezig backup FILE`: every table of the database, read in one REPEATABLE READ snapshot (a
// consistent backup while the server keeps writing), to a gzip'd JSON-lines file (format.ts).
// The file is written next to FILE and renamed when complete, readable by its owner only: it
// holds personal data and password hashes.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createGzip } from "node:zlib";
import { ident, listTables } from "../db/catalogue.ts";
import type { Database } from "../db/connect.ts";
import { appliedMigrations } from "./catalog.ts";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTrailer } from "./format.ts";

const FETCH_ROWS = 2000;

export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
  rows: number;
}

export async function writeBackup(db: Database, file: string): Promise<BackupSummary> {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const out = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(out);
  const finished = once(out, "close");
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  const writeRaw = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    const counts: Record<string, number> = {};
    await db.transaction(async (tx) => {
      await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        created_at: new Date().toISOString(),
        engine: db.kind,
        migrations: await appliedMigrations(tx),
      };
      await write(header);
      for (const table of await listTables(tx)) {
        await write({ table: table.name, columns: table.columns });
        const list = table.columns.map(ident).join(", ");
        await tx.exec(
          `DECLARE aanwezig_backup NO SCROLL CURSOR FOR SELECT to_jsonb(r)::text AS j FROM (SELECT ${list} FROM ${ident(table.name)}) r`,
        );
        let rows = 0;
        for (;;) {
          const batch = await tx.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM aanwezig_backup`);
          for (const row of batch) await writeRaw(row.j);
          rows += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await tx.exec("CLOSE aanwezig_backup");
        counts[table.name] = rows;
        await write({ end_table: table.name, rows });
      }
    });
    const trailer: BackupTrailer = { end_of_backup: true, tables: counts };
    await write(trailer);
    gzip.end();
    await finished;
    await rename(partial, file);
    return {
      file,
      tables: counts,
      rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
    };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

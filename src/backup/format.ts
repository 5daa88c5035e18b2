// The backup file of `aanwezig backup` / `aanwezig restore` (docs/operations.md "Backups"): a
// logical, engine-neutral format, so a backup of the embedded database restores into PostgreSQL
// and back. Gzip'd JSON lines:
//   {"format":"aanwezig-backup","version":1,"created_at":…,"engine":…,"migrations":[…]}
//   {"table":"schools","columns":[…]}          one section per table, in dependency order
//   {…row as to_jsonb…}                        one line per row
//   {"end_table":"schools","rows":N}
//   …
//   {"end_of_backup":true,"tables":{"schools":N,…}}
// A file without its last line is incomplete and restores nothing.

export const BACKUP_FORMAT = "aanwezig-backup";
export const BACKUP_VERSION = 1;

export interface BackupMigration {
  /** drizzle's `created_at`: the journal's `when` of the migration (stable across renumbering). */
  when: number;
  hash: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  engine: "pglite" | "postgres";
  /** Every migration applied to the database the backup was made of: its schema level. */
  migrations: BackupMigration[];
}

export interface TableStart {
  table: string;
  columns: string[];
}

export interface TableEnd {
  end_table: string;
  rows: number;
}

export interface BackupTrailer {
  end_of_backup: true;
  tables: Record<string, number>;
}

/**
 * Tables that a migration fills itself (0008 inserts data_versions' 'region' row): an empty,
 * migrated database has these rows, and a restore replaces them with the backup's.
 */
export const SEEDED_BY_MIGRATIONS = new Set(["data_versions"]);

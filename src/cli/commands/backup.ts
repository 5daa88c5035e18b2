// `aanwezig backup FILE` / `aanwezig restore FILE` (interfaces.md "Command line"; the format and
// its guarantees: src/backup/). Restore only into an empty database: exit 1 otherwise.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { writeBackup } from "../../backup/backup.ts";
import { RestoreRefused, restoreBackup } from "../../backup/restore.ts";
import { openDatabase, resolveDbSpec } from "../../db/connect.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { BadInputError } from "../errors.ts";

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("schrijft een volledige, consistente backup van de database naar FILE")
    .argument("<file>", "pad van het backupbestand (gzip, JSON-regels)")
    .action(async (file: string, _opts: unknown, command: Command) => {
      const { format } = globalOptions(command);
      const summary = await withDatabase(command, (db) => writeBackup(db, file));
      if (format === "json") console.log(JSON.stringify(summary));
      else {
        const tables = Object.keys(summary.tables).length;
        console.log(`backup geschreven naar ${file}: ${tables} tabellen, ${summary.rows} rijen`);
      }
    });
  program
    .command("restore")
    .description("zet een backup terug in een lege database (exit 1 als de database niet leeg is)")
    .argument("<file>", "pad van het backupbestand")
    .action(async (file: string, _opts: unknown, command: Command) => {
      const { format, db: spec } = globalOptions(command);
      if (!existsSync(file)) throw new BadInputError(`${file} bestaat niet`);
      // Not withDatabase: a database without tables is first brought to the backup's level.
      const db = await openDatabase(resolveDbSpec(spec));
      try {
        const summary = await restoreBackup(db, file).catch((error) => {
          if (error instanceof RestoreRefused) throw new BadInputError(error.message);
          throw error;
        });
        if (format === "json") console.log(JSON.stringify(summary));
        else {
          const tables = Object.keys(summary.tables).length;
          console.log(
            `backup ${file} teruggezet in ${db.location}: ${tables} tabellen, ${summary.rows} rijen`,
          );
        }
      } finally {
        await db.close();
      }
    });
}

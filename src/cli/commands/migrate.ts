import type { Command } from "commander";
import { globalOptions, withDatabase } from "../context.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("brings the database schema up to date")
    .action(async (_opts, command: Command) => {
      await withDatabase(command, async (db) => {
        const out = { ok: true, database: db.kind, location: db.location };
        if (globalOptions(command).format === "json") console.log(JSON.stringify(out));
        else console.log(`schema bijgewerkt (${db.kind}: ${db.location})`);
      });
    });
}

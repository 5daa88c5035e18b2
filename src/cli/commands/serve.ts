import type { Command } from "commander";
import { openDatabase, resolveDbSpec } from "../../db/connect.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { buildApp } from "../../http/app.ts";
import { globalOptions } from "../context.ts";
import { UsageError } from "../errors.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("runs the web application, the API and the scheduled jobs")
    .option("--port <n>", "port", "8080")
    .option("--host <h>", "host", "127.0.0.1")
    .option("--allow-demo-accounts", "allow demo accounts on a postgres:// database")
    .action(async (opts: { port: string; host: string }, command: Command) => {
      const port = Number.parseInt(opts.port, 10);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`--port must be a number 0-65535 (got '${opts.port}')`);
      }
      const db = await openDatabase(resolveDbSpec(globalOptions(command).db));
      await migrateDatabase(db);
      const app = await buildApp({ db, logger: true });
      const shutdown = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      await app.listen({ port, host: opts.host });
    });
}

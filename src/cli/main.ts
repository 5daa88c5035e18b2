// bin/aanwezig: the command line of interfaces.md ("Command line").
import { Command, CommanderError } from "commander";
import { DatabaseUnavailableError } from "../db/connect.ts";
import { DatabaseLockedError } from "../db/lock.ts";
import { registerAdmin } from "./commands/admin.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerDaily } from "./commands/daily.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerDuoReports } from "./commands/duo-reports.ts";
import { registerImport } from "./commands/import.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerMonitor } from "./commands/monitor.ts";
import { registerRegion } from "./commands/region.ts";
import { registerRetention } from "./commands/retention.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSignals } from "./commands/signals.ts";
import { registerUsers } from "./commands/users.ts";
import { BadInputError, EXIT_BAD_INPUT, EXIT_USAGE, UsageError } from "./errors.ts";

export function buildProgram(): Command {
  const program = new Command("aanwezig")
    .description("Aanwezig — verzuimsignalen, casusregie en monitoring")
    .option("--db <value>", "postgres:// URL, memory:// or a directory (default ./data/db)")
    .option("--format <format>", "output: text, json or csv", "text")
    .showHelpAfterError()
    .exitOverride();
  registerMigrate(program);
  registerDemo(program);
  registerImport(program);
  registerSignals(program);
  registerMonitor(program);
  registerDuoReports(program);
  registerServe(program);
  registerAdmin(program);
  registerUsers(program);
  registerDaily(program);
  registerBackup(program);
  registerRegion(program);
  registerRetention(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // help and version requests are not errors
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 0;
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    console.error(`aanwezig: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof BadInputError) {
    console.error(`aanwezig: ${error.message}`);
    for (const line of error.details) console.error(line);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof DatabaseLockedError || error instanceof DatabaseUnavailableError) {
    console.error(`aanwezig: ${error.message}`);
    return EXIT_BAD_INPUT;
  }
  console.error(`aanwezig: onverwachte fout: ${(error as Error)?.stack ?? String(error)}`);
  return EXIT_BAD_INPUT;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

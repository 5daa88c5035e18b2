// bin/aanwezig: the command line of interfaces.md ("Command line").
import { Command, CommanderError } from "commander";
import { DatabaseUnavailableError } from "../db/connect.ts";
import { DatabaseLockedError } from "../db/lock.ts";
import { BadInputError, EXIT_BAD_INPUT, EXIT_USAGE, UsageError } from "./errors.ts";

/**
 * Every command: its names on the command line and how to load its module. A run loads only the
 * module of the command it runs (each pulls in its own dependencies, e.g. the web server or the
 * PDF library): starting the CLI costs a second or two less, which every script and test that
 * runs `aanwezig` pays. Help and unknown commands load them all. The order is the help's order.
 */
const COMMANDS: { names: string[]; register: () => Promise<(program: Command) => void> }[] = [
  {
    names: ["migrate"],
    register: async () => (await import("./commands/migrate.ts")).registerMigrate,
  },
  { names: ["demo"], register: async () => (await import("./commands/demo.ts")).registerDemo },
  {
    names: ["import"],
    register: async () => (await import("./commands/import.ts")).registerImport,
  },
  {
    names: ["signals"],
    register: async () => (await import("./commands/signals.ts")).registerSignals,
  },
  {
    names: ["monitor"],
    register: async () => (await import("./commands/monitor.ts")).registerMonitor,
  },
  {
    names: ["duo-reports"],
    register: async () => (await import("./commands/duo-reports.ts")).registerDuoReports,
  },
  { names: ["serve"], register: async () => (await import("./commands/serve.ts")).registerServe },
  { names: ["admin"], register: async () => (await import("./commands/admin.ts")).registerAdmin },
  { names: ["users"], register: async () => (await import("./commands/users.ts")).registerUsers },
  { names: ["daily"], register: async () => (await import("./commands/daily.ts")).registerDaily },
  {
    names: ["backup", "restore"],
    register: async () => (await import("./commands/backup.ts")).registerBackup,
  },
  {
    names: ["region"],
    register: async () => (await import("./commands/region.ts")).registerRegion,
  },
  {
    names: ["mappings"],
    register: async () => (await import("./commands/mappings.ts")).registerMappings,
  },
  {
    names: ["retention"],
    register: async () => (await import("./commands/retention.ts")).registerRetention,
  },
];

/** Global options that take a value (`--db X`, `--format X`), skipped to find the command. */
const VALUE_OPTIONS = new Set(["--db", "--format"]);

/** The command word of argv (the first argument that is not a global option), if any. */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/** The program with every command, or with only the one `command` names when it is known. */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command("aanwezig")
    .description("Aanwezig — verzuimsignalen, casusregie en monitoring")
    .option("--db <value>", "postgres:// URL, memory:// or a directory (default ./data/db)")
    .option("--format <format>", "output: text, json or csv", "text")
    .showHelpAfterError()
    .exitOverride();
  const one = COMMANDS.find((c) => command !== undefined && c.names.includes(command));
  for (const entry of one ? [one] : COMMANDS) (await entry.register())(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(commandWord(argv));
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

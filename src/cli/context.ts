import type { Command } from "commander";
import { type Database, openDatabase, resolveDbSpec } from "../db/connect.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { isSchoolId } from "../domain/input/identifiers.ts";
import { UsageError } from "./errors.ts";

export type OutputFormat = "text" | "json" | "csv";

export interface GlobalOptions {
  db?: string;
  format: OutputFormat;
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ db?: string; format?: string }>();
  const format = (opts.format ?? "text") as OutputFormat;
  if (!["text", "json", "csv"].includes(format)) {
    throw new UsageError(`--format must be text, json or csv (got '${opts.format}')`);
  }
  return { db: opts.db, format };
}

/** Opens the selected database and brings its schema up to date (interfaces.md: also on start). */
export async function withDatabase<T>(
  command: Command,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(resolveDbSpec(globalOptions(command).db));
  try {
    await migrateDatabase(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function parseIsoDateOption(value: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${name} must be a date YYYY-MM-DD (got '${value}')`);
  }
  const roundTrip = new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10);
  if (roundTrip !== value) throw new UsageError(`${name}: ${value} is not a calendar date`);
  return value;
}

/**
 * A school id given on the command line: BRIN + vestiging (interfaces.md), checked like the HTTP
 * API checks one (src/domain/input/identifiers.ts), so a typo or an invisible character is a
 * usage error, not an empty answer or a lookup of a school that cannot exist.
 */
export function parseSchoolIdOption(value: string, name: string): string {
  if (!isSchoolId(value)) {
    throw new UsageError(
      `${name} must be a school id, BRIN + vestiging such as 12AB00 (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

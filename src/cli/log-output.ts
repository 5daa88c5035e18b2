// How `aanwezig serve` talks to the terminal. People (npm start) get short Dutch lines: the
// address once, warnings and errors readably, requests only when asked (--log-level debug).
// Production keeps Fastify's JSON lines, one object per line, with --log-format json.
import type { Writable } from "node:stream";
import type { FastifyLoggerOptions } from "fastify";
import type { RequestLogLevel } from "../http/request-log.ts";
import { UsageError } from "./errors.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSetup {
  level: LogLevel;
  format: LogFormat;
  /** Requests are routine for a person at a terminal, the audit trail of a production log. */
  requestLevel: RequestLogLevel;
}

/**
 * A flag wins over the environment (AANWEZIG_LOG_LEVEL, AANWEZIG_LOG_FORMAT; empty counts as
 * unset), which wins over the default.
 */
export function resolveLogSetup(
  flags: { logLevel?: string; logFormat?: string },
  env: NodeJS.ProcessEnv = process.env,
): LogSetup {
  const level = pick(
    "--log-level",
    flags.logLevel ?? (env.AANWEZIG_LOG_LEVEL || "info"),
    LOG_LEVELS,
  );
  const format = pick(
    "--log-format",
    flags.logFormat ?? (env.AANWEZIG_LOG_FORMAT || "text"),
    LOG_FORMATS,
  );
  return { level, format, requestLevel: format === "json" ? "info" : "debug" };
}

function pick<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found === undefined) {
    throw new UsageError(`${name} must be one of ${allowed.join(", ")} (got '${value}')`);
  }
  return found;
}

/** Fastify's logger options for a setup: JSON to stdout as pino writes it, or the text below. */
export function loggerOptions(
  setup: LogSetup,
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): FastifyLoggerOptions & { level: LogLevel } {
  if (setup.format === "json") return { level: setup.level };
  return { level: setup.level, stream: textLogStream(out, err) };
}

/** The line a person sees once the server listens. */
export function startMessage(address: string, demoAccounts: boolean): string {
  const demo = demoAccounts ? " — demo-accounts: zie README" : "";
  return `Aanwezig draait op ${address}${demo}; stoppen met Ctrl+C`;
}

const LEVEL_WORDS: Record<number, string> = {
  10: "trace",
  20: "debug",
  40: "waarschuwing",
  50: "fout",
  60: "fatale fout",
};

interface PinoLine {
  level?: number;
  time?: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** Turns pino's JSON lines into text: warnings and errors (with their stack) to `err`, the rest to `out`. */
export function textLogStream(out: Writable, err: Writable): { write(line: string): void } {
  return {
    write(line: string) {
      const entry = parseLine(line);
      if (entry === undefined) {
        out.write(line.endsWith("\n") ? line : `${line}\n`);
        return;
      }
      const level = entry.level ?? 30;
      (level >= 40 ? err : out).write(`${formatEntry(entry)}\n`);
    },
  };
}

function parseLine(line: string): PinoLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? (value as PinoLine) : undefined;
  } catch {
    return undefined;
  }
}

export function formatEntry(entry: PinoLine): string {
  const level = entry.level ?? 30;
  const word = LEVEL_WORDS[level];
  let text = entry.msg ?? "";
  if (entry.req?.method !== undefined) text += ` ${entry.req.method} ${entry.req.url ?? ""}`;
  if (entry.res?.statusCode !== undefined) {
    const ms = entry.responseTime === undefined ? "" : ` (${Math.round(entry.responseTime)} ms)`;
    text += ` → ${entry.res.statusCode}${ms}`;
  }
  if (entry.err !== undefined) {
    const stack = entry.err.stack ?? `${entry.err.type ?? "Error"}: ${entry.err.message ?? ""}`;
    text += `\n  ${stack.split("\n").join("\n  ")}`;
  }
  if (word === undefined) return text;
  const time =
    entry.time === undefined ? "" : `${new Date(entry.time).toISOString().slice(11, 19)} `;
  return `${time}${word}: ${text}`;
}

// `aanwezig import KIND FILE` (interfaces.md "Command line"): one canonical CSV file, atomic
// and idempotent. Exit 1 with FILE:LINE:COLUMN lines on stderr when any row is invalid.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { findMappingByName } from "../../db/repositories/import-mappings.ts";
import { ImportInterrupted } from "../../import/cancel.ts";
import type { ColumnMapping } from "../../import/column-mapping.ts";
import { parseEncoding } from "../../import/decode.ts";
import { IMPORT_KINDS, isImportKind } from "../../import/kind-spec.ts";
import { messages } from "../../import/messages.ts";
import {
  ImportFileNotFound,
  type ImportPhase,
  type ImportResult,
  importFile,
} from "../../import/run-import.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { BadInputError, EXIT_BAD_INPUT, UsageError } from "../errors.ts";

interface ImportCliOptions {
  encoding?: string;
  mapping?: string;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(`importeert één canoniek CSV-bestand; KIND is ${IMPORT_KINDS.join(", ")}`)
    .argument("<kind>", "soort bestand")
    .argument("<file>", "pad naar het CSV-bestand")
    .option(
      "--encoding <name>",
      "tekenset van een bestand zonder BOM: utf-8 (standaard, of die van de kolomindeling) of windows-1252 (ook: latin1, iso-8859-1)",
    )
    .option(
      "--mapping <name>",
      "lees een bestand met eigen kolomnamen via een opgeslagen kolomindeling (Beheer → Kolomindelingen)",
    )
    .action(async (kind: string, file: string, opts: ImportCliOptions, command: Command) => {
      if (!isImportKind(kind)) {
        throw new UsageError(`onbekende soort '${kind}'; kies uit ${IMPORT_KINDS.join(", ")}`);
      }
      const encoding = opts.encoding === undefined ? undefined : parseEncoding(opts.encoding);
      if (opts.encoding !== undefined && encoding === undefined) {
        throw new UsageError(
          `onbekende tekenset '${opts.encoding}'; kies utf-8 of windows-1252 (latin1, iso-8859-1)`,
        );
      }
      const { format } = globalOptions(command);
      if (!existsSync(file)) throw new BadInputError(messages.fileNotFound(file));
      const progress = process.stderr.isTTY ? progressPrinter() : undefined;
      const interrupt = interruptOnSignals();
      const result = await withDatabase(command, async (db) => {
        let mapping: ColumnMapping | undefined;
        if (opts.mapping !== undefined) {
          mapping = await findMappingByName(db.sql, opts.mapping);
          if (!mapping) throw new BadInputError(messages.unknownMapping(opts.mapping));
          if (mapping.kind !== kind) {
            throw new BadInputError(messages.mappingOtherKind(mapping.name, mapping.kind, kind));
          }
        }
        return importFile(db, {
          kind,
          path: file,
          encoding,
          mapping,
          onProgress: progress?.update,
          signal: interrupt.signal,
        });
      })
        .catch((error) => {
          if (error instanceof ImportFileNotFound || error instanceof ImportInterrupted) {
            throw new BadInputError(error.message);
          }
          throw error;
        })
        .finally(interrupt.detach);
      progress?.done();
      if (format === "json") console.log(JSON.stringify(toJson(result)));
      else if (result.outcome === "imported") {
        const { rows, inserted, updated, unchanged } = result;
        console.log(messages.summary(kind, file, rows, inserted, updated, unchanged));
      }
      if (result.outcome === "rejected") {
        throw new BadInputError(messages.rejected(file, result.errorsTotal), errorLines(result));
      }
    });
}

/**
 * Ctrl-C or SIGTERM stops the import cleanly: its running statement is cancelled, the
 * transaction rolled back, the database closed (exit 1). A second signal exits at once.
 */
function interruptOnSignals() {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT_BAD_INPUT);
    controller.abort(new ImportInterrupted(name));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    detach() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

function toJson(result: ImportResult) {
  const { kind, file, checksum, outcome, rows, inserted, updated, unchanged, errors } = result;
  return {
    kind,
    file,
    checksum,
    outcome,
    rows,
    inserted,
    updated,
    unchanged,
    errors,
    errors_total: result.errorsTotal,
  };
}

/** `FILE:LINE:COLUMN: reason`, one per invalid field, as compilers print them. */
function errorLines(result: ImportResult): string[] {
  const lines = result.errors.map((e) => `${result.file}:${e.line}:${e.column}: ${e.reason}`);
  const more = result.errorsTotal - result.errors.length;
  if (more > 0) lines.push(messages.moreErrors(more));
  return lines;
}

const PHASE_TEXT: Record<ImportPhase, string> = {
  reading: "lezen",
  checking: "controleren",
  writing: "schrijven",
};

/** Progress on a terminal for large files (the reader reports every 65,536 rows). */
function progressPrinter() {
  const started = Date.now();
  let shown = false;
  return {
    update(phase: ImportPhase, rows: number) {
      if (phase !== "reading" && !shown) return;
      shown = true;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const rate = Math.round(rows / seconds).toLocaleString("nl-NL");
      const text = `${PHASE_TEXT[phase]}: ${rows.toLocaleString("nl-NL")} rijen (${rate} rijen/s)`;
      process.stderr.write(`\r${text}\x1b[K`);
    },
    done() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}

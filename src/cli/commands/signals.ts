import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import { resolveProfile, type SignalProfile } from "../../domain/signals/profiles.ts";
import { SIGNAL_CODES, type Signal, type SignalCode } from "../../domain/signals/types.ts";
import { evaluateSignalsAt, presentSignal } from "../../services/signals.ts";
import {
  globalOptions,
  parseIsoDateOption,
  parseSchoolIdOption,
  withDatabase,
} from "../context.ts";
import { BadInputError, UsageError } from "../errors.ts";

interface SignalsOptions {
  asOf?: string;
  school?: string;
  code?: string;
  profile?: string;
}

export function registerSignals(program: Command): void {
  program
    .command("signals")
    .description("evaluates every signal at a date and prints those that hold")
    .requiredOption("--as-of <date>", "evaluation date YYYY-MM-DD")
    .option("--school <id>", "only this school's signals")
    .option("--code <code>", `only this signal code (${SIGNAL_CODES.join(", ")})`)
    .option(
      "--profile <name|file>",
      "for this run only: default, mazl, or a JSON file with a regional profile (default: the region's settings)",
      process.env.AANWEZIG_PROFILE,
    )
    .action(async (opts: SignalsOptions, command: Command) => {
      const { format } = globalOptions(command);
      const asOf = parseIsoDateOption(opts.asOf ?? "", "--as-of");
      const school =
        opts.school === undefined ? undefined : parseSchoolIdOption(opts.school, "--school");
      const code = parseCode(opts.code);
      // Precedence: --profile, then AANWEZIG_PROFILE, then the region's settings (the profile
      // the API, the monitor and the daily job use), so without an override the CLI and the
      // web agree.
      const profile = opts.profile === undefined ? undefined : loadProfile(opts.profile);
      await withDatabase(command, async (db) => {
        if (school) {
          const known = await db.sql.query("select 1 from schools where school_id = $1", [school]);
          if (known.length === 0) {
            throw new BadInputError(
              `--school ${school}: onbekende school (unknown school); importeer eerst schools`,
            );
          }
        }
        const signals = await evaluateSignalsAt(db.sql, {
          asOf,
          schoolId: school,
          code,
          ...(profile ? { profile } : {}),
        });
        process.stdout.write(renderSignals(signals, format));
      });
    });
}

function parseCode(code: string | undefined): SignalCode | undefined {
  if (code === undefined) return undefined;
  if (!(SIGNAL_CODES as readonly string[]).includes(code)) {
    throw new UsageError(`--code must be one of ${SIGNAL_CODES.join(", ")} (got '${code}')`);
  }
  return code as SignalCode;
}

function loadProfile(nameOrFile: string): SignalProfile {
  let source: unknown = nameOrFile;
  if (nameOrFile.endsWith(".json")) {
    try {
      source = JSON.parse(readFileSync(nameOrFile, "utf8"));
    } catch (error) {
      throw new BadInputError(`${nameOrFile}: ${(error as Error).message}`);
    }
  }
  const result = resolveProfile(source);
  if (!result.ok) {
    throw new BadInputError(
      `profiel ${nameOrFile} is ongeldig (invalid profile)`,
      result.issues.map((i) => `${nameOrFile}: ${i.path || "(profile)"}: ${i.message}`),
    );
  }
  return result.profile;
}

/** What `aanwezig signals` prints in each --format. */
export function renderSignals(signals: Signal[], format: string): string {
  if (format === "json") return `${JSON.stringify(signals.map(presentSignal))}\n`;
  if (format === "csv") {
    return csvText(
      ["pupil_id", "school_id", "code", "as_of", "legal", "evidence"],
      signals.map((s) => [
        s.pupilId,
        s.schoolId,
        s.code,
        s.asOf,
        s.attributes.legal,
        JSON.stringify(s.evidence),
      ]),
    );
  }
  if (signals.length === 0) return "geen signalen op deze datum\n";
  const lines = signals.map((s) => {
    const legal = s.attributes.legal === undefined ? "" : ` legal=${s.attributes.legal}`;
    const evidence = Object.entries(s.evidence)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`)
      .join(" ");
    return `${s.pupilId}\t${s.schoolId || "-"}\t${s.code}${legal}\t${evidence}`;
  });
  return `${lines.join("\n")}\n${signals.length} signalen\n`;
}

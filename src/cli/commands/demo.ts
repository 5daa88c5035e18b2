import type { Command } from "commander";
import { writeFullDemo } from "../../demo/fill.ts";
import { DEFAULT_DEMO_PUPILS, DEFAULT_DEMO_SEED } from "../../demo/index.ts";
import { DEMO_PASSWORD } from "../../demo/users.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { UsageError } from "../errors.ts";

function parseWholeNumber(value: string, name: string, min: number, max: number): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`${name} must be a whole number ${min}-${max} (got '${value}')`);
  }
  return parsed;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "fills the database with a synthetic, deterministic demo region, accounts and cases",
    )
    .option(
      "--pupils <n>",
      "number of pupils, 50 to 2,500,000 (above 1,000,000 the generator needs about 4 GB of memory per million: NODE_OPTIONS=--max-old-space-size=12288)",
      String(DEFAULT_DEMO_PUPILS),
    )
    .option(
      "--seed <s>",
      "seed: the same seed and pupil count give the same data",
      String(DEFAULT_DEMO_SEED),
    )
    .action(async (opts: { pupils: string; seed: string }, command: Command) => {
      const pupils = parseWholeNumber(opts.pupils, "--pupils", 50, 2_500_000);
      const seed = parseWholeNumber(opts.seed, "--seed", 0, 2 ** 31 - 1);
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        const demo = await writeFullDemo(db, { pupils, seed });
        const { region, write: result, durationMs } = demo;
        const summary = {
          seed,
          pupils,
          school_year: region.schoolYear,
          as_of: demo.asOf,
          database: db.location,
          replaced: result.replaced,
          counts: result.counts,
          stories: region.stories.length,
          accounts: demo.accounts,
          cases: demo.cases.total,
          cases_by_phase: demo.cases.byPhase,
          duration_ms: durationMs,
        };
        if (format === "json") {
          console.log(JSON.stringify(summary));
          return;
        }
        if (result.replaced) console.log("bestaande regiogegevens vervangen door de demoregio");
        console.log(
          `demoregio (seed ${seed}, schooljaar ${region.schoolYear.start} t/m ${region.schoolYear.end}) in ${db.location}:`,
        );
        for (const [table, count] of Object.entries(result.counts)) {
          console.log(`  ${table.padEnd(15)} ${String(count).padStart(9)}`);
        }
        console.log(`  ${"accounts".padEnd(15)} ${String(demo.accounts).padStart(9)}`);
        const phases = Object.entries(demo.cases.byPhase)
          .map(([phase, n]) => `${phase} ${n}`)
          .join(", ");
        console.log(`  ${"cases".padEnd(15)} ${String(demo.cases.total).padStart(9)}  (${phases})`);
        console.log(
          `demo-accounts: ROL@demo.aanwezig.nl met wachtwoord ${DEMO_PASSWORD}; de datum van de demo is ${demo.asOf}`,
        );
        const seconds = (ms: number) => (ms / 1000).toFixed(1);
        console.log(
          `klaar in ${seconds(durationMs.total)} s (genereren ${seconds(durationMs.generate)} s, schrijven ${seconds(durationMs.write)} s, casussen ${seconds(durationMs.cases)} s)`,
        );
      });
    });
}

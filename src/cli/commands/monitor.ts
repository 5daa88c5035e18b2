import type { Command } from "commander";
import type { MonitorGrouping, MonitorRow } from "../../domain/monitor/aggregate.ts";
import { monitorAt } from "../../services/monitor.ts";
import { globalOptions, parseIsoDateOption, withDatabase } from "../context.ts";
import { UsageError } from "../errors.ts";

const GROUPINGS: readonly MonitorGrouping[] = ["school", "municipality", "partnership"];

export function registerMonitor(program: Command): void {
  program
    .command("monitor")
    .description("prints the monitor's aggregate rows at a date (counts 1-4 suppressed)")
    .requiredOption("--as-of <date>", "date YYYY-MM-DD")
    .option("--by <grouping>", "school, municipality or partnership", "school")
    .option("--no-suppress", "print counts of 1-4 instead of null")
    .action(async (opts: { asOf: string; by: string; suppress: boolean }, command: Command) => {
      const { format } = globalOptions(command);
      const asOf = parseIsoDateOption(opts.asOf, "--as-of");
      if (!(GROUPINGS as readonly string[]).includes(opts.by)) {
        throw new UsageError(`--by must be one of ${GROUPINGS.join(", ")} (got '${opts.by}')`);
      }
      await withDatabase(command, async (db) => {
        const rows = await monitorAt(db.sql, {
          asOf,
          by: opts.by as MonitorGrouping,
          suppress: opts.suppress,
        });
        process.stdout.write(render(rows, format));
      });
    });
}

function render(rows: MonitorRow[], format: string): string {
  if (format === "json") return `${JSON.stringify(rows)}\n`;
  if (format === "csv") {
    const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    return `${["group;measure;count", ...rows.map((r) => `${cell(r.group)};${cell(r.measure)};${r.count ?? ""}`)].join("\n")}\n`;
  }
  if (rows.length === 0) return "geen aantallen op deze datum\n";
  return `${rows.map((r) => `${r.group || "(geen)"}\t${r.measure}\t${r.count ?? "<5"}`).join("\n")}\n`;
}

// `aanwezig monitor` (interfaces.md): the monitor's aggregate rows at a date, and with
// `--report leerplichttelling --school-year YYYY` the annual count of art. 25 Leerplichtwet with
// the municipal annual report figures (domain.md §7).
import type { Command } from "commander";
import { regionSchoolYearStart } from "../../db/repositories/region-settings.ts";
import { domainToday } from "../../db/repositories/settings.ts";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import type { MonitorGrouping, MonitorRow } from "../../domain/monitor/aggregate.ts";
import { monitorAt } from "../../services/monitor.ts";
import { leerplichttellingReport } from "../../services/monitor-leerplichttelling.ts";
import { globalOptions, parseIsoDateOption, withDatabase } from "../context.ts";
import { UsageError } from "../errors.ts";

const GROUPINGS: readonly MonitorGrouping[] = ["school", "municipality", "partnership"];
const REPORTS = ["leerplichttelling"] as const;

interface MonitorOptions {
  asOf?: string;
  by: string;
  suppress: boolean;
  report?: string;
  schoolYear?: string;
}

export function registerMonitor(program: Command): void {
  program
    .command("monitor")
    .description("prints the monitor's aggregate rows at a date (counts 1-4 suppressed)")
    .option("--as-of <date>", "date YYYY-MM-DD (required without --report)")
    .option("--by <grouping>", "school, municipality or partnership", "school")
    .option("--no-suppress", "print counts of 1-4 instead of null")
    .option("--report <name>", "leerplichttelling: the annual count (art. 25) per municipality")
    .option(
      "--school-year <year>",
      "with --report: the year of 1 August (default: the region's school year)",
    )
    .action(async (opts: MonitorOptions, command: Command) => {
      const { format } = globalOptions(command);
      if (opts.report !== undefined) return report(opts, command, format);
      if (opts.asOf === undefined) throw new UsageError("--as-of is required (or give --report)");
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
        process.stdout.write(renderMonitor(rows, format));
      });
    });
}

async function report(opts: MonitorOptions, command: Command, format: string): Promise<void> {
  if (!(REPORTS as readonly string[]).includes(opts.report ?? "")) {
    throw new UsageError(`--report must be one of ${REPORTS.join(", ")} (got '${opts.report}')`);
  }
  if (opts.schoolYear !== undefined && !/^\d{4}$/.test(opts.schoolYear)) {
    throw new UsageError(`--school-year must be a year such as 2025 (got '${opts.schoolYear}')`);
  }
  await withDatabase(command, async (db) => {
    const today = opts.asOf ? parseIsoDateOption(opts.asOf, "--as-of") : await domainToday(db.orm);
    const startYear =
      opts.schoolYear !== undefined
        ? Number(opts.schoolYear)
        : await regionSchoolYearStart(db.sql, today);
    const telling = await leerplichttellingReport(db.sql, startYear, today, opts.suppress);
    const rows = telling.rows.map((r) => ({
      municipality: r.group,
      category: r.measure,
      count: r.count,
    }));
    if (format === "json") {
      process.stdout.write(
        `${JSON.stringify({
          school_year: telling.schoolYear,
          reference_date: telling.referenceDate,
          rows,
          notes: telling.notes,
        })}\n`,
      );
      return;
    }
    if (format === "csv") {
      process.stdout.write(
        csvText(
          ["municipality", "category", "count"],
          rows.map((r) => [r.municipality, r.category, r.count]),
        ),
      );
      return;
    }
    const lines = [
      `leerplichttelling ${telling.schoolYear} (peildatum ${telling.referenceDate})`,
      ...rows.map(
        (r) =>
          `${r.municipality === "*" ? "(regio)" : r.municipality}\t${r.category}\t${r.count ?? "<5"}`,
      ),
      ...Object.values(telling.notes).map((n) => `noot: ${n}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  });
}

/** What `aanwezig monitor` prints in each --format. */
export function renderMonitor(rows: MonitorRow[], format: string): string {
  if (format === "json") return `${JSON.stringify(rows)}\n`;
  if (format === "csv") {
    return csvText(
      ["group", "measure", "count"],
      rows.map((r) => [r.group, r.measure, r.count]),
    );
  }
  if (rows.length === 0) return "geen aantallen op deze datum\n";
  return `${rows.map((r) => `${r.group || "(geen)"}\t${r.measure}\t${r.count ?? "<5"}`).join("\n")}\n`;
}

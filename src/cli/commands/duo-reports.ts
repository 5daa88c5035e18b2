// `aanwezig duo-reports --as-of D`: the DUO absence reports (verzuimmeldingen, domain.md §4) at
// D with the legally required fields, whether each is overdue, as text, JSON or CSV. First it
// brings the reporting duty up to D as the daily job does (signals, then reports; both
// idempotent) unless --no-prepare is given or D lies before the latest evaluation.
import type { Command } from "commander";
import {
  type ExportRecord,
  toCsv,
  toExportRecord,
} from "../../domain/signals/duo-report-export.ts";
import { DUO_STATUSES, type DuoStatus } from "../../domain/signals/duo-report-status.ts";
import { bringReportingDutyUpTo, listDuoReports } from "../../services/duo-reports.ts";
import {
  globalOptions,
  parseIsoDateOption,
  parseSchoolIdOption,
  withDatabase,
} from "../context.ts";
import { UsageError } from "../errors.ts";

interface DuoReportsOptions {
  asOf: string;
  school?: string;
  status?: string;
  prepare: boolean;
}

export function registerDuoReports(program: Command): void {
  program
    .command("duo-reports")
    .description("prepares and prints the DUO absence reports (verzuimmeldingen) at a date")
    .requiredOption("--as-of <date>", "date YYYY-MM-DD")
    .option("--school <id>", "only this school's reports")
    .option("--status <status>", `only this status (${DUO_STATUSES.join(", ")})`)
    .option("--no-prepare", "only print the stored reports; do not evaluate and prepare first")
    .action(async (opts: DuoReportsOptions, command: Command) => {
      const { format } = globalOptions(command);
      const asOf = parseIsoDateOption(opts.asOf, "--as-of");
      const school =
        opts.school === undefined ? undefined : parseSchoolIdOption(opts.school, "--school");
      if (opts.status !== undefined && !(DUO_STATUSES as readonly string[]).includes(opts.status)) {
        throw new UsageError(
          `--status must be one of ${DUO_STATUSES.join(", ")} (got '${opts.status}')`,
        );
      }
      await withDatabase(command, async (db) => {
        if (opts.prepare) {
          const run = await bringReportingDutyUpTo(db, asOf);
          if (!run.prepared) {
            console.error(
              `aanwezig: ${asOf} ligt voor de laatste evaluatie (${run.latestEvaluation}); ` +
                "alleen de opgeslagen meldingen worden getoond (not prepared: date before the latest evaluation)",
            );
          }
        }
        const rows = await listDuoReports(db.sql, {
          ...(opts.status ? { status: opts.status as DuoStatus } : {}),
          ...(school ? { schoolId: school } : {}),
        });
        // A report exists from its end date on: at D only those that had been prepared by then.
        const records = rows.filter((r) => r.end_date <= asOf).map((r) => toExportRecord(r, asOf));
        process.stdout.write(render(records, format));
      });
    });
}

function render(records: ExportRecord[], format: string): string {
  if (format === "json") return `${JSON.stringify(records)}\n`;
  if (format === "csv") return toCsv(records);
  if (records.length === 0) return "geen verzuimmeldingen op deze datum\n";
  const lines = records.map((r) =>
    [
      r.pupil_id,
      r.school_id,
      r.report_type,
      `${r.start_date}..${r.end_date}`,
      `${r.hours_absent} uur`,
      r.status,
      `uiterlijk ${r.due_date}${r.overdue ? " TE LAAT" : ""}`,
      r.report_id,
    ].join("\t"),
  );
  const overdue = records.filter((r) => r.overdue).length;
  return `${lines.join("\n")}\n${records.length} verzuimmeldingen, ${overdue} te laat\n`;
}

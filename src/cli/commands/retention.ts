// `aanwezig retention [--as-of D] [--dry-run]` (interfaces.md): applies the retention terms of
// domain.md §7 at D (default: the domain's today) through the one privileged procedure
// (src/services/retention.ts); `--dry-run` lists per data class what would be deleted and
// deletes nothing. The run, dry or not, is recorded for the privacy officer.
import type { Command } from "commander";
import { domainToday } from "../../db/repositories/settings.ts";
import type { RetentionClass } from "../../domain/privacy/retention.ts";
import { type RetentionReport, runRetention } from "../../services/retention.ts";
import { globalOptions, parseIsoDateOption, withDatabase } from "../context.ts";

export function registerRetention(program: Command): void {
  program
    .command("retention")
    .description("applies the retention terms (domain.md §7) at a date; --dry-run only lists")
    .option("--as-of <date>", "the date the terms are applied at, YYYY-MM-DD (default: today)")
    .option("--dry-run", "list per data class what would be deleted; delete nothing")
    .action(async (opts: { asOf?: string; dryRun?: boolean }, command: Command) => {
      const { format } = globalOptions(command);
      const given = opts.asOf === undefined ? undefined : parseIsoDateOption(opts.asOf, "--as-of");
      await withDatabase(command, async (db) => {
        const asOf = given ?? (await domainToday(db.orm));
        const report = await runRetention(db, asOf, {
          dryRun: opts.dryRun === true,
          startedBy: "cli",
        });
        process.stdout.write(
          format === "json" ? `${JSON.stringify(report)}\n` : renderRetentionReport(report),
        );
      });
    });
}

export const CLASS_NAMES: Record<RetentionClass, string> = {
  closed_case: "gesloten casussen",
  duo_report: "verzuimmeldingen",
  attendance_and_signals: "verzuim en signalen",
  pupil: "leerlinggegevens",
  audit_log: "logboek",
  notification: "meldingen",
};

export function renderRetentionReport(report: RetentionReport): string {
  const head = report.dryRun
    ? `bewaartermijnen op ${report.asOf} (proef: er is niets verwijderd)`
    : `bewaartermijnen toegepast op ${report.asOf} (${report.batches} delen)`;
  if (report.counts.length === 0) return `${head}\n  niets over de termijn\n`;
  const verb = (operation: string) =>
    report.dryRun
      ? operation === "deleted"
        ? "zou worden verwijderd"
        : "zou worden geanonimiseerd"
      : operation === "deleted"
        ? "verwijderd"
        : "geanonimiseerd";
  const lines = report.counts.map(
    (c) =>
      `  ${CLASS_NAMES[c.dataClass]}: ${c.table} ${c.rows} ${c.rows === 1 ? "rij" : "rijen"} ${verb(c.operation)}`,
  );
  return `${[head, ...lines].join("\n")}\n`;
}

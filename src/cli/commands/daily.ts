// `aanwezig daily [--as-of D]` (interfaces.md): the scheduler's daily job (src/jobs/daily.ts),
// once and in this process, for D or the domain's today (a demo database's frozen date, as the
// scheduler picks it). Each step of the job is idempotent, so a second run for D changes nothing.
import type { Command } from "commander";
import { domainToday } from "../../db/repositories/settings.ts";
import { type DailyJobReport, runDailyJob } from "../../jobs/daily.ts";
import { globalOptions, parseIsoDateOption, withDatabase } from "../context.ts";

export function registerDaily(program: Command): void {
  program
    .command("daily")
    .description("runs the daily job once, as the scheduler would (idempotent per date)")
    .option("--as-of <date>", "the job's date YYYY-MM-DD (default: today)")
    .action(async (opts: { asOf?: string }, command: Command) => {
      const { format } = globalOptions(command);
      const given = opts.asOf === undefined ? undefined : parseIsoDateOption(opts.asOf, "--as-of");
      await withDatabase(command, async (db) => {
        const asOf = given ?? (await domainToday(db.orm));
        const report = await runDailyJob(db, asOf);
        process.stdout.write(
          format === "json" ? `${JSON.stringify(report)}\n` : renderDailyReport(report),
        );
      });
    });
}

export function renderDailyReport(report: DailyJobReport): string {
  const { evaluation: e, duoReports: duo, cases } = report;
  const lines = [
    `dagelijkse taak uitgevoerd voor ${report.asOf}`,
    `  signalen: ${e.unitsEvaluated} eenheden geëvalueerd (${e.modeRun === "full" ? "volledig" : "incrementeel"}), ${e.transitions} wijzigingen in de signaalstatus`,
    `  signalen gekoppeld aan een casus: ${report.signalsLinked}`,
    `  DUO-verzuimmeldingen: ${duo.prepared} klaargezet, ${duo.withdrawn} ingetrokken, ${duo.overdue} over de termijn`,
    cases === null
      ? "  casussen: niet bekeken"
      : `  casussen: ${cases.casesChecked} bekeken, ${cases.applied} automatische stappen gezet`,
    `  meldingen: ${report.notifications.raised} nieuw${mailLine(report.notifications)}`,
  ];
  return `${lines.join("\n")}\n`;
}

function mailLine(n: DailyJobReport["notifications"]): string {
  if (n.mail) return `, e-mail ${n.mail.sent} verstuurd, ${n.mail.failed} mislukt`;
  if (n.queued !== null) return `, e-mail: ${n.queued} in de wachtrij`;
  return " (geen e-mail: geen mailserver in de regio-instellingen en AANWEZIG_SMTP_URL is niet gezet)";
}

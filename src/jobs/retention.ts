// The retention job (domain.md §7, issue 18): every night at 02:30 Europe/Amsterdam the
// retention terms are applied at the domain's today (src/services/retention.ts). A run that
// dies is continued by the next: each batch is whole or absent.
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type RetentionReport, runRetention } from "../services/retention.ts";

export const RETENTION_JOB = "retention";
export const RETENTION_CRON = "30 2 * * *";

export function runRetentionJob(db: Database, asOf: IsoDate): Promise<RetentionReport> {
  return runRetention(db, asOf, { startedBy: "job" });
}

// The note beside a DUO report's due date (domain.md §4 reporting duty): a report not sent yet
// and past its due date is overdue ("Melding te laat"); "Te laat gemeld" (reported late) is only
// for a report that was sent after its due date (issue 11 item 7). The server says which through
// `timeliness` (src/domain/signals/duo-report.ts reportTimeliness); without it, only the concept
// case can be told from the status and dates.
import { t } from "../../i18n/index.ts";

export interface DuoDueFacts {
  status: string;
  due_date: string;
  overdue?: boolean;
  timeliness?: "due" | "overdue" | "on_time" | "sent_late" | null;
}

/** Not sent and past its due date. */
export function isDuoOverdue(report: DuoDueFacts, today: string): boolean {
  if (report.timeliness !== undefined) return report.timeliness === "overdue";
  return report.overdue ?? (report.status === "concept" && today > report.due_date);
}

/** The text beside the due date, or undefined when the report is (or was) in time. */
export function duoDueNote(report: DuoDueFacts, today: string): string | undefined {
  if (isDuoOverdue(report, today)) return t.worklist.duoOverdue;
  if (report.timeliness === "sent_late") return t.worklist.duoSentLate;
  return undefined;
}

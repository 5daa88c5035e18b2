// domain.md §4 (verzuimmelding): one report as submitted to DUO's verzuimloket, with the legally
// required fields (pupil id, start and end date, suspected type and reason, whether all lessons
// were missed, actions taken by the school, whether municipal action is wanted, location, the
// reporter's name/function/phone/e-mail, parent phone, days and hours absent), plus its status
// and whether it is overdue. Empty fields stay null: the school fills them before submitting.
import type { IsoDate } from "../calendar/dates.ts";
import { csvText } from "../export/spreadsheet-csv.ts";
import { isReportOverdue } from "./duo-report.ts";

export interface StoredReport {
  id: string;
  pupil_id: string;
  school_id: string;
  report_type: string;
  repeat_number: number;
  start_date: string;
  end_date: string;
  due_date: string;
  status: string;
  days_absent: number;
  hours_absent: number;
  all_lessons_missed: boolean;
  fields: Record<string, unknown>;
  closing_reason: string | null;
  closing_note: string | null;
}

export const EXPORT_COLUMNS = [
  "report_id",
  "pupil_id",
  "school_id",
  "report_type",
  "repeat_number",
  "start_date",
  "end_date",
  "suspected_reason",
  "all_lessons_missed",
  "actions_taken",
  "municipal_action_wanted",
  "location",
  "reporter_name",
  "reporter_function",
  "reporter_phone",
  "reporter_email",
  "parent_phone",
  "days_absent",
  "hours_absent",
  "status",
  "due_date",
  "overdue",
  "closing_reason",
  "closing_note",
] as const;

export type ExportRecord = Record<
  (typeof EXPORT_COLUMNS)[number],
  string | number | boolean | null
>;

function field(fields: Record<string, unknown>, name: string): string | boolean | null {
  const v = fields[name];
  return typeof v === "string" || typeof v === "boolean" ? v : null;
}

export function toExportRecord(r: StoredReport, asOf: IsoDate): ExportRecord {
  return {
    report_id: r.id,
    pupil_id: r.pupil_id,
    school_id: r.school_id,
    report_type: r.report_type,
    repeat_number: r.repeat_number,
    start_date: r.start_date,
    end_date: r.end_date,
    suspected_reason: field(r.fields, "suspected_reason"),
    all_lessons_missed: r.all_lessons_missed,
    actions_taken: field(r.fields, "actions_taken"),
    municipal_action_wanted: field(r.fields, "municipal_action_wanted"),
    location: field(r.fields, "location") ?? r.school_id,
    reporter_name: field(r.fields, "reporter_name"),
    reporter_function: field(r.fields, "reporter_function"),
    reporter_phone: field(r.fields, "reporter_phone"),
    reporter_email: field(r.fields, "reporter_email"),
    parent_phone: field(r.fields, "parent_phone"),
    days_absent: r.days_absent,
    hours_absent: r.hours_absent,
    status: r.status,
    due_date: r.due_date,
    overdue: isReportOverdue({ status: r.status, dueDate: r.due_date }, asOf),
    closing_reason: r.closing_reason,
    closing_note: r.closing_note,
  };
}

/** `;`-separated with a header, as the canonical CSV files (interfaces.md); formulas defused. */
export function toCsv(records: readonly ExportRecord[]): string {
  return csvText(
    EXPORT_COLUMNS,
    records.map((r) => EXPORT_COLUMNS.map((c) => r[c])),
  );
}

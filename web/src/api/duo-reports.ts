// The DUO report endpoints (src/http/routes/duo-reports.ts): the list, one report with what the
// user may do on it, the school's fields and the status changes. Types from the OpenAPI document.
import { apiRequest } from "./client.ts";
import type { operations } from "./schema.gen.ts";
import type { Schemas } from "./schema.ts";

export type DuoReportListItem = Schemas["DuoReportListItem"];
export type DuoReportDetail =
  operations["getDuoReport"]["responses"][200]["content"]["application/json"];
export type DuoStatus = DuoReportDetail["status"];
export type DuoStatusBody =
  operations["postDuoReportStatus"]["requestBody"]["content"]["application/json"];
export type DuoFieldsBody = NonNullable<
  operations["postDuoReportFields"]["requestBody"]
>["content"]["application/json"];

export const DUO_LIST_PATH = "/api/duo-reports";
export const DUO_EXPORT_CSV = "/api/duo-reports/export?format=csv";

export const duoKeys = {
  /** Also the worklists' key: a change refreshes them (TanStack matches by prefix). */
  all: ["duo-reports"] as const,
  report: (id: string) => ["duo-reports", "report", id] as const,
};

export function fetchDuoReports(signal?: AbortSignal): Promise<DuoReportListItem[]> {
  return apiRequest<DuoReportListItem[]>("GET", DUO_LIST_PATH, signal ? { signal } : {});
}

export function fetchDuoReport(id: string, signal?: AbortSignal): Promise<DuoReportDetail> {
  return apiRequest<DuoReportDetail>(
    "GET",
    `${DUO_LIST_PATH}/${encodeURIComponent(id)}`,
    signal ? { signal } : {},
  );
}

export function changeDuoStatus(id: string, body: DuoStatusBody) {
  return apiRequest("POST", `${DUO_LIST_PATH}/${encodeURIComponent(id)}/status`, { body });
}

export function fillDuoFields(id: string, body: DuoFieldsBody) {
  return apiRequest("POST", `${DUO_LIST_PATH}/${encodeURIComponent(id)}/fields`, { body });
}

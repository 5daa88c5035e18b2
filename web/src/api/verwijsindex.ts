// GET/POST /api/cases/{id}/verwijsindex and the CSV export: the case director's record of the
// report to the regional reference index (nothing is sent anywhere).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type VerwijsindexReports = Schemas["VerwijsindexReports"];
export type VerwijsindexReport = Schemas["VerwijsindexReport"];

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/verwijsindex`;

export function fetchVerwijsindex(
  caseId: string,
  signal?: AbortSignal,
): Promise<VerwijsindexReports> {
  return apiRequest<VerwijsindexReports>("GET", path(caseId), signal ? { signal } : {});
}

export function recordVerwijsindex(
  caseId: string,
  body: { reported_on: string; reported_by: string; organisation: string },
): Promise<VerwijsindexReport> {
  return apiRequest<VerwijsindexReport>("POST", path(caseId), { body });
}

/** The address of the CSV with the fields the index needs (a download, the session's cookie). */
export function verwijsindexCsvUrl(caseId: string): string {
  return `${path(caseId)}.csv`;
}

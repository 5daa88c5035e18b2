// GET /api/audit (interfaces.md): the audit trail, newest first, in pages (application admin and
// privacy officer only; reading it is itself audited).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type AuditEntry = Schemas["AuditEntry"];
export type AuditPage = Schemas["AuditPage"];

export interface AuditQuery {
  pupil_id?: string;
  user_id?: string;
  user_email?: string;
  before_id?: number;
  limit?: number;
}

export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return apiRequest<AuditPage>(
    "GET",
    `/api/audit${search ? `?${search}` : ""}`,
    signal ? { signal } : {},
  );
}

/** GET /api/audit/export with the same filters: the trail's NEN 7513 fields as a file. */
export function auditCsvUrl(query: { pupil_id?: string; user_email?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `/api/audit/export${search ? `?${search}` : ""}`;
}

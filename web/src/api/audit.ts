// GET /api/audit (interfaces.md): the audit trail, newest first, in pages (application admin and
// privacy officer only; reading it is itself audited).
import { apiRequest } from "./client.ts";

export interface AuditEntry {
  id: number;
  at: string;
  user_id: string | null;
  user_email: string | null;
  role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  pupil_id: string | null;
  context: Record<string, string | undefined>;
  outcome: "allowed" | "denied";
}

export interface AuditPage {
  entries: AuditEntry[];
  next_before_id: number | null;
}

export interface AuditQuery {
  pupil_id?: string;
  user_id?: string;
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

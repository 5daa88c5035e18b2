// The administration endpoints (src/http/routes/admin-*.ts): accounts and roles, schools and
// calendars, imports. Uploads go through XMLHttpRequest, the one browser API that reports upload
// progress; the server then imports in the background and the screen polls the job.
import type { ScopeKind } from "../../../src/http/presenters/admin.ts";
import { IMPORT_KINDS, type ImportKind } from "../../../src/import/kind-spec.ts";
import { ApiError, apiRequest, CSRF_HEADER, type Problem } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type Account = Schemas["Account"];
/** The body of POST /api/admin/users: the request's shape (NewAccountInput). */
export type NewAccount = Schemas["NewAccountInput"];
export type AdminSchool = Schemas["AdminSchool"];
export type ImportJob = Schemas["ImportJob"];
export type ImportLogEntry = Schemas["ImportLogEntry"];
export type { ScopeKind };

/** The canonical file kinds of interfaces.md, in the order they are best imported. */
export const IMPORT_KIND_ORDER: readonly ImportKind[] = IMPORT_KINDS;
export type { ImportKind };

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchAccounts(signal?: AbortSignal): Promise<Account[]> {
  return apiRequest<Account[]>("GET", "/api/admin/users", opts(signal));
}

export function fetchRoleScopes(
  signal?: AbortSignal,
): Promise<{ role: string; scope: ScopeKind }[]> {
  return apiRequest("GET", "/api/admin/roles", opts(signal));
}

export function createAccount(input: NewAccount): Promise<Account> {
  return apiRequest<Account>("POST", "/api/admin/users", { body: input });
}

export function deactivateAccount(id: string): Promise<Account> {
  return apiRequest<Account>("POST", `/api/admin/users/${encodeURIComponent(id)}/deactivate`);
}

export function fetchAdminSchools(signal?: AbortSignal): Promise<AdminSchool[]> {
  return apiRequest<AdminSchool[]>("GET", "/api/admin/schools", opts(signal));
}

export function fetchImportLog(signal?: AbortSignal): Promise<ImportLogEntry[]> {
  return apiRequest<ImportLogEntry[]>("GET", "/api/admin/imports?limit=50", opts(signal));
}

export function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiRequest<ImportJob>(
    "GET",
    `/api/admin/imports/jobs/${encodeURIComponent(id)}`,
    opts(signal),
  );
}

/** Sends the file as text/csv; `onUpload` gets the share sent (0–1) while it goes. */
/** How the server reads a file without a BOM (`?encoding=`, src/import/decode.ts). */
export const IMPORT_ENCODINGS = ["utf-8", "windows-1252"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export function uploadImport(
  kind: ImportKind,
  file: File,
  csrfToken: string | null,
  onUpload: (share: number) => void,
  encoding: ImportEncoding = "utf-8",
  mapping = "",
): Promise<ImportJob> {
  const query = new URLSearchParams({
    kind,
    file_name: file.name,
    encoding,
    ...(mapping !== "" && { mapping }),
  }).toString();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/admin/imports?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/json, application/problem+json");
    if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportJob);
      else reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined));
    xhr.send(file);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}

/** A service token as GET /api/tokens lists it (never its secret). */
export interface ServiceToken {
  id: string;
  name: string;
  scopes: string[];
  school_ids: string[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface NewServiceToken {
  name: string;
  scopes: string[];
  school_ids: string[];
}

export function fetchServiceTokens(signal?: AbortSignal): Promise<ServiceToken[]> {
  return apiRequest<ServiceToken[]>("GET", "/api/tokens", opts(signal));
}

/** The answer holds the token itself: the only time it is shown. */
export function createServiceToken(input: NewServiceToken): Promise<{ id: string; token: string }> {
  return apiRequest("POST", "/api/tokens", { body: input });
}

export function revokeServiceToken(id: string): Promise<void> {
  return apiRequest("DELETE", `/api/tokens/${encodeURIComponent(id)}`);
}

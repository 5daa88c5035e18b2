// Column mappings of import sources (src/http/routes/import-mappings.ts): list, save, remove, and
// read a sample file's headers and codes to build one. The sample goes as text/csv, like an
// upload; nothing of it is stored.
import type { ImportKind } from "../../../src/import/kind-spec.ts";
import { ApiError, apiRequest, CSRF_HEADER, type Problem } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type ImportMapping = Schemas["ImportMapping"];
export type ImportSample = Schemas["ImportSample"];
export interface ImportMappingInput {
  name: string;
  kind: ImportKind;
  school_id: string | null;
  encoding: "utf-8" | "windows-1252";
  columns: Record<string, string>;
  fixed: Record<string, string>;
  values: Record<string, Record<string, string>>;
  /** Canonical date column → the source's notation (`dd-mm-jjjj`, `d-m-jjjj`, `jjjj-mm-dd`). */
  dates: Record<string, "dd-mm-jjjj" | "d-m-jjjj" | "jjjj-mm-dd">;
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchImportMappings(signal?: AbortSignal): Promise<ImportMapping[]> {
  return apiRequest<ImportMapping[]>("GET", "/api/import-mappings", opts(signal));
}

export function saveImportMapping(id: number | null, input: ImportMappingInput) {
  return id === null
    ? apiRequest<ImportMapping>("POST", "/api/import-mappings", { body: input })
    : apiRequest<ImportMapping>("PUT", `/api/import-mappings/${id}`, { body: input });
}

export function deleteImportMapping(id: number): Promise<void> {
  return apiRequest("DELETE", `/api/import-mappings/${id}`);
}

export async function readImportSample(
  kind: ImportKind,
  encoding: string,
  file: File,
  csrfToken: string | null,
): Promise<ImportSample> {
  const headers = new Headers({
    accept: "application/json, application/problem+json",
    "content-type": "text/csv",
  });
  if (csrfToken) headers.set(CSRF_HEADER, csrfToken);
  const query = new URLSearchParams({ kind, encoding }).toString();
  const response = await fetch(`/api/import-mappings/sample?${query}`, {
    method: "POST",
    headers,
    credentials: "same-origin",
    body: file,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem =
      typeof body === "object" && body !== null && "status" in body ? (body as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  return body as ImportSample;
}

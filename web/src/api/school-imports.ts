// A school's own attendance file, delivered by its care coordinator (issue 14 item 3) through the
// integrations' import endpoint (src/http/routes/integration-imports.ts): POST
// /api/imports/attendance answers a job id; GET /api/imports/{job_id} tells how it went. The
// upload goes through XMLHttpRequest for its progress, like the administrator's import.
import { ApiError, apiRequest, CSRF_HEADER, type Problem } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type DeliveredImport = Schemas["ImportRequest"];

export function fetchDeliveredImport(jobId: string, signal?: AbortSignal) {
  return apiRequest<DeliveredImport>(
    "GET",
    `/api/imports/${encodeURIComponent(jobId)}`,
    signal ? { signal } : {},
  );
}

/** Sends the school's attendance file as text/csv; `onUpload` gets the share sent (0–1). */
export function uploadSchoolAttendance(
  file: File,
  csrfToken: string | null,
  onUpload: (share: number) => void,
  encoding: "utf-8" | "windows-1252",
  mapping: string,
  idempotencyKey: string,
): Promise<{ job_id: string }> {
  const query = new URLSearchParams({ encoding, ...(mapping !== "" && { mapping }) }).toString();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/attendance?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/json, application/problem+json");
    xhr.setRequestHeader("idempotency-key", idempotencyKey);
    if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { job_id: string });
      else reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined));
    xhr.send(file);
  });
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "status" in body;
}

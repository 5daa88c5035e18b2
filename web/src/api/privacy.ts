// GET /api/privacy/retention-runs (issue 18): the retention procedure's last runs, for the
// privacy officer and the application admin (reading it is audited).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type RetentionRun = Schemas["RetentionRun"];

export function fetchRetentionRuns(signal?: AbortSignal): Promise<{ runs: RetentionRun[] }> {
  return apiRequest<{ runs: RetentionRun[] }>(
    "GET",
    "/api/privacy/retention-runs?limit=10",
    signal ? { signal } : {},
  );
}

// Requests of data subjects (AVG art. 15–17, 21; src/http/routes/privacy-requests.ts).
export type SubjectRequest = Schemas["SubjectRequest"];
export type NewSubjectRequest = Schemas["NewSubjectRequest"];

export function fetchSubjectRequests(
  signal?: AbortSignal,
): Promise<{ requests: SubjectRequest[] }> {
  return apiRequest("GET", "/api/privacy/requests", signal ? { signal } : {});
}

export function registerSubjectRequest(body: NewSubjectRequest): Promise<SubjectRequest> {
  return apiRequest("POST", "/api/privacy/requests", { body });
}

export function recordSubjectRequestStep(
  id: number,
  body: { step: "note" | "rectified" | "objection_decided"; note: string },
): Promise<SubjectRequest> {
  return apiRequest("POST", `/api/privacy/requests/${id}/steps`, { body });
}

export function closeSubjectRequest(
  id: number,
  body: { status: "completed" | "refused"; outcome: string },
): Promise<SubjectRequest> {
  return apiRequest("POST", `/api/privacy/requests/${id}/close`, { body });
}

export function eraseForSubjectRequest(
  id: number,
  confirmPupilId: string,
): Promise<SubjectRequest> {
  return apiRequest("POST", `/api/privacy/requests/${id}/erase`, {
    body: { confirm_pupil_id: confirmPupilId },
  });
}

/** The access export of the request's pupil (a ZIP; the server logs the step). */
export const subjectRequestExportUrl = (id: number) => `/api/privacy/requests/${id}/export`;

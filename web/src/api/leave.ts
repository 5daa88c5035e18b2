// Leave requests (src/http/routes/leave-requests.ts, domain.md §4 verlof): the list the user
// may see, registering a request, and the decision.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type LeaveRequest = Schemas["LeaveRequest"];
export type LeaveKind = LeaveRequest["kind"];

export function fetchLeaveRequests(
  filter: { pupilId?: string } = {},
  signal?: AbortSignal,
): Promise<LeaveRequest[]> {
  const query = filter.pupilId ? `?pupil_id=${encodeURIComponent(filter.pupilId)}` : "";
  return apiRequest<LeaveRequest[]>("GET", `/api/leave-requests${query}`, signal ? { signal } : {});
}

export function requestLeave(input: {
  pupil_id: string;
  kind: LeaveKind;
  start_date: string;
  end_date: string;
  reason: string;
}): Promise<LeaveRequest> {
  return apiRequest<LeaveRequest>("POST", "/api/leave-requests", { body: input });
}

export function decideLeave(
  id: string,
  input: { decision: "approved" | "refused"; reason: string },
): Promise<LeaveRequest> {
  return apiRequest<LeaveRequest>(
    "POST",
    `/api/leave-requests/${encodeURIComponent(id)}/decision`,
    { body: input },
  );
}

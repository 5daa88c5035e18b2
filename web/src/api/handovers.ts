// /api/handovers and /api/handover-candidates: the warm handover PO→VO (issue 15 item 6).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type Handover = Schemas["Handover"];
export type Handovers = Schemas["Handovers"];
export type HandoverCandidate = Schemas["HandoverCandidate"];

export function fetchHandovers(signal?: AbortSignal): Promise<Handovers> {
  return apiRequest<Handovers>("GET", "/api/handovers", signal ? { signal } : {});
}

export function fetchHandoverCandidates(
  signal?: AbortSignal,
): Promise<{ candidates: HandoverCandidate[] }> {
  return apiRequest("GET", "/api/handover-candidates", signal ? { signal } : {});
}

export function writeHandover(body: {
  pupil_id: string;
  receiving_school_id: string;
  what_was_going_on: string;
  what_helped: string;
}): Promise<Handover> {
  return apiRequest<Handover>("POST", "/api/handovers", { body });
}

export function recordHandoverConsent(
  id: string,
  body: { decision: "given" | "refused" | "withdrawn"; giver: "parents" | "child"; at?: string },
): Promise<Handover> {
  return apiRequest<Handover>("POST", `/api/handovers/${encodeURIComponent(id)}/consent`, {
    body,
  });
}

export function settleHandover(id: string, status: "acknowledged" | "closed"): Promise<Handover> {
  return apiRequest<Handover>("POST", `/api/handovers/${encodeURIComponent(id)}/status`, {
    body: { status },
  });
}

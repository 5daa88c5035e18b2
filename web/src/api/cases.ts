// The case endpoints (interfaces.md: GET /api/cases, GET /api/cases/{id}; the POST commands of
// src/http/routes/cases-*.ts). The shapes are generated from the API's OpenAPI document
// (schema.ts), so a change on the server breaks the web build instead of a screen.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type CaseSummary = Schemas["CaseSummary"];
export type CaseDetail = Schemas["CaseDetail"];
/** A command's name in `allowed_actions`: its path below /api/cases/{id}/. */
export type CaseActionName = CaseDetail["allowed_actions"][number];
export type CaseDeadline = CaseDetail["deadlines"][number];
export type PlanAction = CaseDetail["plan"]["actions"][number];
export type ConsentStatusRow = CaseDetail["consent"]["status"][number];

export function fetchCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return apiRequest<CaseSummary[]>("GET", "/api/cases", signal ? { signal } : {});
}

export function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(
    "GET",
    `/api/cases/${encodeURIComponent(id)}`,
    signal ? { signal } : {},
  );
}

export interface OpenCaseInput {
  pupil_id: string;
  school_id?: string;
  absence_start_date: string;
  absence_started_sick?: boolean;
  reason?: string;
  signal_ids?: string[];
}

export function openCase(input: OpenCaseInput): Promise<CaseSummary> {
  return apiRequest<CaseSummary>("POST", "/api/cases", { body: input });
}

/**
 * The case commands the screens give, by the last part of their path
 * (POST /api/cases/{id}/<command>), with the body each route's zod schema asks for.
 */
export interface CaseCommandBodies {
  actions: {
    description: string;
    owner_person_id: string;
    /** Ignored by the server for an owner taking part in the case (their organisation counts). */
    owner_organisation?: string;
    due_date: string;
  };
  goals: { domain: "education" | "care"; text: string; measure: string; target_date: string };
  consent: {
    purpose: string;
    subject?: string;
    decision: "given" | "refused" | "withdrawn";
    /** Whose decision it is; required when a professional records it. */
    giver?: { kind: "parent"; person_id: string } | { kind: "child" };
  };
  stagnation: { cause: string; note: string };
  escalate: { reason: string };
  breakthrough: { reason: string; meeting_date?: string };
  arbitration: {
    reason: string;
    committee: {
      parents_representative: string;
      own_partnership_member: string;
      neighbouring_partnership_member: string;
    };
  };
  close: { outcome: string; reason: string };
  "breakthrough-check": { offer_expected_within_4_weeks: boolean; reason: string };
  deescalate: { to: "SCHOOL" | "CASE_DIRECTOR" | "BREAKTHROUGH" | "ARBITRATION"; reason: string };
  offer: { started_on: string };
  "arbitration/ruling": { ruling: string; parents_accept: boolean };
  prosecutor: { route: "civil" | "criminal"; reason: string };
  meetings: {
    kind: "mdo_zat" | "breakthrough_team" | "arbitration_hearing";
    date: string;
    participant_ids: string[];
    decisions: {
      text: string;
      action?: { owner_person_id: string; owner_organisation: string; due_date: string };
    }[];
  };
  participants: { user_id: string; role: string; organisation?: string };
  ladder: { situation: string; mode: string; reason: string };
  "budget/commitments": { amount_cents: number; purpose: string };
  "budget/attributions": {
    commitment_id: string;
    shares: { party: { kind: "municipality" | "partnership"; id: string }; amount_cents: number }[];
  };
  "budget/reversals": { entry_id: string; reason: string };
  /** A contact, conversation, home visit or review (meets the deadlines of domain.md §5). */
  events: { kind: CaseDetail["events"][number]["kind"]; date: string; note?: string };
  documents: {
    name: string;
    mime_type: string;
    visibility: "professionals" | "also_parents" | "jgz_only";
    content_base64: string;
  };
}

export type CaseCommand = keyof CaseCommandBodies;

export function runCaseCommand<C extends CaseCommand>(
  caseId: string,
  command: C,
  body: CaseCommandBodies[C],
): Promise<unknown> {
  return apiRequest("POST", `/api/cases/${encodeURIComponent(caseId)}/${command}`, { body });
}

export function updateActionStatus(
  caseId: string,
  actionId: string,
  status: "done" | "cancelled",
): Promise<unknown> {
  return apiRequest(
    "POST",
    `/api/cases/${encodeURIComponent(caseId)}/actions/${encodeURIComponent(actionId)}/status`,
    { body: { status } },
  );
}

/** POST /api/cases/{id}/stagnation/{flag_id}/resolve: the flag stays on record, resolved. */
export function resolveStagnation(caseId: string, flagId: string): Promise<unknown> {
  return apiRequest(
    "POST",
    `/api/cases/${encodeURIComponent(caseId)}/stagnation/${encodeURIComponent(flagId)}/resolve`,
    { body: {} },
  );
}

/** POST /api/cases/{id}/participants/{person_id}/end: the participation ends today. */
export function endParticipation(caseId: string, personId: string): Promise<unknown> {
  return apiRequest(
    "POST",
    `/api/cases/${encodeURIComponent(caseId)}/participants/${encodeURIComponent(personId)}/end`,
    { body: {} },
  );
}

export function documentHref(caseId: string, documentId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`;
}

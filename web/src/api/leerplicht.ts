// GET and POST /api/pupils/{pupil_id}/mas-steps: leerplicht's procedure (MAS).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type MasStep = Schemas["MasStep"];
export type MasSteps = Schemas["MasSteps"];

const path = (pupilId: string) => `/api/pupils/${encodeURIComponent(pupilId)}/mas-steps`;

export function fetchMasSteps(pupilId: string, signal?: AbortSignal): Promise<MasSteps> {
  return apiRequest<MasSteps>("GET", path(pupilId), signal ? { signal } : {});
}

export interface MasStepInput {
  kind: MasStep["kind"];
  date: string;
  route?: MasStep["route"];
  outcome?: MasStep["outcome"];
  organisation?: string | null;
  note?: string | null;
}

export function recordMasStep(pupilId: string, body: MasStepInput): Promise<MasStep> {
  return apiRequest<MasStep>("POST", path(pupilId), { body });
}

// The region's set-up endpoints (src/http/routes/region-settings.ts, setup-*.ts): the region's
// settings for the administrator, the breakthrough teams and the people lookup for the partnership.
import { apiRequest, isApiError } from "./client.ts";
import type { Schemas } from "./schema.ts";

export interface RegionSettings {
  name: string;
  municipalities: string[];
  holiday_region: "noord" | "midden" | "zuid";
  school_year: string;
  clock_mode: "lesweken" | "calendar_weeks";
  signal_profile: "default" | "mazl" | Record<string, unknown>;
  configured: boolean;
  updated_at: string | null;
  updated_by: string | null;
}

export type RegionSettingsInput = Omit<RegionSettings, "configured" | "updated_at" | "updated_by">;

export interface TeamMember {
  seq: number;
  discipline: string;
  name: string;
  organisation: string;
  user_id: string | null;
  ended_on: string | null;
}

export interface BreakthroughTeam {
  id: string;
  municipality: string;
  name: string;
  members: TeamMember[];
  missing_disciplines: string[];
}

export interface Person {
  id: string;
  name: string;
  email: string;
  roles: { role: string; scope: string | null }[];
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchRegionSettings(signal?: AbortSignal): Promise<RegionSettings> {
  return apiRequest("GET", "/api/admin/region-settings", opts(signal));
}

export function saveRegionSettings(input: RegionSettingsInput): Promise<RegionSettings> {
  return apiRequest("PUT", "/api/admin/region-settings", { body: input });
}

export function fetchTeams(signal?: AbortSignal): Promise<BreakthroughTeam[]> {
  return apiRequest("GET", "/api/breakthrough-teams", opts(signal));
}

export function createTeam(input: {
  municipality: string;
  name: string;
}): Promise<BreakthroughTeam> {
  return apiRequest("POST", "/api/breakthrough-teams", { body: input });
}

export function addTeamMember(
  teamId: string,
  input: { discipline: string; user_id?: string; name?: string; organisation: string },
): Promise<BreakthroughTeam> {
  return apiRequest("POST", `/api/breakthrough-teams/${encodeURIComponent(teamId)}/members`, {
    body: input,
  });
}

export function endTeamMember(teamId: string, seq: number): Promise<BreakthroughTeam> {
  return apiRequest(
    "POST",
    `/api/breakthrough-teams/${encodeURIComponent(teamId)}/members/${seq}/end`,
    { body: {} },
  );
}

export function searchPeople(q: string, signal?: AbortSignal): Promise<Person[]> {
  return apiRequest("GET", `/api/people?q=${encodeURIComponent(q)}`, opts(signal));
}

/** The server's field errors of a 400 (problem+json `errors`), by field path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error, 400)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    const key = e.path.split(".")[0] ?? e.path;
    out[key] ??= e.message;
  }
  return out;
}

// The arrangements catalogue and its waiting lists (partnership), leerplicht's exemptions and
// Variawet records, the frictiebudget's contributions (src/http/routes/setup-*.ts).
export type Arrangement = Schemas["Arrangement"];
export type WaitingListEntry = Schemas["WaitingListEntry"];
export type Exemption = Schemas["Exemption"];
export type VariawetRecord = Schemas["VariawetRecord"];
export type BudgetBalance = Schemas["BudgetBalance"];

export interface ArrangementInput {
  provider: string;
  name: string;
  kind: Arrangement["kind"];
  capacity: number;
}

export function fetchArrangements(signal?: AbortSignal): Promise<Arrangement[]> {
  return apiRequest("GET", "/api/arrangements", opts(signal));
}

export function createArrangement(input: ArrangementInput): Promise<Arrangement> {
  return apiRequest("POST", "/api/arrangements", { body: input });
}

export function updateArrangement(
  id: string,
  input: Partial<ArrangementInput>,
): Promise<Arrangement> {
  return apiRequest("PATCH", `/api/arrangements/${encodeURIComponent(id)}`, { body: input });
}

export function endArrangement(id: string): Promise<Arrangement> {
  return apiRequest("POST", `/api/arrangements/${encodeURIComponent(id)}/end`, { body: {} });
}

export function fetchWaitingList(id: string, signal?: AbortSignal): Promise<WaitingListEntry[]> {
  return apiRequest(
    "GET",
    `/api/arrangements/${encodeURIComponent(id)}/waiting-list`,
    opts(signal),
  );
}

export function addToWaitingList(
  id: string,
  input: { pupil_id: string; since?: string },
): Promise<Arrangement> {
  return apiRequest("POST", `/api/arrangements/${encodeURIComponent(id)}/waiting-list`, {
    body: input,
  });
}

export function leaveWaitingList(id: string, pupilId: string): Promise<Arrangement> {
  return apiRequest(
    "POST",
    `/api/arrangements/${encodeURIComponent(id)}/waiting-list/${encodeURIComponent(pupilId)}/leave`,
    { body: {} },
  );
}

export type Placement = Schemas["Placement"];

export function fetchPlacements(id: string, signal?: AbortSignal): Promise<Placement[]> {
  return apiRequest("GET", `/api/arrangements/${encodeURIComponent(id)}/placements`, opts(signal));
}

export function recordPlacement(
  id: string,
  input: { pupil_id: string; start_date: string; end_date?: string | null },
): Promise<Placement> {
  return apiRequest("POST", `/api/arrangements/${encodeURIComponent(id)}/placements`, {
    body: input,
  });
}

export function changePlacementEnd(p: Placement, end_date: string | null): Promise<Placement> {
  const path = [p.arrangement_id, "placements", p.pupil_id ?? "", p.start_date]
    .map(encodeURIComponent)
    .join("/");
  return apiRequest("PATCH", `/api/arrangements/${path}`, { body: { end_date } });
}

export interface ExemptionInput {
  pupil_id: string;
  kind: string;
  start_date: string;
  end_date?: string | null;
  decision_maker: string;
  advice_partnership_by?: string | null;
  advice_partnership_on?: string | null;
  advice_doctor_by?: string | null;
  advice_doctor_on?: string | null;
}

export function fetchExemptions(signal?: AbortSignal): Promise<Exemption[]> {
  return apiRequest("GET", "/api/exemptions", opts(signal));
}

export function recordExemption(input: ExemptionInput): Promise<Exemption> {
  return apiRequest("POST", "/api/exemptions", { body: input });
}

/** What may change in a recorded exemption: its key (pupil, kind, start) stays. */
export type ExemptionChange = Omit<ExemptionInput, "pupil_id" | "kind" | "start_date">;

export function updateExemption(key: Exemption, input: ExemptionChange): Promise<Exemption> {
  const path = [key.pupil_id, key.kind, key.start_date].map(encodeURIComponent).join("/");
  return apiRequest("PATCH", `/api/exemptions/${path}`, { body: input });
}

export interface VariawetInput {
  pupil_id: string;
  school_id: string;
  start_date: string;
  end_date: string;
  hours_per_week: number;
  approved?: boolean | null;
  approved_by?: string | null;
  approved_on?: string | null;
}

export function fetchVariawet(signal?: AbortSignal): Promise<VariawetRecord[]> {
  return apiRequest("GET", "/api/variawet", opts(signal));
}

export function recordVariawet(input: VariawetInput): Promise<VariawetRecord> {
  return apiRequest("POST", "/api/variawet", { body: input });
}

/** What may change in a Variawet record: its pupil, school and start stay. */
export type VariawetChange = Omit<VariawetInput, "pupil_id" | "school_id" | "start_date">;

export function updateVariawet(id: string, input: VariawetChange): Promise<VariawetRecord> {
  return apiRequest("PATCH", `/api/variawet/${encodeURIComponent(id)}`, { body: input });
}

export function fetchBudgets(year: number, signal?: AbortSignal): Promise<BudgetBalance[]> {
  return apiRequest("GET", `/api/budgets?year=${year}`, opts(signal));
}

export function recordContribution(input: {
  municipality: string;
  year: number;
  amount_cents: number;
}): Promise<BudgetBalance> {
  return apiRequest("POST", "/api/budgets/contributions", { body: input });
}

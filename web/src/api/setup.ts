// The region's set-up endpoints (src/http/routes/region-settings.ts, setup-*.ts): the region's
// settings for the administrator, the breakthrough teams and the people lookup for the partnership.
import { apiRequest, isApiError } from "./client.ts";

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

// GET /api/pupils?q= (src/http/routes/pupil-search.ts): pupils the user may see, by name or number.

import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type PupilSearchResult = Schemas["PupilSearchResult"];

export function searchPupils(q: string, signal?: AbortSignal): Promise<PupilSearchResult[]> {
  return apiRequest<PupilSearchResult[]>(
    "GET",
    `/api/pupils?q=${encodeURIComponent(q)}`,
    signal ? { signal } : {},
  );
}

// GET /api/pupils?q= (src/http/routes/pupil-search.ts): pupils the user may see, by name or number.
import type { z } from "zod";
import type { PupilSearchResultSchema } from "../../../src/http/routes/pupil-search.ts";
import { apiRequest } from "./client.ts";

export type PupilSearchResult = z.infer<typeof PupilSearchResultSchema>;

export function searchPupils(q: string, signal?: AbortSignal): Promise<PupilSearchResult[]> {
  return apiRequest<PupilSearchResult[]>(
    "GET",
    `/api/pupils?q=${encodeURIComponent(q)}`,
    signal ? { signal } : {},
  );
}

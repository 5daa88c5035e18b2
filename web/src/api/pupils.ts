// GET /api/pupils/{pupil_id} (interfaces.md), typed by the server's presenter.

import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type Pupil = Schemas["Pupil"];

export function fetchPupil(pupilId: string, signal?: AbortSignal): Promise<Pupil> {
  return apiRequest<Pupil>(
    "GET",
    `/api/pupils/${encodeURIComponent(pupilId)}`,
    signal ? { signal } : {},
  );
}

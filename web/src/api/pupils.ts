// GET /api/pupils/{pupil_id} (interfaces.md), typed by the server's presenter.
import type { PupilBody } from "../../../src/http/presenters/pupil.ts";
import { apiRequest } from "./client.ts";

export type Pupil = PupilBody;

export function fetchPupil(pupilId: string, signal?: AbortSignal): Promise<Pupil> {
  return apiRequest<Pupil>(
    "GET",
    `/api/pupils/${encodeURIComponent(pupilId)}`,
    signal ? { signal } : {},
  );
}

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

/** One day of a pupil's registered absence, as the attendance endpoint will present it. */
export interface AbsenceDay {
  date: string;
  absent_minutes: number;
  scheduled_minutes: number;
  reasons: string[];
}

/** GET /api/pupils/{id}/attendance: only called when the API's OpenAPI document lists it. */
export function fetchAbsenceDays(
  pupilId: string,
  path: string,
  signal?: AbortSignal,
): Promise<AbsenceDay[]> {
  return apiRequest<AbsenceDay[]>(
    "GET",
    path.replace("{pupil_id}", encodeURIComponent(pupilId)),
    signal ? { signal } : {},
  );
}

// GET /api/pupils/{pupil_id}/attendance (src/http/routes/pupil-attendance.ts): the pupil's
// absence per school day, for the absence calendar of the pupil page.

import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type PupilAttendance = Schemas["PupilAttendance"];
export type AttendanceDay = PupilAttendance["days"][number];

export function fetchAttendance(
  pupilId: string,
  range: { from?: string; to?: string } = {},
  signal?: AbortSignal,
): Promise<PupilAttendance> {
  const query = new URLSearchParams(
    Object.entries(range).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return apiRequest<PupilAttendance>(
    "GET",
    `/api/pupils/${encodeURIComponent(pupilId)}/attendance${query ? `?${query}` : ""}`,
    signal ? { signal } : {},
  );
}

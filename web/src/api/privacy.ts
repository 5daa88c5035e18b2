// GET /api/privacy/retention-runs (issue 18): the retention procedure's last runs, for the
// privacy officer and the application admin (reading it is audited).
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type RetentionRun = Schemas["RetentionRun"];

export function fetchRetentionRuns(signal?: AbortSignal): Promise<{ runs: RetentionRun[] }> {
  return apiRequest<{ runs: RetentionRun[] }>(
    "GET",
    "/api/privacy/retention-runs?limit=10",
    signal ? { signal } : {},
  );
}

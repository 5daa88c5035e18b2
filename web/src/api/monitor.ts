// GET /api/monitor?as_of=&by= (interfaces.md "Monitor rows"): aggregates only; a count of 1–4
// arrives as null (suppressed for policy roles).
import { apiRequest } from "./client.ts";

export interface MonitorRow {
  group: string;
  measure: string;
  count: number | null;
}

export type MonitorGrouping = "school" | "municipality" | "partnership";

export function fetchMonitor(
  asOf: string,
  by: MonitorGrouping,
  signal?: AbortSignal,
): Promise<MonitorRow[]> {
  const query = new URLSearchParams({ as_of: asOf, by });
  return apiRequest<MonitorRow[]>("GET", `/api/monitor?${query}`, signal ? { signal } : {});
}

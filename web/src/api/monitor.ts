// The monitor endpoints (domain.md §7). GET /api/monitor?as_of=&by= is the contract of
// interfaces.md "Monitor rows": aggregates only; a count of 1–4 arrives as null (suppressed for
// policy roles). The other endpoints are the monitor's own (src/http/routes/monitor-*.ts); a
// screen whose endpoint is not in /api/openapi.json says "nog niet beschikbaar".
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

// The shapes are generated from the API's OpenAPI document (schema.ts).
export type MonitorRow = Schemas["MonitorRow"];
/** A monitor row of one quarter (`YYYY-Qn`): states at `as_of`, flows within the quarter. */
export type MonitorTrendRow = Schemas["MonitorTrendRow"];
/** One KPI of domain.md §5 in a quarter: share of cases within the norm, beside its target. */
export type Kpi = Schemas["Kpi"];
export type KpiReport = Schemas["KpiReport"];
export type KpiCase = NonNullable<Kpi["cases"]>[number];

export type MonitorGrouping = "school" | "municipality" | "partnership";

export const GROUPINGS: readonly MonitorGrouping[] = ["municipality", "partnership", "school"];

export function isGrouping(value: string | null): value is MonitorGrouping {
  return value === "school" || value === "municipality" || value === "partnership";
}

function get<T>(path: string, query: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const search = new URLSearchParams(query);
  return apiRequest<T>("GET", `${path}?${search}`, signal ? { signal } : {});
}

export function fetchMonitor(
  asOf: string,
  by: MonitorGrouping,
  signal?: AbortSignal,
): Promise<MonitorRow[]> {
  return get<MonitorRow[]>("/api/monitor", { as_of: asOf, by }, signal);
}

export function fetchMonitorTrend(
  query: { by: MonitorGrouping; from: string; to: string },
  signal?: AbortSignal,
): Promise<MonitorTrendRow[]> {
  return get<MonitorTrendRow[]>("/api/monitor/trend", query, signal);
}

/** The KPIs of a quarter for the whole region (no `by`: one group ""). */
export function fetchKpis(quarter: string, signal?: AbortSignal): Promise<KpiReport> {
  return get<KpiReport>("/api/monitor/kpis", { quarter }, signal);
}

/** The leerplichttelling (art. 25) of a school year (the year of its 1 August). */
export type Telling = Schemas["Leerplichttelling"];

export function fetchTelling(schoolYear: number, signal?: AbortSignal): Promise<Telling> {
  return get<Telling>(
    "/api/monitor/leerplichttelling",
    { school_year: String(schoolYear) },
    signal,
  );
}

/** Reconciliation: an own thuiszitter list against the register, with reasons. */
export type Reconciliation = Schemas["Reconciliation"];
export type ReconciliationLine = Reconciliation["only_in_list"][number];
export type ReconciliationScope = Reconciliation["scope"];

/**
 * Sends the pupil numbers of the list only (read from the CSV in the browser), so names or
 * notes in other columns of the user's file never reach the server.
 */
export function reconcile(input: {
  pupilIds: string[];
  asOf: string;
  scope: ReconciliationScope;
}): Promise<Reconciliation> {
  const scope = input.scope.kind === "region" ? {} : { [input.scope.kind]: input.scope.id };
  return apiRequest<Reconciliation>("POST", "/api/monitor/reconciliation", {
    body: { pupil_ids: input.pupilIds, as_of: input.asOf, ...scope },
  });
}

/** Former thuiszitters: cohorts per closing quarter, and pupils for roles that may read them. */
export type FormerReport = Schemas["FormerThuiszitters"];
export type FormerPupil = NonNullable<FormerReport["pupils"]>[number];
export type CohortRow = FormerReport["cohorts"][number];

export function fetchFormerThuiszitters(asOf: string, signal?: AbortSignal): Promise<FormerReport> {
  return get<FormerReport>("/api/monitor/former-thuiszitters", { as_of: asOf }, signal);
}

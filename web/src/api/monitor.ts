// The monitor endpoints (domain.md §7). GET /api/monitor?as_of=&by= is the contract of
// interfaces.md "Monitor rows": aggregates only; a count of 1–4 arrives as null (suppressed for
// policy roles). The other endpoints are this app's own; until the server publishes them in
// /api/openapi.json the screens say "nog niet beschikbaar" (see capabilities.ts).
import type { z } from "zod";
import type { MonitorRowSchema, MonitorTrendRowSchema } from "../../../src/http/routes/monitor.ts";
import type { KpiReportSchema, KpiSchema } from "../../../src/http/routes/monitor-kpis.ts";
import { apiRequest } from "./client.ts";

// The shapes are the server's own zod schemas (types only: nothing of the server is bundled).
export type MonitorRow = z.infer<typeof MonitorRowSchema>;
/** A monitor row of one quarter (`YYYY-Qn`): states at `as_of`, flows within the quarter. */
export type MonitorTrendRow = z.infer<typeof MonitorTrendRowSchema>;
/** One KPI of domain.md §5 in a quarter: share of cases within the norm, beside its target. */
export type Kpi = z.infer<typeof KpiSchema>;
export type KpiReport = z.infer<typeof KpiReportSchema>;
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
export interface Telling {
  school_year: string;
  reference_date: string;
  rows: { municipality: string; category: string; count: number | null }[];
  notes: Record<string, string>;
}

export function fetchTelling(schoolYear: number, signal?: AbortSignal): Promise<Telling> {
  return get<Telling>(
    "/api/monitor/leerplichttelling",
    { school_year: String(schoolYear) },
    signal,
  );
}

/** Reconciliation: the partnership's or school's own thuiszitter list against the register. */
export interface ReconciliationEntry {
  pupilId: string;
  reason: string | null;
}

export interface Reconciliation {
  onlyInList: ReconciliationEntry[];
  onlyInRegister: ReconciliationEntry[];
  inBoth: number;
}

export async function reconcile(
  input: { pupilIds: string[]; asOf: string },
  signal?: AbortSignal,
): Promise<Reconciliation> {
  const body = await apiRequest<unknown>("POST", "/api/monitor/reconciliation", {
    body: { as_of: input.asOf, pupil_ids: input.pupilIds },
    ...(signal ? { signal } : {}),
  });
  const o = isObject(body) ? body : {};
  const entries = (value: unknown): ReconciliationEntry[] =>
    (Array.isArray(value) ? value : []).filter(isObject).map((e) => ({
      pupilId: String(e.pupil_id ?? e.person_id ?? ""),
      reason: typeof e.reason === "string" ? e.reason : null,
    }));
  const both = o.in_both;
  return {
    onlyInList: entries(o.only_in_list),
    onlyInRegister: entries(o.only_in_register),
    inBoth: Array.isArray(both) ? both.length : (numberOrNull(both) ?? 0),
  };
}

/** Former thuiszitters: one row per cohort (quarter of closing) and measure. */
export interface CohortRow {
  cohort: string;
  measure: string;
  count: number | null;
}

export async function fetchFormerThuiszitters(
  query: { asOf: string },
  signal?: AbortSignal,
): Promise<CohortRow[]> {
  const body = await get<unknown>(
    "/api/monitor/former-thuiszitters",
    { as_of: query.asOf },
    signal,
  );
  const list = Array.isArray(body) ? body : listIn(body, ["rows", "cohorts"]);
  return list.filter(isObject).map((r) => ({
    cohort: String(r.cohort ?? r.quarter ?? r.group ?? ""),
    measure: String(r.measure ?? ""),
    count: numberOrNull(r.count),
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function listIn(body: unknown, keys: readonly string[]): unknown[] {
  if (!isObject(body)) return [];
  for (const key of keys) {
    const value = body[key];
    if (Array.isArray(value)) return value;
  }
  return [];
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

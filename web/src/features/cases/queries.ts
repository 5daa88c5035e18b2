// The data of the work screens through TanStack Query: one key per resource, so a command that
// changes a case refreshes the case, the lists and the worklists at once.
import { useQueries, useQuery } from "@tanstack/react-query";
import { fetchOperations } from "../../api/capabilities.ts";
import { type CaseDetail, type CaseSummary, fetchCase, fetchCases } from "../../api/cases.ts";
import { apiRequest } from "../../api/client.ts";
import { fetchSignals } from "../../api/signals.ts";

export const workKeys = {
  cases: ["cases"] as const,
  case: (id: string) => ["cases", id] as const,
  signals: (asOf: string) => ["signals", asOf] as const,
  operations: ["operations"] as const,
  duoReports: ["duo-reports"] as const,
};

export function useCases() {
  return useQuery({ queryKey: workKeys.cases, queryFn: ({ signal }) => fetchCases(signal) });
}

export function useCase(id: string) {
  return useQuery({ queryKey: workKeys.case(id), queryFn: ({ signal }) => fetchCase(id, signal) });
}

/** Case files of several cases (worklists that need every deadline, the agenda). */
export function useCaseDetails(cases: readonly CaseSummary[]) {
  return useQueries({
    queries: cases.map((c) => ({
      queryKey: workKeys.case(c.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCase(c.id, signal),
    })),
    combine: (results) => ({
      details: results.map((r) => r.data).filter((d): d is CaseDetail => d !== undefined),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

export function useSignals(asOf: string, enabled = true) {
  return useQuery({
    queryKey: workKeys.signals(asOf),
    queryFn: ({ signal }) => fetchSignals(asOf, signal),
    enabled,
  });
}

export function useOperations() {
  return useQuery({
    queryKey: workKeys.operations,
    queryFn: ({ signal }) => fetchOperations(signal),
    staleTime: 5 * 60_000,
  });
}

/** GET on a path the OpenAPI document announced (e.g. /api/duo-reports). */
export function useOptionalList<T>(path: string | undefined, key: readonly string[]) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiRequest<T[]>("GET", path as string, { signal }),
    enabled: path !== undefined,
  });
}

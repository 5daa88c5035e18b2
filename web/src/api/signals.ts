// GET /api/signals?as_of= (interfaces.md "Signal output": the CLI's JSON element shape). The
// state fields (id, state, raised_on) are what the signal-state store adds; they are optional
// so the worklist works with the plain evaluation too.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type SignalRow = Schemas["Signal"];

export function fetchSignals(asOf: string, signal?: AbortSignal): Promise<SignalRow[]> {
  return apiRequest<SignalRow[]>(
    "GET",
    `/api/signals?as_of=${encodeURIComponent(asOf)}`,
    signal ? { signal } : {},
  );
}

/** Handles an open signal as known/explained, with the reason (POST /api/signals/{id}/known). */
export function markSignalKnown(id: string, reason: string): Promise<unknown> {
  return apiRequest("POST", `/api/signals/${encodeURIComponent(id)}/known`, {
    body: { reason },
  });
}

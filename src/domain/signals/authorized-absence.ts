// domain.md §4 and §5 (informed consent (a)): which signals reveal authorized absence, which
// leerplicht sees only with consent to share it; the legal duty (unauthorized absence) needs none.
import type { Signal, SignalCode } from "./types.ts";

const ANY_REASON: readonly SignalCode[] = ["UNDER_50", "PERSISTENT_10", "EARLY_YEARS_20"];

/**
 * Whether a signal reveals authorized absence (sick, medical, leave …): the sickness signals,
 * and the "any reason" signals, whose figures include authorized absence — except a thuiszitter
 * by the Inspectie's definition (`legal`: mostly unauthorized), which is leerplicht's own duty.
 */
export function involvesAuthorizedAbsence(signal: Pick<Signal, "code" | "attributes">): boolean {
  if (signal.code.startsWith("SICK_") || ANY_REASON.includes(signal.code)) return true;
  if (signal.code === "LONG_TERM_ABSENT") return signal.attributes.legal !== true;
  return false;
}

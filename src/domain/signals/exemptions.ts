// domain.md §4 EXEMPTION_5A_NO_ADVICE (seeds 003, 004): an exemption art. 5 sub a active at D
// without recorded advice from the school partnership and from an independent doctor (either
// one missing is enough). One signal per pupil; the earliest such exemption is the evidence.
import type { IsoDate } from "../calendar/dates.ts";
import { isActiveOn } from "./absolute.ts";
import type { ExemptionRecord, Signal } from "./types.ts";

export function evaluateExemption5aNoAdvice(
  exemptions: readonly ExemptionRecord[],
  asOf: IsoDate,
): Signal[] {
  const first = new Map<string, ExemptionRecord>();
  for (const e of exemptions) {
    if (e.kind !== "5a" || !isActiveOn(e, asOf) || (e.advicePartnership && e.adviceDoctor))
      continue;
    const seen = first.get(e.pupilId);
    if (!seen || e.startDate < seen.startDate) first.set(e.pupilId, e);
  }
  return [...first.values()].map((e) => ({
    pupilId: e.pupilId,
    schoolId: "",
    code: "EXEMPTION_5A_NO_ADVICE",
    asOf,
    evidence: {
      exemption_start: e.startDate,
      exemption_end: e.endDate,
      advice_partnership: e.advicePartnership,
      advice_doctor: e.adviceDoctor,
    },
    attributes: {},
  }));
}

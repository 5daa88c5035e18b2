// domain.md §6 "Exemptions (vrijstellingen)": the register's record. The signal on a 5a
// exemption without advice (§4, EXEMPTION_5A_NO_ADVICE) lives in src/domain/signals; this is
// the shape the register keeps and the monitor counts per kind.
import type { IsoDate } from "../calendar/dates.ts";

export const EXEMPTION_KINDS = ["5a", "5b", "5c", "15", "3a", "11"] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/** What each article covers (Leerplichtwet), for the register's labels. */
export const EXEMPTION_KIND_MEANING: Record<ExemptionKind, string> = {
  "5a": "physical or psychological unfitness",
  "5b": "religious or philosophical objection to all schools nearby",
  "5c": "enrolled at a school abroad",
  "15": "alternative education (art. 15)",
  "3a": "qualification duty (art. 3a)",
  "11": "leave (art. 11)",
};

export interface Advice {
  given: boolean;
  /** Who advised: the partnership's expert or the independent doctor. */
  by?: string;
  date?: IsoDate;
}

export interface Exemption {
  id: string;
  pupilId: string;
  kind: ExemptionKind;
  startDate: IsoDate;
  endDate?: IsoDate;
  /** Who decided (for 5a the college of B&W of the municipality). */
  decisionMaker: string;
  /** Art. 5 sub a only: the partnership's and an independent doctor's advice. */
  advice5a?: { partnership: Advice; doctor: Advice };
}

/** Active at D when start ≤ D and (no end or end ≥ D), as in §4. */
export function isExemptionActive(exemption: Exemption, date: IsoDate): boolean {
  return (
    exemption.startDate <= date && (exemption.endDate === undefined || exemption.endDate >= date)
  );
}

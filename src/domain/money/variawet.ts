// domain.md §6 "Variawet" (reduced education time): start, end, hours and approval. A case may
// close with outcome `variawet_reduced_time`; this record says for how long and how many hours.
import type { IsoDate } from "../calendar/dates.ts";

export interface VariawetArrangement {
  id: string;
  pupilId: string;
  schoolId: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Education hours per week during the arrangement. */
  hoursPerWeek: number;
  approval: { approved: boolean; by: string; date: IsoDate } | null;
  caseId?: string;
}

/** In force at D: approved, and D within start … end. */
export function isVariawetInForce(record: VariawetArrangement, date: IsoDate): boolean {
  return !!record.approval?.approved && record.startDate <= date && record.endDate >= date;
}

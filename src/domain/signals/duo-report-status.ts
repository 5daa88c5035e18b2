// domain.md §4 (verzuimmelding): the life of a report at DUO's verzuimloket. The school
// prepares a `concept` and submits it (`geregistreerd`); leerplicht takes it up
// (`in_behandeling`) and closes it (`afgesloten`, with the municipality's closing reason and a
// note) or only takes note (`ter_kennisgeving`). The school may withdraw it (`ingetrokken`);
// the system withdraws it when it overlaps an exemption (no duty to attend, so no absence).
import type { IsoDate } from "../calendar/dates.ts";

export const DUO_STATUSES = [
  "concept",
  "geregistreerd",
  "in_behandeling",
  "afgesloten",
  "ter_kennisgeving",
  "ingetrokken",
] as const;
export type DuoStatus = (typeof DUO_STATUSES)[number];

export const DUO_CLOSING_REASONS = [
  "terug_naar_school",
  "inschrijving_beeindigd_ander_onderwijs",
  "inschrijving_beeindigd_werk",
  "inschrijving_beeindigd_overig",
  "inschrijving_beeindigd_overlijden",
  "geen_verzuim_langdurig_ziek",
  "geen_verzuim_rechtmatig_afwezig",
] as const;
export type DuoClosingReason = (typeof DUO_CLOSING_REASONS)[number];

const NEXT: Readonly<Record<DuoStatus, readonly DuoStatus[]>> = {
  concept: ["geregistreerd", "ingetrokken"],
  geregistreerd: ["in_behandeling", "afgesloten", "ter_kennisgeving", "ingetrokken"],
  in_behandeling: ["afgesloten", "ter_kennisgeving", "ingetrokken"],
  afgesloten: [],
  ter_kennisgeving: [],
  ingetrokken: [],
};

export type StatusChange =
  | { ok: true; status: DuoStatus; closingReason: DuoClosingReason | null; note: string | null }
  | { ok: false; error: "not_allowed" | "closing_reason_required" | "unknown_closing_reason" };

export function changeReportStatus(
  current: DuoStatus,
  to: DuoStatus,
  closing: { reason?: string | null; note?: string | null } = {},
): StatusChange {
  if (!NEXT[current].includes(to)) return { ok: false, error: "not_allowed" };
  if (to !== "afgesloten")
    return { ok: true, status: to, closingReason: null, note: closing.note ?? null };
  if (!closing.reason) return { ok: false, error: "closing_reason_required" };
  if (!(DUO_CLOSING_REASONS as readonly string[]).includes(closing.reason)) {
    return { ok: false, error: "unknown_closing_reason" };
  }
  return {
    ok: true,
    status: to,
    closingReason: closing.reason as DuoClosingReason,
    note: closing.note ?? null,
  };
}

/** The statuses a report may move to from `current` (by anyone). */
export function nextStatuses(current: DuoStatus): readonly DuoStatus[] {
  return NEXT[current];
}

export function isFinalStatus(status: DuoStatus): boolean {
  return NEXT[status].length === 0;
}

/** The first exemption whose period overlaps the report's [start, end], if any. */
export function overlappingExemption<T extends { startDate: IsoDate; endDate: IsoDate | null }>(
  report: { startDate: IsoDate; endDate: IsoDate },
  exemptions: readonly T[],
): T | null {
  return (
    exemptions.find(
      (x) => x.startDate <= report.endDate && (x.endDate === null || x.endDate >= report.startDate),
    ) ?? null
  );
}

// The code lists of interfaces.md ("Canonical CSV files") and domain.md §3 (reason codes).
// The import validates against these; the reason codes and exemption kinds come from the domain.

export const SECTORS = ["po", "vo", "so", "vso", "mbo"] as const;
export const HOLIDAY_REGIONS = ["noord", "midden", "zuid"] as const;
export const CLOSURE_WIDE_SCOPES = ["all", ...HOLIDAY_REGIONS] as const;

export const PERIODS = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "am",
  "pm",
  "day",
] as const;

/** domain.md §3 reason codes and the exemption kinds: the domain's own lists. */
export { EXEMPTION_KINDS } from "../domain/money/exemptions.ts";
export { ABSENCE_REASONS as REASONS } from "../domain/signals/types.ts";

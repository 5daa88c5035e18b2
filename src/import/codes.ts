// The code lists of interfaces.md ("Canonical CSV files") and domain.md §3 (reason codes).
// Kept here until the domain has its own module for them; the import is their only reader yet.

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

/** domain.md §3, in the table's order. */
export const REASONS = [
  "sick",
  "medical",
  "leave",
  "religious",
  "suspended",
  "other_authorized",
  "unreported",
  "truant",
  "luxury",
  "late",
  "removed",
  "other_unauthorized",
  "exempt_11a",
] as const;

export const EXEMPTION_KINDS = ["5a", "5b", "5c", "15", "3a", "11"] as const;

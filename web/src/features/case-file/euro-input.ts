// A euro amount as people type it in a Dutch form ("2400", "2.400", "2.400,50", "€ 12,5",
// "2400.50") into the whole cents the budget endpoints take (domain.md §6: the ledger counts
// cents). Undefined for anything else, zero, or more than the API accepts (1,000,000 euros).
const MAX_CENTS = 100_000_000;

export function euroCents(input: string): number | undefined {
  const text = input.replace(/[\s€]/g, "");
  let normal: string | undefined;
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(text) || /^\d+(,\d{1,2})?$/.test(text)) {
    normal = text.replaceAll(".", "").replace(",", ".");
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    normal = text;
  }
  if (normal === undefined) return undefined;
  const [whole = "0", fraction = ""] = normal.split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0") || "0");
  return Number.isSafeInteger(cents) && cents > 0 && cents <= MAX_CENTS ? cents : undefined;
}

/** Like euroCents, but zero is a valid share (an attribution may give a party nothing). */
export function euroShareCents(input: string): number | undefined {
  return /^[\s€]*0+([.,]0{1,2})?\s*$/.test(input) ? 0 : euroCents(input);
}

// domain.md §6 "Shared budget (frictiebudget)": contributions from municipality and partnership
// (default 50/50), commitments to a case by the director, and later the parties' record of who
// should have paid. Append-only: there is no update or delete, only reverse(entry). Amounts are
// whole cents, so sums are exact.
//
// Readings (docs/cases.md): a reversal counts in the budget year of the entry it reverses (it
// corrects that year's figures); an attribution moves no money — it records, per party, who
// should have borne a commitment, and its shares add up to the commitment; a commitment cannot
// exceed what is available in its budget year.
import type { IsoDate } from "../calendar/dates.ts";
import { err, type Result } from "../cases/result.ts";

export type Party = { kind: "municipality" | "partnership"; id: string };

interface EntryBase {
  id: string;
  budgetId: string;
  year: number;
  recordedAt: IsoDate;
  recordedBy: string;
}

export type LedgerEntry =
  | (EntryBase & { kind: "contribution"; party: Party; amountCents: number })
  | (EntryBase & { kind: "commitment"; caseId: string; amountCents: number; purpose: string })
  | (EntryBase & {
      kind: "attribution";
      commitmentId: string;
      shares: readonly { party: Party; amountCents: number }[];
    })
  | (EntryBase & { kind: "reversal"; reversesId: string; reason: string });

export type Ledger = readonly LedgerEntry[];

export type LedgerError =
  | "duplicate_id"
  | "invalid_amount"
  | "insufficient_funds"
  | "unknown_entry"
  | "already_reversed"
  | "cannot_reverse_reversal"
  | "shares_do_not_add_up"
  | "reason_required";

export type LedgerResult = Result<{ ledger: Ledger; entry: LedgerEntry }, LedgerError>;

/** Splits a total over municipality and partnership; the odd cent goes to the municipality. */
export function splitContribution(
  totalCents: number,
  municipalityShare = 0.5,
): { municipalityCents: number; partnershipCents: number } {
  const municipalityCents = Math.ceil(totalCents * municipalityShare);
  return { municipalityCents, partnershipCents: totalCents - municipalityCents };
}

function isReversed(ledger: Ledger, entryId: string): boolean {
  return ledger.some((e) => e.kind === "reversal" && e.reversesId === entryId);
}

/** Money effect of one entry on its budget year: contributions add, commitments subtract. */
function effect(entry: LedgerEntry): { contributed: number; committed: number } {
  if (entry.kind === "contribution") return { contributed: entry.amountCents, committed: 0 };
  if (entry.kind === "commitment") return { contributed: 0, committed: entry.amountCents };
  return { contributed: 0, committed: 0 };
}

export interface Balance {
  contributedCents: number;
  committedCents: number;
  availableCents: number;
}

export function balance(ledger: Ledger, budgetId: string, year: number): Balance {
  let contributedCents = 0;
  let committedCents = 0;
  for (const entry of ledger) {
    if (entry.budgetId !== budgetId || entry.year !== year) continue;
    const sign = isReversed(ledger, entry.id) ? 0 : 1;
    const { contributed, committed } = effect(entry);
    contributedCents += sign * contributed;
    committedCents += sign * committed;
  }
  return { contributedCents, committedCents, availableCents: contributedCents - committedCents };
}

function validate(ledger: Ledger, entry: LedgerEntry): LedgerError | null {
  if (ledger.some((e) => e.id === entry.id)) return "duplicate_id";
  if (entry.kind === "contribution" || entry.kind === "commitment") {
    if (!Number.isInteger(entry.amountCents) || entry.amountCents <= 0) return "invalid_amount";
  }
  if (entry.kind === "commitment") {
    if (entry.amountCents > balance(ledger, entry.budgetId, entry.year).availableCents) {
      return "insufficient_funds";
    }
  }
  if (entry.kind === "attribution") {
    const commitment = ledger.find((e) => e.id === entry.commitmentId);
    if (commitment?.kind !== "commitment" || isReversed(ledger, commitment.id)) {
      return "unknown_entry";
    }
    if (entry.shares.some((s) => !Number.isInteger(s.amountCents) || s.amountCents < 0)) {
      return "invalid_amount";
    }
    const total = entry.shares.reduce((sum, s) => sum + s.amountCents, 0);
    if (total !== commitment.amountCents) return "shares_do_not_add_up";
  }
  return null;
}

/** Appends a contribution, commitment or attribution; reversals go through reverse(). */
export function append(
  ledger: Ledger,
  entry: Exclude<LedgerEntry, { kind: "reversal" }>,
): LedgerResult {
  const error = validate(ledger, entry);
  if (error) return err(error, `Entry ${entry.id} refused: ${error}.`);
  return { ok: true, ledger: [...ledger, entry], entry };
}

/** Reverses an entry by appending a reversal that references it; the original stays. */
export function reverse(
  ledger: Ledger,
  entryId: string,
  reversal: { id: string; reason: string; recordedAt: IsoDate; recordedBy: string },
): LedgerResult {
  const original = ledger.find((e) => e.id === entryId);
  if (!original) return err("unknown_entry", `No entry ${entryId}.`);
  if (original.kind === "reversal") {
    return err("cannot_reverse_reversal", "A reversal is final; record the entry anew.");
  }
  if (isReversed(ledger, entryId))
    return err("already_reversed", `${entryId} is reversed already.`);
  if (reversal.reason.trim() === "") return err("reason_required", "A reversal needs a reason.");
  if (ledger.some((e) => e.id === reversal.id)) return err("duplicate_id", "Entry id in use.");
  if (original.kind === "contribution") {
    // Taking a contribution back may not leave the year's commitments uncovered.
    const { availableCents } = balance(ledger, original.budgetId, original.year);
    if (availableCents < original.amountCents) {
      return err("insufficient_funds", "Reversing this contribution would overdraw the budget.");
    }
  }
  const entry: LedgerEntry = {
    ...reversal,
    kind: "reversal",
    reversesId: entryId,
    budgetId: original.budgetId,
    year: original.year,
  };
  return { ok: true, ledger: [...ledger, entry], entry };
}

/** Per party, what it should have paid according to the recorded attributions (not reversed). */
export function attributedByParty(
  ledger: Ledger,
  budgetId: string,
  year: number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of ledger) {
    if (entry.kind !== "attribution" || entry.budgetId !== budgetId || entry.year !== year)
      continue;
    if (isReversed(ledger, entry.id) || isReversed(ledger, entry.commitmentId)) continue;
    for (const share of entry.shares) {
      const key = `${share.party.kind}:${share.party.id}`;
      totals.set(key, (totals.get(key) ?? 0) + share.amountCents);
    }
  }
  return totals;
}

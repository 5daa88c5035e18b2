import { describe, expect, it } from "vitest";
import * as ledgerModule from "./ledger.ts";
import {
  append,
  attributedByParty,
  balance,
  type Ledger,
  reverse,
  splitContribution,
} from "./ledger.ts";

const municipality = { kind: "municipality", id: "Voorbeeld" } as const;
const partnership = { kind: "partnership", id: "PO2605" } as const;
const meta = { budgetId: "frictie", recordedAt: "2026-01-05", recordedBy: "u-cr" };

function must(result: ledgerModule.LedgerResult): Ledger {
  if (!result.ok) throw new Error(result.message);
  return result.ledger;
}

function funded(): Ledger {
  const { municipalityCents, partnershipCents } = splitContribution(5_000_001);
  let ledger: Ledger = [];
  ledger = must(
    append(ledger, {
      ...meta,
      id: "e1",
      year: 2026,
      kind: "contribution",
      party: municipality,
      amountCents: municipalityCents,
    }),
  );
  ledger = must(
    append(ledger, {
      ...meta,
      id: "e2",
      year: 2026,
      kind: "contribution",
      party: partnership,
      amountCents: partnershipCents,
    }),
  );
  return ledger;
}

describe("frictiebudget ledger", () => {
  it("splits 50/50 exactly, the odd cent to the municipality", () => {
    expect(splitContribution(5_000_001)).toEqual({
      municipalityCents: 2_500_001,
      partnershipCents: 2_500_000,
    });
    expect(splitContribution(10_000, 0.7)).toEqual({
      municipalityCents: 7_000,
      partnershipCents: 3_000,
    });
  });

  it("keeps a balance per budget and year, with reversals", () => {
    let ledger = funded();
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e3",
        year: 2026,
        kind: "commitment",
        caseId: "c-1",
        amountCents: 1_200_000,
        purpose: "plaatsing OZA",
      }),
    );
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e4",
        year: 2026,
        kind: "commitment",
        caseId: "c-2",
        amountCents: 300_000,
        purpose: "vervoer",
      }),
    );
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e5",
        year: 2027,
        kind: "contribution",
        party: municipality,
        amountCents: 100,
      }),
    );
    expect(balance(ledger, "frictie", 2026)).toEqual({
      contributedCents: 5_000_001,
      committedCents: 1_500_000,
      availableCents: 3_500_001,
    });
    ledger = must(
      reverse(ledger, "e4", {
        id: "e6",
        reason: "dubbel geboekt",
        recordedAt: "2027-01-10",
        recordedBy: "u-cr",
      }),
    );
    // The reversal corrects the year of the entry it reverses, even when booked later.
    expect(balance(ledger, "frictie", 2026).availableCents).toBe(3_800_001);
    expect(balance(ledger, "frictie", 2027).availableCents).toBe(100);
    expect(balance(ledger, "other", 2026).availableCents).toBe(0);
    // Nothing was removed: the reversed entry is still there.
    expect(ledger.map((e) => e.id)).toEqual(["e1", "e2", "e3", "e4", "e5", "e6"]);
  });

  it("refuses double reversal, reversing a reversal and overdrawing", () => {
    let ledger = funded();
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e3",
        year: 2026,
        kind: "commitment",
        caseId: "c-1",
        amountCents: 4_000_000,
        purpose: "plaatsing",
      }),
    );
    const over = append(ledger, {
      ...meta,
      id: "e4",
      year: 2026,
      kind: "commitment",
      caseId: "c-2",
      amountCents: 1_000_002,
      purpose: "x",
    });
    expect(over).toMatchObject({ ok: false, error: "insufficient_funds" });
    // Taking back the municipality's half would leave the commitment uncovered.
    expect(
      reverse(ledger, "e1", {
        id: "r0",
        reason: "fout",
        recordedAt: "2026-02-01",
        recordedBy: "u",
      }),
    ).toMatchObject({
      ok: false,
      error: "insufficient_funds",
    });
    ledger = must(
      reverse(ledger, "e3", {
        id: "r1",
        reason: "geannuleerd",
        recordedAt: "2026-02-01",
        recordedBy: "u",
      }),
    );
    expect(
      reverse(ledger, "e3", {
        id: "r2",
        reason: "nogmaals",
        recordedAt: "2026-02-01",
        recordedBy: "u",
      }),
    ).toMatchObject({
      ok: false,
      error: "already_reversed",
    });
    expect(
      reverse(ledger, "r1", {
        id: "r3",
        reason: "terug",
        recordedAt: "2026-02-01",
        recordedBy: "u",
      }),
    ).toMatchObject({
      ok: false,
      error: "cannot_reverse_reversal",
    });
    expect(
      append(ledger, {
        ...meta,
        id: "e9",
        year: 2026,
        kind: "contribution",
        party: municipality,
        amountCents: -5,
      }),
    ).toMatchObject({
      ok: false,
      error: "invalid_amount",
    });
  });

  it("records who should have paid without moving money", () => {
    let ledger = funded();
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e3",
        year: 2026,
        kind: "commitment",
        caseId: "c-1",
        amountCents: 900_000,
        purpose: "OZA",
      }),
    );
    const uneven = append(ledger, {
      ...meta,
      id: "e4",
      year: 2026,
      kind: "attribution",
      commitmentId: "e3",
      shares: [{ party: municipality, amountCents: 100 }],
    });
    expect(uneven).toMatchObject({ ok: false, error: "shares_do_not_add_up" });
    ledger = must(
      append(ledger, {
        ...meta,
        id: "e4",
        year: 2026,
        kind: "attribution",
        commitmentId: "e3",
        shares: [
          { party: municipality, amountCents: 600_000 },
          { party: partnership, amountCents: 300_000 },
        ],
      }),
    );
    expect(balance(ledger, "frictie", 2026).availableCents).toBe(5_000_001 - 900_000);
    expect(Object.fromEntries(attributedByParty(ledger, "frictie", 2026))).toEqual({
      "municipality:Voorbeeld": 600_000,
      "partnership:PO2605": 300_000,
    });
  });

  it("offers no way to change or delete an entry", () => {
    const exported = Object.keys(ledgerModule).sort();
    expect(exported).toEqual([
      "append",
      "attributedByParty",
      "balance",
      "reverse",
      "splitContribution",
    ]);
  });
});

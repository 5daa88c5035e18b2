// The frictiebudget ledger (domain.md §6): append-only rows, a trigger refuses UPDATE and
// DELETE; corrections are reversal rows. The domain's ledger.ts decides what may be appended;
// this module loads a budget's ledger in order and inserts the entry it accepted.
import { asc, eq, or } from "drizzle-orm";
import type { Ledger, LedgerEntry, Party } from "../../domain/money/ledger.ts";
import type { Orm } from "../connect.ts";
import { budgetLedger } from "../schema/cases.ts";

type Row = typeof budgetLedger.$inferSelect;

function entryFrom(r: Row): LedgerEntry {
  const base = {
    id: r.id,
    budgetId: r.budgetId,
    year: r.year,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
  };
  switch (r.kind) {
    case "contribution":
      return {
        ...base,
        kind: "contribution",
        party: { kind: r.partyKind as Party["kind"], id: r.partyId ?? "" },
        amountCents: r.amountCents ?? 0,
      };
    case "commitment":
      return {
        ...base,
        kind: "commitment",
        caseId: r.caseId ?? "",
        amountCents: r.amountCents ?? 0,
        purpose: r.purpose ?? "",
      };
    case "attribution":
      return {
        ...base,
        kind: "attribution",
        commitmentId: r.commitmentId ?? "",
        shares: (r.shares ?? []).map((s) => ({
          party: { kind: s.party.kind as Party["kind"], id: s.party.id },
          amountCents: s.amountCents,
        })),
      };
    default:
      return { ...base, kind: "reversal", reversesId: r.reversesId ?? "", reason: r.reason ?? "" };
  }
}

export async function loadLedger(orm: Orm, budgetId: string): Promise<Ledger> {
  const rows = await orm
    .select()
    .from(budgetLedger)
    .where(eq(budgetLedger.budgetId, budgetId))
    .orderBy(asc(budgetLedger.seq));
  return rows.map(entryFrom);
}

/** A case's commitments and everything that refers to them (attributions, reversals). */
export async function ledgerLinesOfCase(orm: Orm, caseId: string): Promise<LedgerEntry[]> {
  const commitments = await orm
    .select({ id: budgetLedger.id })
    .from(budgetLedger)
    .where(eq(budgetLedger.caseId, caseId));
  const ids = commitments.map((c) => c.id);
  if (ids.length === 0) return [];
  const rows = await orm
    .select()
    .from(budgetLedger)
    .where(
      or(
        eq(budgetLedger.caseId, caseId),
        ...ids.map((id) => eq(budgetLedger.commitmentId, id)),
        ...ids.map((id) => eq(budgetLedger.reversesId, id)),
      ),
    )
    .orderBy(asc(budgetLedger.seq));
  const lines = rows.map(entryFrom);
  // Reversals of this case's attributions refer to the attribution, not the commitment.
  const attributionIds = lines.filter((l) => l.kind === "attribution").map((l) => l.id);
  if (attributionIds.length === 0) return lines;
  const more = await orm
    .select()
    .from(budgetLedger)
    .where(or(...attributionIds.map((id) => eq(budgetLedger.reversesId, id))))
    .orderBy(asc(budgetLedger.seq));
  return [...lines, ...more.map(entryFrom)];
}

export async function findLedgerEntry(orm: Orm, id: string): Promise<LedgerEntry | undefined> {
  const [row] = await orm.select().from(budgetLedger).where(eq(budgetLedger.id, id));
  return row && entryFrom(row);
}

export async function appendLedgerEntry(orm: Orm, entry: LedgerEntry): Promise<void> {
  const base = {
    id: entry.id,
    budgetId: entry.budgetId,
    year: entry.year,
    kind: entry.kind,
    recordedAt: entry.recordedAt,
    recordedBy: entry.recordedBy,
  };
  switch (entry.kind) {
    case "contribution":
      await orm.insert(budgetLedger).values({
        ...base,
        partyKind: entry.party.kind,
        partyId: entry.party.id,
        amountCents: entry.amountCents,
      });
      return;
    case "commitment":
      await orm.insert(budgetLedger).values({
        ...base,
        caseId: entry.caseId,
        amountCents: entry.amountCents,
        purpose: entry.purpose,
      });
      return;
    case "attribution":
      await orm.insert(budgetLedger).values({
        ...base,
        commitmentId: entry.commitmentId,
        shares: entry.shares.map((s) => ({ party: { ...s.party }, amountCents: s.amountCents })),
      });
      return;
    case "reversal":
      await orm
        .insert(budgetLedger)
        .values({ ...base, reversesId: entry.reversesId, reason: entry.reason });
      return;
  }
}

/** One budget per municipality of residence, shared with its partnership (§6). */
export function budgetIdFor(municipality: string): string {
  return `frictiebudget:${municipality}`;
}

// domain.md §6: nothing in the ledger is deleted, only reversed — a reversal row that refers to
// the entry. Through a case only that case's commitments and attributions can be reversed.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { appendLedgerEntry, findLedgerEntry, loadLedger } from "../db/repositories/budget.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type LedgerEntry, reverse } from "../domain/money/ledger.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function reverseBudgetEntry(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { entryId: string; reason: string },
  today: IsoDate,
): Promise<CommandResult<{ entry: LedgerEntry }>> {
  return onCase(db, actor, caseId, today, "reverse_budget_entry", async (ctx) => {
    const entry = await findLedgerEntry(ctx.tx.orm, input.entryId);
    const commitment =
      entry?.kind === "attribution" ? await findLedgerEntry(ctx.tx.orm, entry.commitmentId) : entry;
    if (!entry || commitment?.kind !== "commitment" || commitment.caseId !== caseId) {
      return { ok: false, error: "unknown_entry", message: "No such entry in this case." };
    }
    const result = reverse(await loadLedger(ctx.tx.orm, entry.budgetId), entry.id, {
      id: randomUUID(),
      reason: input.reason,
      recordedAt: today,
      recordedBy: actor.userId,
    });
    if (!result.ok) return result;
    await appendLedgerEntry(ctx.tx.orm, result.entry);
    return { ok: true, entry: result.entry };
  });
}

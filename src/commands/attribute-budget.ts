// domain.md §6: after spending, the parties record who should have paid a commitment — shares
// per municipality/partnership that add up to it. Moves no money.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { appendLedgerEntry, findLedgerEntry, loadLedger } from "../db/repositories/budget.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { append, type LedgerEntry, type Party } from "../domain/money/ledger.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function attributeBudget(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { commitmentId: string; shares: { party: Party; amountCents: number }[] },
  today: IsoDate,
): Promise<CommandResult<{ entry: LedgerEntry }>> {
  return onCase(db, actor, caseId, today, "attribute_budget", async (ctx) => {
    const commitment = await findLedgerEntry(ctx.tx.orm, input.commitmentId);
    if (commitment?.kind !== "commitment" || commitment.caseId !== caseId) {
      return { ok: false, error: "unknown_entry", message: "No such commitment in this case." };
    }
    const result = append(await loadLedger(ctx.tx.orm, commitment.budgetId), {
      kind: "attribution",
      id: randomUUID(),
      budgetId: commitment.budgetId,
      year: commitment.year,
      commitmentId: commitment.id,
      shares: input.shares,
      recordedAt: today,
      recordedBy: actor.userId,
    });
    if (!result.ok) return result;
    await appendLedgerEntry(ctx.tx.orm, result.entry);
    return { ok: true, entry: result.entry };
  });
}

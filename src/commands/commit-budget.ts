// domain.md §6 frictiebudget: the case director commits spending from the shared budget of the
// pupil's municipality to a case (policy action spend_budget: the director of that case). The
// domain ledger refuses a commitment beyond what the budget year has available.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { appendLedgerEntry, budgetIdFor, loadLedger } from "../db/repositories/budget.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { append, type LedgerEntry } from "../domain/money/ledger.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function commitBudget(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { amountCents: number; purpose: string },
  today: IsoDate,
): Promise<CommandResult<{ entry: LedgerEntry }>> {
  return onCase(db, actor, caseId, today, "commit_budget", async (ctx) => {
    if (input.purpose.trim() === "") {
      return { ok: false, error: "reason_required", message: "Say what the money is for." };
    }
    const budgetId = budgetIdFor(ctx.facts.pupil.municipality);
    const result = append(await loadLedger(ctx.tx.orm, budgetId), {
      kind: "commitment",
      id: randomUUID(),
      budgetId,
      year: Number(today.slice(0, 4)),
      caseId,
      amountCents: input.amountCents,
      purpose: input.purpose,
      recordedAt: today,
      recordedBy: actor.userId,
    });
    if (!result.ok) return result;
    await appendLedgerEntry(ctx.tx.orm, result.entry);
    return { ok: true, entry: result.entry };
  });
}

// POST endpoints for the frictiebudget on a case (domain.md §6): commit spending (the case
// director only), attribute a commitment to the parties who should have paid, reverse an entry.
// The ledger is append-only: there is no PUT or DELETE.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { attributeBudget } from "../../commands/attribute-budget.ts";
import { commitBudget } from "../../commands/commit-budget.ts";
import { reverseBudgetEntry } from "../../commands/reverse-budget-entry.ts";
import type { HttpContext } from "../context.ts";
import { LongText, RecordId, ShortText } from "../input-schemas.ts";
import { CreatedResponse, commandRoute } from "./cases-command-route.ts";

const Cents = z.number().int().positive().max(100_000_000);
const Party = z.object({
  kind: z.enum(["municipality", "partnership"]),
  id: ShortText.min(1).describe("the municipality name or the partnership code"),
});

export function registerCaseBudgetRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const created = (r: { entry: { id: string } }) => ({ id: r.entry.id });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/budget/commitments",
    command: "commit_budget",
    summary: "Commit frictiebudget spending to the case (case director)",
    body: z.object({ amount_cents: Cents, purpose: LongText.min(1) }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      commitBudget(
        ctx.db,
        actor,
        caseId,
        { amountCents: body.amount_cents, purpose: body.purpose },
        today,
      ),
    present: created,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/budget/attributions",
    command: "attribute_budget",
    summary: "Record who should have paid a commitment (shares add up to it)",
    body: z.object({
      commitment_id: RecordId,
      shares: z
        .array(z.object({ party: Party, amount_cents: z.number().int().min(0).max(100_000_000) }))
        .min(1)
        .max(10),
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      attributeBudget(
        ctx.db,
        actor,
        caseId,
        {
          commitmentId: body.commitment_id,
          shares: body.shares.map((s) => ({ party: s.party, amountCents: s.amount_cents })),
        },
        today,
      ),
    present: created,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/budget/reversals",
    command: "reverse_budget_entry",
    summary: "Reverse a commitment or attribution of the case (nothing is deleted)",
    body: z.object({ entry_id: RecordId, reason: LongText.min(1) }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      reverseBudgetEntry(
        ctx.db,
        actor,
        caseId,
        { entryId: body.entry_id, reason: body.reason },
        today,
      ),
    present: created,
  });
}

// The frictiebudget's contributions (issue 14 item 2; domain.md §6 "Shared budget": contributions
// from municipality and partnership, a ledger with a balance per budget and year). The partners
// record their own contribution: policy staff for their municipality (the party is that
// municipality), the partnership for any municipality's budget (the party is its partnership).
// The ledger is append-only; a wrong contribution is reversed in the case file's budget section.
// Recording one is the set-up service (src/services/region-setup.ts) the demo uses too.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { budgetIdFor, loadLedger } from "../../db/repositories/budget.ts";
import { readRegionSettings } from "../../db/repositories/region-settings.ts";
import { balance, type Party } from "../../domain/money/ledger.ts";
import { recordBudgetContribution } from "../../services/region-setup.ts";
import type { HttpContext } from "../context.ts";
import { ShortText } from "../input-schemas.ts";
import { HttpProblem, problemResponses } from "../problem.ts";
import { today } from "./cases-http.ts";
import { authorizeSetup, type SetupGrant, viaService } from "./setup-gate.ts";

const Year = z.coerce.number().int("jaar: een jaartal").min(2000).max(2100);

const BudgetSchema = z
  .object({
    municipality: z.string(),
    budget_id: z.string(),
    year: z.number().int(),
    contributed_cents: z.number().int(),
    committed_cents: z.number().int(),
    available_cents: z.number().int(),
    contributions: z.array(
      z.object({
        party_kind: z.string(),
        party_id: z.string(),
        amount_cents: z.number().int(),
        recorded_at: z.string(),
        reversed: z.boolean(),
      }),
    ),
  })
  .meta({ id: "BudgetBalance" });

export function registerBudgetSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;

  async function present(municipality: string, year: number) {
    const budgetId = budgetIdFor(municipality);
    const ledger = await loadLedger(orm, budgetId);
    const reversed = new Set(ledger.flatMap((e) => (e.kind === "reversal" ? [e.reversesId] : [])));
    const b = balance(ledger, budgetId, year);
    return {
      municipality,
      budget_id: budgetId,
      year,
      contributed_cents: b.contributedCents,
      committed_cents: b.committedCents,
      available_cents: b.availableCents,
      contributions: ledger.flatMap((e) =>
        e.kind === "contribution" && e.year === year
          ? [
              {
                party_kind: e.party.kind,
                party_id: e.party.id,
                amount_cents: e.amountCents,
                recorded_at: e.recordedAt,
                reversed: reversed.has(e.id),
              },
            ]
          : [],
      ),
    };
  }

  /** The municipalities whose budgets this partner sees: its own, or the region's. */
  async function municipalitiesOf(allowed: SetupGrant): Promise<string[]> {
    if (allowed.role === "policy_officer") return [...allowed.municipalities];
    const region = await readRegionSettings(ctx.db.sql, today(ctx));
    if (region.configured) return region.municipalities;
    const rows = await ctx.db.sql.query<{ budget_id: string }>(
      "select distinct budget_id from budget_ledger order by 1",
    );
    return rows.map((r) => r.budget_id.replace(/^frictiebudget:/, ""));
  }

  api.get(
    "/api/budgets",
    {
      schema: {
        summary: "The frictiebudget per municipality: contributions and balance in a year",
        tags: ["setup"],
        querystring: z.object({ year: Year.optional().describe("default: this year") }),
        response: { 200: z.array(BudgetSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const allowed = await authorizeSetup(request, ctx, {
        action: "manage_budget_contributions",
        operation: "list_budgets",
        resourceType: "budget",
        read: true, // the gate writes the allowed row: every allowed read is in the trail
      });
      const year = request.query.year ?? Number(today(ctx).slice(0, 4));
      const list = [];
      for (const m of await municipalitiesOf(allowed)) list.push(await present(m, year));
      return list;
    },
  );

  api.post(
    "/api/budgets/contributions",
    {
      schema: {
        summary: "Record the own contribution to a municipality's frictiebudget for a year",
        tags: ["setup"],
        body: z.object({
          municipality: ShortText.trim().min(1, "gemeente: vul de gemeente van het budget in"),
          year: Year,
          amount_cents: z
            .int("bedrag: in hele centen")
            .positive("bedrag: meer dan 0")
            // The ledger stores whole cents in a 32-bit integer (found by the API fuzz suite).
            .max(2_000_000_000, "bedrag: hoogstens 20 miljoen euro"),
        }),
        response: { 201: BudgetSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const allowed = await authorizeSetup(request, ctx, {
        action: "manage_budget_contributions",
        operation: "record_contribution",
        resourceType: "budget",
        resourceId: budgetIdFor(b.municipality),
        municipality: b.municipality,
      });
      const party: Party | undefined =
        allowed.role === "policy_officer"
          ? { kind: "municipality", id: b.municipality }
          : allowed.partnerships[0]
            ? { kind: "partnership", id: allowed.partnerships[0] }
            : undefined;
      if (!party) {
        throw new HttpProblem(403, "Your role has no partnership to contribute for.");
      }
      await viaService(() =>
        ctx.db.transaction((tx) =>
          recordBudgetContribution(
            tx,
            allowed,
            { municipality: b.municipality, year: b.year, amountCents: b.amount_cents, party },
            today(ctx),
          ),
        ),
      );
      reply.code(201);
      return present(b.municipality, b.year);
    },
  );
}

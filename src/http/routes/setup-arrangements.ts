// The region's arrangements catalogue (issue 14 item 2; domain.md §6 "Arrangements and waiting
// lists"): the partnership (SWV) keeps the places — provider, kind, capacity — and ends a place
// that is no longer offered (never deleted: placements and waiting lists point at it). The list
// shows per place the places taken, free and the pupils waiting at a date, without naming them.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadCatalogue } from "../../db/repositories/arrangements.ts";
import { arrangements } from "../../db/schema/cases.ts";
import { freePlaces, occupiedPlaces, waitingList } from "../../domain/money/arrangements.ts";
import type { HttpContext } from "../context.ts";
import { RecordId, ShortText } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { IsoDate, today } from "./cases-http.ts";
import { authorizeSetup, recordSetupChange, type SetupAuditAction } from "./setup-gate.ts";

const KINDS = ["special_education", "oza", "day_programme", "youth_care"] as const;

const ArrangementSchema = z
  .object({
    id: z.string(),
    provider: z.string(),
    name: z.string(),
    kind: z.enum(KINDS),
    capacity: z.number().int(),
    ended_on: z.string().nullable(),
    occupied: z.number().int().describe("places taken at the date"),
    free: z.number().int(),
    waiting: z.number().int().describe("pupils on the waiting list at the date"),
  })
  .meta({ id: "Arrangement" });

const Text = ShortText.trim().min(1, "vul dit in");
const Capacity = z
  .int("capaciteit: een heel getal")
  .min(0, "capaciteit: 0 of meer")
  .max(10_000, "capaciteit: hoogstens 10000");
const Kind = z.enum(
  KINDS,
  "soort: kies special_education (speciaal onderwijs), oza (onderwijs-zorgarrangement), day_programme (dagbesteding) of youth_care (jeugdhulp)",
);

export function registerArrangementSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;
  const gate = (request: Parameters<typeof authorizeSetup>[0], operation: SetupAuditAction) =>
    authorizeSetup(request, ctx, {
      action: "manage_arrangements",
      operation,
      resourceType: "arrangement",
    });

  async function present(asOf: string) {
    const catalogue = await loadCatalogue(orm);
    const ended = new Map(
      (
        await orm.select({ id: arrangements.id, endedOn: arrangements.endedOn }).from(arrangements)
      ).map((r) => [r.id, r.endedOn]),
    );
    return catalogue.arrangements.map((a) => ({
      id: a.id,
      provider: a.providerId,
      name: a.name,
      kind: a.kind,
      capacity: a.capacity,
      ended_on: ended.get(a.id) ?? null,
      occupied: occupiedPlaces(a.id, catalogue.placements, asOf),
      free: freePlaces(a, catalogue.placements, asOf),
      waiting: waitingList(a.id, catalogue.waiting, asOf).length,
    }));
  }
  async function one(id: string, asOf: string) {
    const found = (await present(asOf)).find((a) => a.id === id);
    if (!found) throw notFound("Geen arrangement met deze id.");
    return found;
  }

  api.get(
    "/api/arrangements",
    {
      schema: {
        summary: "The catalogue: places with capacity, taken, free and waiting at a date (SWV)",
        tags: ["setup"],
        querystring: z.object({ as_of: IsoDate.optional().describe("default: today") }),
        response: { 200: z.array(ArrangementSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await gate(request, "list_arrangements");
      return present(request.query.as_of ?? today(ctx));
    },
  );

  api.post(
    "/api/arrangements",
    {
      schema: {
        summary: "Add a place to the catalogue (SWV)",
        tags: ["setup"],
        body: z.object({ provider: Text, name: Text, kind: Kind, capacity: Capacity }),
        response: { 201: ArrangementSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "create_arrangement");
      const b = request.body;
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.orm
          .insert(arrangements)
          .values({ id, providerId: b.provider, name: b.name, kind: b.kind, capacity: b.capacity });
        await recordSetupChange(tx.orm, allowed, {
          operation: "create_arrangement",
          resourceType: "arrangement",
          resourceId: id,
          context: { capacity: String(b.capacity) },
        });
      });
      reply.code(201);
      return one(id, today(ctx));
    },
  );

  api.patch(
    "/api/arrangements/:id",
    {
      schema: {
        summary: "Change a place's provider, name, kind or capacity (SWV)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: z.object({
          provider: Text.optional(),
          name: Text.optional(),
          kind: Kind.optional(),
          capacity: Capacity.optional(),
        }),
        response: { 200: ArrangementSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_arrangement");
      const current = await one(request.params.id, today(ctx));
      const b = request.body;
      await ctx.db.transaction(async (tx) => {
        await tx.orm
          .update(arrangements)
          .set({
            ...(b.provider === undefined ? {} : { providerId: b.provider }),
            ...(b.name === undefined ? {} : { name: b.name }),
            ...(b.kind === undefined ? {} : { kind: b.kind }),
            ...(b.capacity === undefined ? {} : { capacity: b.capacity }),
          })
          .where(eq(arrangements.id, current.id));
        await recordSetupChange(tx.orm, allowed, {
          operation: "update_arrangement",
          resourceType: "arrangement",
          resourceId: current.id,
          context: { fields: Object.keys(b).join(",") },
        });
      });
      return one(current.id, today(ctx));
    },
  );

  api.post(
    "/api/arrangements/:id/end",
    {
      schema: {
        summary: "Take a place out of the catalogue today (SWV); it is kept for its history",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        response: { 200: ArrangementSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_arrangement");
      const current = await one(request.params.id, today(ctx));
      if (current.ended_on !== null) {
        throw new HttpProblem(
          409,
          `${current.name} is al uit de catalogus sinds ${current.ended_on}.`,
        );
      }
      await ctx.db.transaction(async (tx) => {
        await tx.orm
          .update(arrangements)
          .set({ endedOn: today(ctx) })
          .where(eq(arrangements.id, current.id));
        await recordSetupChange(tx.orm, allowed, {
          operation: "update_arrangement",
          resourceType: "arrangement",
          resourceId: current.id,
          context: { ended: today(ctx) },
        });
      });
      return one(current.id, today(ctx));
    },
  );
}

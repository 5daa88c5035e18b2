// The region's arrangements catalogue (issue 14 item 2; domain.md §6 "Arrangements and waiting
// lists"): the partnership (SWV) keeps the places — provider, kind, capacity — and ends a place
// that is no longer offered (never deleted: placements and waiting lists point at it). The list
// shows per place the places taken, free and the pupils waiting at a date, without naming them.
// Adding a place and putting a pupil on a list are the set-up services (src/services/
// region-setup.ts) the demo uses too.
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate as accessGate, may, pupilScopesOf } from "../../access/index.ts";
import { loadCatalogue } from "../../db/repositories/arrangements.ts";
import { pupilNamesOf } from "../../db/repositories/names.ts";
import { arrangements, waitingListEntries } from "../../db/schema/cases.ts";
import { freePlaces, occupiedPlaces, waitingList } from "../../domain/money/arrangements.ts";
import { addWaitingListEntry, createArrangement } from "../../services/region-setup.ts";
import type { HttpContext } from "../context.ts";
import { PupilId, RecordId, ShortText } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor, IsoDate, today } from "./cases-http.ts";
import {
  authorizeSetup,
  recordSetupChange,
  type SetupAuditAction,
  viaService,
} from "./setup-gate.ts";

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

const WaitingEntrySchema = z
  .object({
    position: z.int().describe("1 = waiting longest: the next place is offered first"),
    since: z.string(),
    left_on: z.string().nullable(),
    case_id: z.string().nullable(),
    pupil_id: z.string().nullable().describe("null: a pupil the user may not see"),
    pupil_name: z.string().nullable(),
  })
  .meta({ id: "WaitingListEntry" });

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
  const gate = (
    request: Parameters<typeof authorizeSetup>[0],
    operation: SetupAuditAction,
    read?: true,
  ) =>
    authorizeSetup(request, ctx, {
      action: "manage_arrangements",
      operation,
      resourceType: "arrangement",
      ...(read && { read }),
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
      // The catalogue names no pupil; its read is audited by the gate (issue 12).
      await gate(request, "list_arrangements", true);
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
      const id = await ctx.db.transaction((tx) => createArrangement(tx, allowed, request.body));
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

  // The waiting lists (domain.md §6): the partnership puts a pupil of a case it takes part in on
  // an arrangement's list and takes them off when placed or withdrawn. The list names only the
  // pupils the user may read (read_pupil: a participant of the pupil's case); the others keep
  // their place in the order without a name. Each named pupil's read is audited.
  async function pupilResource(pupilId: string) {
    const scope = (await pupilScopesOf(orm, [pupilId], today(ctx))).get(pupilId);
    return scope ? ({ kind: "pupil", pupil: scope } as const) : null;
  }

  api.get(
    "/api/arrangements/:id/waiting-list",
    {
      schema: {
        summary: "An arrangement's waiting list at a date, longest waiting first (SWV)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        querystring: z.object({ as_of: IsoDate.optional().describe("default: today") }),
        response: { 200: z.array(WaitingEntrySchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "list_arrangements");
      const asOf = request.query.as_of ?? today(ctx);
      const current = await one(request.params.id, asOf);
      const catalogue = await loadCatalogue(orm);
      const list = waitingList(current.id, catalogue.waiting, asOf);
      const actor = commandActor(request);
      const scopes = await pupilScopesOf(
        orm,
        list.map((e) => e.pupilId),
        today(ctx),
      );
      const visible = new Set(
        list
          .map((e) => e.pupilId)
          .filter((id) => {
            const scope = scopes.get(id);
            return (
              scope !== undefined && may(actor, "read_pupil", { kind: "pupil", pupil: scope }).ok
            );
          }),
      );
      const pupilNames = await pupilNamesOf(orm, [...visible]);
      for (const id of visible) {
        await recordSetupChange(orm, allowed, {
          operation: "list_arrangements",
          resourceType: "waiting_list",
          resourceId: current.id,
          pupilId: id,
        });
      }
      return list.map((e, i) => {
        const shown = visible.has(e.pupilId);
        return {
          position: i + 1,
          since: e.since,
          left_on: e.leftOn ?? null,
          case_id: shown ? (e.caseId ?? null) : null,
          pupil_id: shown ? e.pupilId : null,
          pupil_name: shown ? (pupilNames.get(e.pupilId) ?? "") : null,
        };
      });
    },
  );

  api.post(
    "/api/arrangements/:id/waiting-list",
    {
      schema: {
        summary: "Put a pupil on an arrangement's waiting list (SWV, a participant of the case)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: z.object({
          pupil_id: PupilId,
          since: IsoDate.optional().describe("default: today"),
          case_id: RecordId.optional(),
        }),
        response: { 201: ArrangementSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "add_waiting_list_entry");
      const current = await one(request.params.id, today(ctx));
      if (current.ended_on !== null) {
        throw new HttpProblem(
          409,
          `${current.name} is uit de catalogus sinds ${current.ended_on}.`,
        );
      }
      const b = request.body;
      const since = b.since ?? today(ctx);
      const actor = commandActor(request);
      const subject = {
        action: "add_waiting_list_entry",
        resourceType: "waiting_list",
        resourceId: current.id,
        pupilId: b.pupil_id,
      } as const;
      const resource = await pupilResource(b.pupil_id);
      // A pupil the user may not read answers like one that does not exist (and is audited).
      if (!resource || !may(actor, "read_pupil", resource).ok) {
        admitted(await accessGate(orm, actor, "read_pupil", resource, subject));
      }
      await viaService(() =>
        ctx.db.transaction((tx) =>
          addWaitingListEntry(tx, allowed, {
            arrangementId: current.id,
            pupilId: b.pupil_id,
            since,
            caseId: b.case_id,
          }),
        ),
      );
      reply.code(201);
      return one(current.id, today(ctx));
    },
  );

  api.post(
    "/api/arrangements/:id/waiting-list/:pupil_id/leave",
    {
      schema: {
        summary: "Take a pupil off an arrangement's waiting list today (placed or withdrawn; SWV)",
        tags: ["setup"],
        params: z.object({ id: RecordId, pupil_id: PupilId }),
        response: { 200: ArrangementSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await gate(request, "end_waiting_list_entry");
      const current = await one(request.params.id, today(ctx));
      const pupilId = request.params.pupil_id;
      const actor = commandActor(request);
      const subject = {
        action: "end_waiting_list_entry",
        resourceType: "waiting_list",
        resourceId: current.id,
        pupilId,
      } as const;
      const resource = await pupilResource(pupilId);
      const onList = (await loadCatalogue(orm)).waiting.some(
        (e) => e.arrangementId === current.id && e.pupilId === pupilId && !e.leftOn,
      );
      if (!resource || !onList || !may(actor, "read_pupil", resource).ok) {
        admitted(await accessGate(orm, actor, "read_pupil", onList ? resource : null, subject));
      }
      await ctx.db.transaction(async (tx) => {
        await tx.orm
          .update(waitingListEntries)
          .set({ leftOn: today(ctx) })
          .where(
            and(
              eq(waitingListEntries.arrangementId, current.id),
              eq(waitingListEntries.pupilId, pupilId),
              isNull(waitingListEntries.leftOn),
            ),
          );
        admitted(await accessGate(tx.orm, actor, "read_pupil", resource, subject));
      });
      return one(current.id, today(ctx));
    },
  );
}

// Placements in the arrangements catalogue (issue 14 item 2; domain.md §6): the partnership (SWV)
// records that a pupil of a case it takes part in takes a place from a date — which takes the
// pupil off that place's waiting list — and corrects or sets its end. The list names only pupils
// the user may read (read_pupil); the others are counted without a name. Every named read and
// every change is audited with the pupil's id (services/placements.ts writes the change's row).
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate as accessGate, may, pupilScopesOf } from "../../access/index.ts";
import { loadCatalogue } from "../../db/repositories/arrangements.ts";
import { pupilNamesOf } from "../../db/repositories/names.ts";
import type { Placement } from "../../domain/money/arrangements.ts";
import { changePlacementEnd, recordPlacement } from "../../services/placements.ts";
import type { HttpContext } from "../context.ts";
import { PupilId, RecordId } from "../input-schemas.ts";
import { notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor, IsoDate, today } from "./cases-http.ts";
import { authorizeSetup, recordSetupChange, viaService } from "./setup-gate.ts";

const PlacementSchema = z
  .object({
    arrangement_id: z.string(),
    pupil_id: z.string().nullable().describe("null: a pupil the user may not see"),
    pupil_name: z.string().nullable(),
    start_date: IsoDate,
    end_date: IsoDate.nullable(),
    active: z.boolean().describe("holds a place at the date asked"),
  })
  .meta({ id: "Placement" });

const Key = z.object({ id: RecordId, pupil_id: PupilId, start_date: IsoDate });

export function registerPlacementSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;
  const gate = (
    request: FastifyRequest,
    operation: "list_placements" | "record_placement" | "update_placement",
  ) =>
    authorizeSetup(request, ctx, {
      action: "manage_arrangements",
      operation,
      resourceType: "placement",
    });

  /** The pupil's read is allowed, or the request ends as 404 like an unknown pupil (audited). */
  async function readablePupil(
    request: FastifyRequest,
    pupilId: string,
    subject: { action: "record_placement" | "update_placement"; resourceId: string },
  ) {
    const actor = commandActor(request);
    const scope = (await pupilScopesOf(orm, [pupilId], today(ctx))).get(pupilId);
    const resource = scope ? ({ kind: "pupil", pupil: scope } as const) : null;
    if (!resource || !may(actor, "read_pupil", resource).ok) {
      admitted(
        await accessGate(orm, actor, "read_pupil", resource, {
          ...subject,
          resourceType: "placement",
          pupilId,
        }),
      );
    }
  }

  async function present(request: FastifyRequest, placements: Placement[], asOf: string) {
    const actor = commandActor(request);
    const ids = [...new Set(placements.map((p) => p.pupilId))];
    const scopes = await pupilScopesOf(orm, ids, today(ctx));
    const visible = new Set(
      ids.filter((id) => {
        const scope = scopes.get(id);
        return scope !== undefined && may(actor, "read_pupil", { kind: "pupil", pupil: scope }).ok;
      }),
    );
    const names = await pupilNamesOf(orm, [...visible]);
    return {
      visible,
      rows: placements.map((p) => {
        const shown = visible.has(p.pupilId);
        return {
          arrangement_id: p.arrangementId,
          pupil_id: shown ? p.pupilId : null,
          pupil_name: shown ? (names.get(p.pupilId) ?? "") : null,
          start_date: p.startDate,
          end_date: p.endDate ?? null,
          active: p.startDate <= asOf && (p.endDate === undefined || p.endDate >= asOf),
        };
      }),
    };
  }

  async function placementsOf(arrangementId: string) {
    const catalogue = await loadCatalogue(orm);
    if (!catalogue.arrangements.some((a) => a.id === arrangementId)) return undefined;
    return catalogue.placements
      .filter((p) => p.arrangementId === arrangementId)
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.pupilId.localeCompare(b.pupilId));
  }

  async function one(request: FastifyRequest, key: z.infer<typeof Key>) {
    const list = (await placementsOf(key.id)) ?? [];
    const found = list.filter((p) => p.pupilId === key.pupil_id && p.startDate === key.start_date);
    const [row] = (await present(request, found, today(ctx))).rows;
    return row!;
  }

  api.get(
    "/api/arrangements/:id/placements",
    {
      schema: {
        summary: "An arrangement's placements, newest first, and who holds a place at a date (SWV)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        querystring: z.object({ as_of: IsoDate.optional().describe("default: today") }),
        response: { 200: z.array(PlacementSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "list_placements");
      const list = await placementsOf(request.params.id);
      if (!list) throw notFound("Geen arrangement met deze id.");
      const { rows, visible } = await present(request, list, request.query.as_of ?? today(ctx));
      for (const pupilId of visible) {
        await recordSetupChange(orm, allowed, {
          operation: "list_placements",
          resourceType: "placement",
          resourceId: request.params.id,
          pupilId,
        });
      }
      return rows;
    },
  );

  api.post(
    "/api/arrangements/:id/placements",
    {
      schema: {
        summary:
          "Record that a pupil takes a place from a date (SWV); takes them off its waiting list",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: z.object({
          pupil_id: PupilId,
          start_date: IsoDate,
          end_date: IsoDate.nullable().optional().describe("empty: the placement runs on"),
        }),
        response: { 201: PlacementSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "record_placement");
      const b = request.body;
      await readablePupil(request, b.pupil_id, {
        action: "record_placement",
        resourceId: request.params.id,
      });
      await viaService(() =>
        ctx.db.transaction((tx) =>
          recordPlacement(tx, allowed, {
            arrangementId: request.params.id,
            pupilId: b.pupil_id,
            startDate: b.start_date,
            ...(b.end_date ? { endDate: b.end_date } : {}),
          }),
        ),
      );
      reply.code(201);
      return one(request, {
        id: request.params.id,
        pupil_id: b.pupil_id,
        start_date: b.start_date,
      });
    },
  );

  api.patch(
    "/api/arrangements/:id/placements/:pupil_id/:start_date",
    {
      schema: {
        summary: "Correct or set a placement's end date; null: it runs on (SWV)",
        tags: ["setup"],
        params: Key,
        body: z.object({ end_date: IsoDate.nullable() }),
        response: { 200: PlacementSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_placement");
      const p = request.params;
      await readablePupil(request, p.pupil_id, { action: "update_placement", resourceId: p.id });
      await viaService(() =>
        ctx.db.transaction((tx) =>
          changePlacementEnd(
            tx,
            allowed,
            { arrangementId: p.id, pupilId: p.pupil_id, startDate: p.start_date },
            request.body.end_date,
          ),
        ),
      );
      return one(request, p);
    },
  );
}

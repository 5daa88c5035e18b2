// GET and POST /api/pupils/{pupil_id}/sick-observations: SICK_NOTABLE recorded by hand
// (domain.md §4, seed 002 criterion 4; src/domain/signals/sick-observation.ts). The mentor or
// care coordinator of the pupil's school records an observation of notable sickness (a short
// note, no medical details: those stay with the youth doctor, §2); the school's staff read their
// school's observations. The observation raises SICK_NOTABLE in GET /api/signals. A pupil one may
// not read answers 404 like one that does not exist; every read and attempt is audited
// (src/commands/record-sick-observation.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  readSickObservations,
  recordSickObservation,
} from "../../commands/record-sick-observation.ts";
import type { StoredSickObservation } from "../../db/repositories/sick-observations.ts";
import { SICK_OBSERVATION_NOTE_MAX } from "../../domain/signals/sick-observation.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import { forbidden, notFound, problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, requireLogin, today } from "./cases-http.ts";

export const SickObservationSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    school_id: z.string(),
    recorded_on: z.iso.date().describe("the day of the observation"),
    end_date: z.iso.date().nullable().describe("the last day it holds; null while it lasts"),
    note: z.string().describe("what the school observed; no medical details"),
    recorded_by: z.string(),
  })
  .meta({ id: "SickObservation" });

const SickObservationsSchema = z
  .object({
    observations: z.array(SickObservationSchema),
    may_record: z.boolean().describe("whether this user may record an observation for the pupil"),
  })
  .meta({ id: "SickObservations" });

const SickObservationInput = z
  .object({
    recorded_on: IsoDate.optional().describe("default: today; not in the future"),
    end_date: IsoDate.nullish(),
    note: z
      .string()
      .trim()
      .min(1, "beschrijf wat is opgevallen")
      .max(SICK_OBSERVATION_NOTE_MAX, `hoogstens ${SICK_OBSERVATION_NOTE_MAX} tekens`),
  })
  .strict();

function present(o: StoredSickObservation): z.infer<typeof SickObservationSchema> {
  return {
    id: o.id,
    pupil_id: o.pupilId,
    school_id: o.schoolId,
    recorded_on: o.recordedOn,
    end_date: o.endDate,
    note: o.note,
    recorded_by: o.recordedBy,
  };
}

export function registerPupilSickObservationRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/api/pupils/:pupil_id/sick-observations",
    {
      schema: {
        summary:
          "The school's observations of notable sickness (SICK_NOTABLE) for one pupil, newest first",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        response: { 200: SickObservationsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const result = await readSickObservations(
        ctx.db,
        commandActor(request),
        request.params.pupil_id,
        today(ctx),
      );
      if (!result.ok) {
        if (result.error === "forbidden") throw forbidden(result.message);
        throw notFound();
      }
      return { observations: result.observations.map(present), may_record: result.mayRecord };
    },
  );

  typed.post(
    "/api/pupils/:pupil_id/sick-observations",
    {
      onRequest: requireLogin,
      schema: {
        summary:
          "Records an observation of notable sickness (SICK_NOTABLE, by hand) for a pupil of the " +
          "user's school: the mentor or the care coordinator; a short note without medical details",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        body: SickObservationInput,
        response: { 201: SickObservationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const day = today(ctx);
      const result = await recordSickObservation(
        ctx.db,
        commandActor(request),
        request.params.pupil_id,
        { recordedOn: body.recorded_on ?? day, endDate: body.end_date ?? null, note: body.note },
        day,
      );
      if (!result.ok) {
        if (result.error === "not_found") throw notFound();
        if (result.error === "forbidden") throw forbidden(result.message);
        throw problem(`sick-observation-${kebab(result.error)}`, result.message);
      }
      return reply.code(201).send(present(result.observation));
    },
  );
}

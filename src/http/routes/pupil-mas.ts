// GET and POST /api/pupils/{pupil_id}/mas-steps: leerplicht's procedure (MAS, Methodische Aanpak
// Schoolverzuim; src/domain/leerplicht/mas.ts). The attendance officer of the pupil's municipality
// of residence records the steps, with or without a case; leerplicht and the case director of the
// pupil's open case read them. A pupil one may not read answers 404 like one that does not exist;
// every read and every attempt is audited (src/commands/record-mas-step.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readMasSteps, recordMasStep } from "../../commands/record-mas-step.ts";
import type { StoredMasStep } from "../../db/repositories/mas-steps.ts";
import { MAS_OUTCOMES, MAS_ROUTES, MAS_STEP_KINDS } from "../../domain/leerplicht/mas.ts";
import type { HttpContext } from "../context.ts";
import { LongText, PupilId, RecordId, ShortText } from "../input-schemas.ts";
import { forbidden, notFound, problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, requireLogin, today } from "./cases-http.ts";

export const MasStepSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    kind: z.enum(MAS_STEP_KINDS),
    date: z.iso.date(),
    route: z.enum(MAS_ROUTES).nullable().describe("official_report: civil or criminal"),
    outcome: z.enum(MAS_OUTCOMES).nullable().describe("outcome: how the procedure ended"),
    organisation: z.string().nullable().describe("care_referral: the organisation referred to"),
    note: z.string().nullable(),
    case_id: z.string().nullable().describe("the pupil's case at the time, if there was one"),
    duo_report_id: z.string().nullable().describe("the DUO report the procedure followed"),
    recorded_by: z.string(),
  })
  .meta({ id: "MasStep" });

const MasStepsSchema = z
  .object({
    steps: z.array(MasStepSchema),
    may_record: z.boolean().describe("whether this user may record a step for the pupil"),
  })
  .meta({ id: "MasSteps" });

const MasStepInput = z
  .object({
    kind: z.enum(MAS_STEP_KINDS),
    date: IsoDate,
    route: z.enum(MAS_ROUTES).nullish(),
    outcome: z.enum(MAS_OUTCOMES).nullish(),
    organisation: ShortText.nullish(),
    note: LongText.nullish(),
    duo_report_id: RecordId.nullish(),
  })
  .strict();

export function presentMasStep(s: StoredMasStep): z.infer<typeof MasStepSchema> {
  return {
    id: s.id,
    pupil_id: s.pupilId,
    kind: s.kind,
    date: s.date,
    route: s.route,
    outcome: s.outcome,
    organisation: s.organisation,
    note: s.note,
    case_id: s.caseId,
    duo_report_id: s.duoReportId,
    recorded_by: s.recordedBy,
  };
}

export function registerPupilMasRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/pupils/:pupil_id/mas-steps",
    {
      schema: {
        summary: "Leerplicht's procedure (MAS) for one pupil: the steps recorded",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        response: { 200: MasStepsSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const result = await readMasSteps(
        ctx.db,
        commandActor(request),
        request.params.pupil_id,
        today(ctx),
      );
      if (!result.ok) throw notFound();
      return { steps: result.steps.map(presentMasStep), may_record: result.mayRecord };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/pupils/:pupil_id/mas-steps",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Records a step of leerplicht's procedure (MAS) for one pupil",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        body: MasStepInput,
        response: { 201: MasStepSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await recordMasStep(
        ctx.db,
        commandActor(request),
        request.params.pupil_id,
        {
          kind: body.kind,
          date: body.date,
          route: body.route ?? null,
          outcome: body.outcome ?? null,
          organisation: body.organisation ?? null,
          note: body.note ?? null,
          duoReportId: body.duo_report_id ?? null,
        },
        today(ctx),
      );
      if (!result.ok) {
        if (result.error === "not_found") throw notFound();
        if (result.error === "forbidden") throw forbidden(result.message);
        throw problem(`mas-${kebab(result.error)}`, result.message);
      }
      return reply.code(201).send(presentMasStep(result.step));
    },
  );
}

// Requests of data subjects (AVG art. 15–17, 21; issue 18 part 2), for the privacy officer only:
//   GET  /api/privacy/requests                 the log: open first (earliest due), then closed
//   POST /api/privacy/requests                 register one (the pupil by id, or found by BSN)
//   GET  /api/privacy/requests/{id}            one request with every step
//   POST /api/privacy/requests/{id}/steps      record a step of its handling (note, rectified, …)
//   POST /api/privacy/requests/{id}/close      close it: completed or refused, with the outcome
//   GET  /api/privacy/requests/{id}/export     the access export (ZIP), logged as a step
//   POST /api/privacy/requests/{id}/erase      erasure where the law allows, confirmed by the id
// Every call is audited (the pupil's id where the request names one) and every step is a row of
// subject_request_steps. A BSN given to find the pupil is hashed with the region key and never
// stored or logged.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AuditSubject } from "../../access/audit-event.ts";
import { gate } from "../../access/index.ts";
import { currentRegionSettings } from "../../db/repositories/region-settings.ts";
import { domainToday } from "../../db/repositories/settings.ts";
import {
  erasureRefusal,
  MANUAL_STEPS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_STEPS,
  REQUESTERS,
  stepsFor,
} from "../../domain/privacy/requests.ts";
import { isProbablyBsn } from "../../import/row-reader.ts";
import { bsnHash, regionKey } from "../../services/region-key.ts";
import { collectSubjectData } from "../../services/subject-access.ts";
import { subjectAccessZip } from "../../services/subject-access-export.ts";
import {
  closeSubjectRequest,
  eraseForRequest,
  erasureFacts,
  getSubjectRequest,
  listSubjectRequests,
  recordRequestStep,
  registerSubjectRequest,
  type SubjectRequestRow,
} from "../../services/subject-requests.ts";
import type { HttpContext } from "../context.ts";
import { LongText, PupilId } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

const StepSchema = z.object({
  id: z.number().int(),
  step: z.enum(REQUEST_STEPS),
  note: z.string().nullable(),
  by: z.string().nullable().describe("the account's e-mail address"),
  at: z.iso.datetime(),
});

export const SubjectRequestSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(REQUEST_KINDS),
    pupil_id: z.string().nullable().describe("null once the pupil's data was erased"),
    requester: z.enum(REQUESTERS),
    received_on: z.iso.date(),
    due_on: z.iso.date().describe("one month after receipt (AVG art. 12(3))"),
    status: z.enum(REQUEST_STATUSES),
    outcome: z.string().nullable(),
    closed_on: z.iso.date().nullable(),
    steps: z.array(StepSchema),
    may_record: z.array(z.enum(MANUAL_STEPS)).describe("the steps that fit the request's kind"),
    erasure_refusal: z
      .string()
      .nullable()
      .describe("for an open erasure request: why the law keeps the data, or null when it may go"),
  })
  .meta({ id: "SubjectRequest" });

const SubjectRequestListSchema = z
  .object({ requests: z.array(SubjectRequestSchema) })
  .meta({ id: "SubjectRequestList" });

const NewRequestSchema = z
  .object({
    kind: z.enum(REQUEST_KINDS),
    requester: z.enum(REQUESTERS),
    received_on: z.iso.date(),
    pupil_id: PupilId.optional(),
    bsn: z
      .string()
      .regex(/^\d{9}$/, "negen cijfers")
      .optional()
      .describe("instead of pupil_id: found by its keyed hash, never stored"),
    note: LongText.optional(),
  })
  .meta({ id: "NewSubjectRequest" });

const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

type Presented = z.infer<typeof SubjectRequestSchema>;

async function present(ctx: HttpContext, r: SubjectRequestRow, today: string): Promise<Presented> {
  const refusal =
    r.kind === "erasure" && r.status === "open" && r.pupilId !== null
      ? erasureRefusal(await erasureFacts(ctx.db.sql, r.pupilId, today))
      : null;
  return {
    id: r.id,
    kind: r.kind,
    pupil_id: r.pupilId,
    requester: r.requester,
    received_on: r.receivedOn,
    due_on: r.dueOn,
    status: r.status,
    outcome: r.outcome,
    closed_on: r.closedOn,
    steps: r.steps.map((s) => ({
      id: s.id,
      step: s.step,
      note: s.note,
      by: s.byEmail,
      at: s.at,
    })),
    may_record: r.status === "open" ? [...stepsFor(r.kind)] : [],
    erasure_refusal: refusal,
  };
}

const notFoundRequest = () => notFound("Er is geen verzoek met dit nummer.");

export function registerPrivacyRequestRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const pass = async (
    request: FastifyRequest,
    audit: AuditSubject,
    action: "handle_subject_requests" | "export_subject_data" = "handle_subject_requests",
  ) => {
    const verdict = admitted(
      await gate(ctx.db.orm, commandActor(request), action, { kind: "audit_log" }, audit),
    );
    return verdict;
  };
  const userOf = (request: FastifyRequest) => commandActor(request).userId;

  /** The request, after the gate (audited with its pupil); 404 when there is none. */
  const load = async (
    request: FastifyRequest,
    id: number,
    action: Extract<AuditSubject, { resourceType: "subject_request" }>["action"],
  ): Promise<SubjectRequestRow> => {
    const found = await getSubjectRequest(ctx.db.sql, id);
    await pass(request, {
      action,
      resourceType: "subject_request",
      resourceId: String(id),
      pupilId: found?.pupilId ?? null,
    });
    if (!found) throw notFoundRequest();
    return found;
  };

  api.get(
    "/api/privacy/requests",
    {
      schema: {
        summary: "The log of data subjects' requests (AVG art. 15–17, 21)",
        tags: ["privacy"],
        querystring: z.object({ pupil_id: PupilId.optional() }),
        response: { 200: SubjectRequestListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const pupilId = request.query.pupil_id;
      await pass(request, {
        action: "list_subject_requests",
        resourceType: "subject_request",
        resourceId: null,
        pupilId: pupilId ?? null,
      });
      const today = await domainToday(ctx.db.orm);
      const rows = await listSubjectRequests(ctx.db.sql, pupilId ? { pupilId } : {});
      return { requests: await Promise.all(rows.map((r) => present(ctx, r, today))) };
    },
  );

  api.post(
    "/api/privacy/requests",
    {
      schema: {
        summary: "Register a request of a data subject",
        tags: ["privacy"],
        body: NewRequestSchema,
        response: { 201: SubjectRequestSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if ((body.pupil_id === undefined) === (body.bsn === undefined)) {
        throw new HttpProblem(
          400,
          "Geef het leerlingnummer óf het BSN van de leerling (precies één van de twee).",
        );
      }
      let pupilId = body.pupil_id ?? null;
      if (body.bsn !== undefined) {
        if (!isProbablyBsn(body.bsn)) {
          throw new HttpProblem(
            400,
            "Het BSN klopt niet (de elfproef faalt). Controleer de negen cijfers.",
          );
        }
        const key = await regionKey(ctx.db.sql);
        const [match] = await ctx.db.sql.query<{ pupil_id: string }>(
          "select pupil_id from pupils where bsn_hash = $1",
          [bsnHash(key, body.bsn)],
        );
        pupilId = match?.pupil_id ?? null;
      }
      await pass(request, {
        action: "register_subject_request",
        resourceType: "subject_request",
        resourceId: null,
        pupilId,
      });
      if (pupilId === null) {
        throw notFound(
          "Er is geen leerling met dit BSN. Controleer het nummer, of zoek de leerling op leerlingnummer.",
        );
      }
      const [pupil] = await ctx.db.sql.query("select 1 from pupils where pupil_id = $1", [pupilId]);
      if (!pupil) throw notFound("Er is geen leerling met dit leerlingnummer.");
      const id = await registerSubjectRequest(
        ctx.db,
        {
          kind: body.kind,
          pupilId,
          requester: body.requester,
          receivedOn: body.received_on,
          note: body.note?.trim() || null,
        },
        userOf(request),
      );
      const created = await getSubjectRequest(ctx.db.sql, id);
      if (!created) throw notFoundRequest();
      reply.code(201);
      return present(ctx, created, await domainToday(ctx.db.orm));
    },
  );

  api.get(
    "/api/privacy/requests/:id",
    {
      schema: {
        summary: "One request of a data subject, with every step of its handling",
        tags: ["privacy"],
        params: IdParams,
        response: { 200: SubjectRequestSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await load(request, request.params.id, "read_subject_request");
      return present(ctx, found, await domainToday(ctx.db.orm));
    },
  );

  api.post(
    "/api/privacy/requests/:id/steps",
    {
      schema: {
        summary: "Record a step of a request's handling",
        tags: ["privacy"],
        params: IdParams,
        body: z.object({ step: z.enum(MANUAL_STEPS), note: LongText.min(1, "leeg") }),
        response: { 200: SubjectRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await load(request, request.params.id, "record_subject_request_step");
      if (found.status !== "open") {
        throw new HttpProblem(409, "Dit verzoek is al afgehandeld; er kan geen stap meer bij.");
      }
      if (!stepsFor(found.kind).includes(request.body.step)) {
        throw new HttpProblem(409, "Deze stap past niet bij dit soort verzoek.");
      }
      const note = request.body.note.trim();
      if (note === "") throw new HttpProblem(400, "Beschrijf de stap in de toelichting.");
      await recordRequestStep(ctx.db, found.id, request.body.step, note, userOf(request));
      const after = await getSubjectRequest(ctx.db.sql, found.id);
      if (!after) throw notFoundRequest();
      return present(ctx, after, await domainToday(ctx.db.orm));
    },
  );

  api.post(
    "/api/privacy/requests/:id/close",
    {
      schema: {
        summary: "Close a request: completed or refused, with the outcome told to the requester",
        tags: ["privacy"],
        params: IdParams,
        body: z.object({
          status: z.enum(["completed", "refused"]),
          outcome: LongText.min(1, "leeg"),
        }),
        response: { 200: SubjectRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await load(request, request.params.id, "close_subject_request");
      if (found.status !== "open") throw new HttpProblem(409, "Dit verzoek is al afgehandeld.");
      const outcome = request.body.outcome.trim();
      if (outcome === "") throw new HttpProblem(400, "Beschrijf de uitkomst van het verzoek.");
      const today = await domainToday(ctx.db.orm);
      await closeSubjectRequest(
        ctx.db,
        found.id,
        { status: request.body.status, outcome, closedOn: today },
        userOf(request),
      );
      const after = await getSubjectRequest(ctx.db.sql, found.id);
      if (!after) throw notFoundRequest();
      return present(ctx, after, today);
    },
  );

  api.get(
    "/api/privacy/requests/:id/export",
    {
      schema: {
        summary: "The access export (AVG art. 15) of the request's pupil, as a ZIP",
        tags: ["privacy"],
        params: IdParams,
        produces: ["application/zip"],
        response: {
          200: z.string().meta({ format: "binary", description: "The ZIP file" }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const found = await getSubjectRequest(ctx.db.sql, request.params.id);
      if (!found || found.pupilId === null) {
        // Nothing to export: audited as a read of the request, then 404.
        await load(request, request.params.id, "read_subject_request");
        throw notFound("De gegevens van deze leerling zijn gewist; er is niets meer te tonen.");
      }
      await pass(
        request,
        {
          action: "export_subject_data",
          resourceType: "pupil",
          resourceId: found.pupilId,
          pupilId: found.pupilId,
        },
        "export_subject_data",
      );
      const data = await collectSubjectData(ctx.db.sql, found.pupilId);
      if (!data) throw notFound("Er is geen leerling met dit leerlingnummer.");
      const madeOn = await domainToday(ctx.db.orm);
      const region = await currentRegionSettings(ctx.db.orm, ctx.db.sql);
      const zip = subjectAccessZip(data, region.name, madeOn);
      await recordRequestStep(
        ctx.db,
        found.id,
        "exported",
        `Inzage-export gemaakt (${Object.keys(data.tables).length} soorten gegevens).`,
        userOf(request),
      );
      return reply
        .type("application/zip")
        .header(
          "content-disposition",
          `attachment; filename="aanwezig-inzage-${found.pupilId}-${madeOn}.zip"`,
        )
        .send(Buffer.from(zip) as unknown as string);
    },
  );

  api.post(
    "/api/privacy/requests/:id/erase",
    {
      schema: {
        summary: "Erase the request's pupil where the law allows (AVG art. 17)",
        description:
          "The same procedure as retention, for one pupil: a tombstone and a run remain. " +
          "confirm_pupil_id must repeat the pupil's id.",
        tags: ["privacy"],
        params: IdParams,
        body: z.object({ confirm_pupil_id: z.string().max(64) }),
        response: { 200: SubjectRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await load(request, request.params.id, "erase_subject_data");
      if (found.pupilId !== null && request.body.confirm_pupil_id.trim() !== found.pupilId) {
        throw new HttpProblem(
          400,
          "De bevestiging klopt niet: typ het leerlingnummer van het verzoek over om te wissen.",
        );
      }
      const today = await domainToday(ctx.db.orm);
      const outcome = await eraseForRequest(ctx.db, found, today, userOf(request));
      if (!outcome.ok) throw new HttpProblem(409, outcome.reason);
      const after = await getSubjectRequest(ctx.db.sql, found.id);
      if (!after) throw notFoundRequest();
      return present(ctx, after, today);
    },
  );
}

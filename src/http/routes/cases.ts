// GET /api/cases and GET /api/cases/{id} (interfaces.md), POST /api/cases (open a case) and
// the document download. Reads go through src/access like the commands: every case read is
// audited, a case the user may not see answers 404 exactly like one that does not exist, and the
// list is scoped first (scopeCases) so only the cases the user may see are loaded in detail.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  caseResource,
  documentResource,
  gate,
  loadPupilFacts,
  may,
  pupilScope,
  scopeCases,
} from "../../access/index.ts";
import { allowedCaseCommands } from "../../commands/allowed-actions.ts";
import { openCaseCommand } from "../../commands/open-case.ts";
import { loadCase } from "../../db/repositories/cases.ts";
import { loadCaseView } from "../../db/repositories/cases-view.ts";
import { loadDocument } from "../../db/repositories/documents.ts";
import { personNamesOf } from "../../db/repositories/names.ts";
import { ROLE_CODES } from "../../domain/policy/roles.ts";
import { involvesAuthorizedAbsence } from "../../domain/signals/authorized-absence.ts";
import type { SignalCode } from "../../domain/signals/types.ts";
import { linkSignalsToCases } from "../../services/signal-state-handling.ts";
import type { HttpContext } from "../context.ts";
import { LongText, PupilId, RecordId, SchoolId } from "../input-schemas.ts";
import {
  CaseDetailSchema,
  CaseSummarySchema,
  presentCaseDetail,
  presentCaseSummary,
} from "../presenters/case.ts";
import { notFound, problem, problemResponses } from "../problem.ts";
import { caseCommandRoutes } from "./cases-command-route.ts";
import { CaseParams, commandActor, IsoDate, requireLogin, today, unwrap } from "./cases-http.ts";

const OpenCaseBody = z
  .object({
    pupil_id: PupilId,
    school_id: SchoolId.optional(),
    absence_start_date: IsoDate,
    absence_started_sick: z.boolean().optional(),
    clock_mode: z.enum(["lesweken", "calendar_weeks"]).optional(),
    reason: LongText.optional().describe("required when opened by hand"),
    signal_ids: z.array(RecordId).max(50).optional(),
  })
  .meta({ id: "OpenCase" });

export function registerCaseRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/cases",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Cases the user may see, with phase, clock, next deadline and 3-month status",
        tags: ["cases"],
        response: { 200: z.array(CaseSummarySchema), ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const asOf = today(ctx);
      // Scoped first: the queries to decide do not grow with the region's cases, and details
      // are loaded only for the cases shown (each audited as a list read).
      const visible = await scopeCases(ctx.db.orm, actor, "read_case", { today: asOf });
      const body = [];
      for (const { case: c, facts: f } of visible) {
        const view = await loadCaseView(ctx.db.orm, c, f.pupil, f.consent);
        if (view) body.push(presentCaseSummary(view, asOf));
      }
      return body;
    },
  );

  api.get(
    "/api/cases/:id",
    {
      onRequest: requireLogin,
      schema: {
        summary:
          "One case: phase, clock, deadlines, plan, participants, consent, documents, budget",
        tags: ["cases"],
        params: CaseParams,
        response: { 200: CaseDetailSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const asOf = today(ctx);
      const c = await loadCase(ctx.db.orm, request.params.id);
      const f = c && (await loadPupilFacts(ctx.db.orm, c.pupilId));
      if (!c || !f) throw notFound();
      const grant = await gate(ctx.db.orm, actor, "read_case", caseResource(c, f, asOf), {
        action: "read_case",
        resourceType: "case",
        resourceId: c.id,
        pupilId: c.pupilId,
      });
      if (!grant.ok) throw notFound();
      const view = await loadCaseView(ctx.db.orm, c, f.pupil, f.consent);
      if (!view) throw notFound();
      // What the screen shows and offers inside the case: decided, not audited (the read was).
      const allowed = new Set(allowedCaseCommands(actor, view, f, asOf));
      const pupil = { kind: "pupil", pupil: pupilScope(f, asOf, c.schoolId) } as const;
      const seesAuthorizedAbsence = may(actor, "read_attendance_authorized", pupil).ok;
      const personNames = await personNamesOf(
        ctx.db.orm,
        c.participants.map((p) => p.personId),
      );
      return presentCaseDetail(view, asOf, {
        personNames,
        // A signal id starts with its code ("SICK_LONG:12"); without attributes a
        // LONG_TERM_ABSENT counts as resting on authorized absence.
        canSeeSignal: (signalId) =>
          seesAuthorizedAbsence ||
          !involvesAuthorizedAbsence({
            code: signalId.split(":")[0] as SignalCode,
            attributes: {},
          }),
        canReadDocument: (visibility) =>
          may(actor, "read_document", documentResource(c, f, asOf, visibility)).ok,
        // A parent who is also a professional of the case sees it as the professional.
        audience: may(
          actor,
          "read_case",
          caseResource(c, f, asOf),
          ROLE_CODES.filter((r) => r !== "parent"),
        ).ok
          ? "professional"
          : "parent",
        allowedActions: caseCommandRoutes(ctx)
          .filter((route) => allowed.has(route.command))
          .map((route) => route.name),
      });
    },
  );

  api.post(
    "/api/cases",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Open a case from signals or by hand (the opener becomes the case owner)",
        tags: ["cases"],
        body: OpenCaseBody,
        response: { 201: CaseSummarySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const asOf = today(ctx);
      const actor = commandActor(request);
      const result = await openCaseCommand(
        ctx.db,
        actor,
        {
          pupilId: body.pupil_id,
          ...(body.school_id ? { schoolId: body.school_id } : {}),
          opening: body.signal_ids?.length
            ? { kind: "signals", signalIds: body.signal_ids }
            : { kind: "by_hand", reason: body.reason ?? "" },
          absenceStartDate: body.absence_start_date,
          absenceStartedSick: body.absence_started_sick ?? false,
          ...(body.clock_mode ? { clockMode: body.clock_mode } : {}),
        },
        asOf,
      );
      if (!result.ok && "existingCaseId" in result) {
        throw problem("case-already-open", result.message, {
          extensions: { existing_case_id: result.existingCaseId },
        });
      }
      const opened = unwrap(result);
      // The signals it was opened from are handled now, not at the next daily run: they leave
      // the worklists' new signals the moment their case exists.
      if (body.signal_ids?.length) {
        await linkSignalsToCases(ctx.db, asOf, actor.userId, opened.case.id);
      }
      const f = await loadPupilFacts(ctx.db.orm, opened.case.pupilId);
      const view = f && (await loadCaseView(ctx.db.orm, opened.case, f.pupil, f.consent));
      if (!view) throw notFound();
      reply.code(201);
      return presentCaseSummary(view, asOf);
    },
  );

  api.get(
    "/api/cases/:id/documents/:document_id",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Download a case document the user may read (audited)",
        tags: ["cases"],
        params: CaseParams.extend({ document_id: RecordId }),
        produces: ["application/octet-stream"],
        response: {
          // Sent as the stored bytes with the document's own content type; never serialised.
          200: z
            .string()
            .meta({ format: "binary", description: "The file, with its own content type" }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const actor = commandActor(request);
      const asOf = today(ctx);
      const c = await loadCase(ctx.db.orm, request.params.id);
      const f = c && (await loadPupilFacts(ctx.db.orm, c.pupilId));
      const doc = c && (await loadDocument(ctx.db.orm, c.id, request.params.document_id));
      if (!c || !f || !doc) throw notFound();
      const grant = await gate(
        ctx.db.orm,
        actor,
        "read_document",
        documentResource(c, f, asOf, doc.visibility),
        {
          action: "read_document",
          resourceType: "document",
          resourceId: doc.id,
          pupilId: c.pupilId,
          context: { caseId: c.id },
        },
      );
      if (!grant.ok) throw notFound();
      reply
        .type(doc.mimeType)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(doc.name)}"`)
        .header("x-content-type-options", "nosniff")
        // An uploaded file is never run as a page of this origin, whatever type it claims.
        .header("content-security-policy", "default-src 'none'; sandbox");
      // A Buffer is sent as it is (Fastify serialises no Buffer); the schema only documents it.
      return reply.send(doc.content as unknown as string);
    },
  );
}

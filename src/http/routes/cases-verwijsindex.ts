// GET/POST /api/cases/{id}/verwijsindex and GET /api/cases/{id}/verwijsindex.csv: the case
// director records that the pupil was reported to the regional reference index (Verwijsindex
// risicojongeren) and exports the fields the index needs. Nothing is sent anywhere
// (src/commands/record-verwijsindex.ts; audited through src/access).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  readVerwijsindex,
  recordVerwijsindexReport,
  type StoredVerwijsindexReport,
} from "../../commands/record-verwijsindex.ts";
import { VERWIJSINDEX_COLUMNS } from "../../domain/cases/verwijsindex.ts";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import type { HttpContext } from "../context.ts";
import { ShortText } from "../input-schemas.ts";
import { forbidden, notFound, problem, problemResponses } from "../problem.ts";
import { CaseParams, commandActor, IsoDate, requireLogin, today } from "./cases-http.ts";

const ReportSchema = z
  .object({
    id: z.string(),
    case_id: z.string(),
    pupil_id: z.string(),
    reported_on: z.iso.date(),
    reported_by: z.string(),
    organisation: z.string(),
    recorded_by: z.string(),
  })
  .meta({ id: "VerwijsindexReport" });

const ReportsSchema = z
  .object({ reports: z.array(ReportSchema), may_record: z.boolean() })
  .meta({ id: "VerwijsindexReports" });

const present = (r: StoredVerwijsindexReport): z.infer<typeof ReportSchema> => ({
  id: r.id,
  case_id: r.caseId,
  pupil_id: r.pupilId,
  reported_on: r.reportedOn,
  reported_by: r.reportedBy,
  organisation: r.organisation,
  recorded_by: r.recordedBy,
});

function refused(result: { ok: false; error: string; message: string }): never {
  if (result.error === "not_found") throw notFound();
  if (result.error === "forbidden") throw forbidden(result.message);
  throw problem("invalid-date", result.message);
}

export function registerCaseVerwijsindexRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/api/cases/:id/verwijsindex",
    {
      schema: {
        summary: "The case's reports to the regional reference index (Verwijsindex)",
        tags: ["cases"],
        params: CaseParams,
        response: { 200: ReportsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const result = await readVerwijsindex(
        ctx.db,
        commandActor(request),
        request.params.id,
        today(ctx),
        "read",
      );
      if (!result.ok) refused(result);
      return { reports: result.reports.map(present), may_record: result.mayRecord };
    },
  );

  typed.get(
    "/api/cases/:id/verwijsindex.csv",
    {
      schema: {
        summary: "The fields the reference index needs, as CSV (nothing is sent anywhere)",
        tags: ["cases"],
        params: CaseParams,
        response: { 200: z.string(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await readVerwijsindex(
        ctx.db,
        commandActor(request),
        request.params.id,
        today(ctx),
        "export",
      );
      if (!result.ok) refused(result);
      const p = result.facts.pupil;
      const rows = result.reports.map((r) => [
        p.pupilId,
        p.givenName,
        p.familyName,
        p.birthDate,
        p.municipality,
        r.reportedOn,
        r.reportedBy,
        r.organisation,
        r.caseId,
      ]);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="verwijsindex-${p.pupilId}.csv"`)
        .send(csvText([...VERWIJSINDEX_COLUMNS], rows));
    },
  );

  typed.post(
    "/api/cases/:id/verwijsindex",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Records that the case's pupil was reported to the reference index",
        tags: ["cases"],
        params: CaseParams,
        body: z
          .object({
            reported_on: IsoDate,
            reported_by: ShortText.trim().min(1),
            organisation: ShortText.trim().min(1),
          })
          .strict(),
        response: { 201: ReportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await recordVerwijsindexReport(
        ctx.db,
        commandActor(request),
        request.params.id,
        {
          reportedOn: request.body.reported_on,
          reportedBy: request.body.reported_by,
          organisation: request.body.organisation,
        },
        today(ctx),
      );
      if (!result.ok) refused(result);
      return reply.code(201).send(present(result.report));
    },
  );
}

// GET /api/privacy/retention-runs (issue 18): the last runs of the retention procedure with what
// each removed per data class and table — tombstone figures, never whose data — for the privacy
// officer and the application admin (who may read the audit trail). Reading it is audited.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate } from "../../access/index.ts";
import { currentRegionSettings } from "../../db/repositories/region-settings.ts";
import { domainToday } from "../../db/repositories/settings.ts";
import { RETENTION_CLASSES } from "../../domain/privacy/retention.ts";
import { listRetentionRuns, RETENTION_RUN_STATUSES } from "../../services/retention.ts";
import { collectSubjectData } from "../../services/subject-access.ts";
import { subjectAccessZip } from "../../services/subject-access-export.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import { notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";
import { registerPrivacyRequestRoutes } from "./privacy-requests.ts";

const RetentionCountSchema = z.object({
  data_class: z.enum(RETENTION_CLASSES),
  table: z.string(),
  operation: z.enum(["deleted", "anonymised"]),
  rows: z.number().int(),
});

export const RetentionRunSchema = z
  .object({
    id: z.number().int(),
    as_of: z.iso.date().describe("the date the terms were applied at"),
    dry_run: z.boolean().describe("a dry run lists what would be removed and removes nothing"),
    status: z.enum(RETENTION_RUN_STATUSES),
    started_by: z
      .enum(["job", "cli", "request"])
      .describe("request: an erasure on request (AVG art. 17)"),
    started_at: z.iso.datetime(),
    finished_at: z.iso.datetime().nullable(),
    counts: z.array(RetentionCountSchema),
    error: z.string().nullable(),
  })
  .meta({ id: "RetentionRun" });

const RetentionRunListSchema = z
  .object({ runs: z.array(RetentionRunSchema) })
  .meta({ id: "RetentionRunList" });

export function registerPrivacyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  registerPrivacyRequestRoutes(app, ctx);
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/privacy/retention-runs",
    {
      schema: {
        summary: "The last runs of the retention procedure, newest first",
        tags: ["privacy"],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: RetentionRunListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      admitted(
        await gate(
          ctx.db.orm,
          commandActor(request),
          "read_audit",
          { kind: "audit_log" },
          {
            action: "read_retention_runs",
            resourceType: "retention_run",
            resourceId: null,
            pupilId: null,
          },
        ),
      );
      const runs = await listRetentionRuns(ctx.db.sql, request.query.limit);
      return {
        runs: runs.map((r) => ({
          id: r.id,
          as_of: r.asOf,
          dry_run: r.dryRun,
          status: r.status,
          started_by: r.startedBy,
          started_at: r.startedAt,
          finished_at: r.finishedAt,
          counts: r.counts.map((c) => ({
            data_class: c.dataClass,
            table: c.table,
            operation: c.operation,
            rows: c.rows,
          })),
          error: r.error,
        })),
      };
    },
  );

  // AVG art. 15: everything held about one pupil as a ZIP (JSON, the stored files, a summary in
  // Dutch), for the privacy officer only; the export names the pupil in the trail.
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/privacy/pupils/:pupil_id/export",
    {
      schema: {
        summary: "Everything held about one pupil, as a ZIP (right of access, AVG art. 15)",
        description:
          "leerling.json (every row that names the pupil or belongs to their cases, the audit " +
          "rows about them), bestanden/ (stored documents and letters) and samenvatting.html.",
        tags: ["privacy"],
        params: z.object({ pupil_id: PupilId }),
        produces: ["application/zip"],
        response: {
          200: z.string().meta({ format: "binary", description: "The ZIP file" }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const pupilId = request.params.pupil_id;
      admitted(
        await gate(
          ctx.db.orm,
          commandActor(request),
          "export_subject_data",
          { kind: "audit_log" },
          {
            action: "export_subject_data",
            resourceType: "pupil",
            resourceId: pupilId,
            pupilId,
          },
        ),
      );
      const data = await collectSubjectData(ctx.db.sql, pupilId);
      if (!data) throw notFound("Er is geen leerling met dit leerlingnummer.");
      const madeOn = await domainToday(ctx.db.orm);
      const region = await currentRegionSettings(ctx.db.orm, ctx.db.sql);
      const zip = subjectAccessZip(data, region.name, madeOn);
      return (
        reply
          .type("application/zip")
          .header(
            "content-disposition",
            `attachment; filename="aanwezig-inzage-${pupilId}-${madeOn}.zip"`,
          )
          // Sent as bytes; the response schema documents a binary body (as for case documents).
          .send(Buffer.from(zip) as unknown as string)
      );
    },
  );
}

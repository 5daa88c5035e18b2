// GET /api/audit (interfaces.md): the audit trail, for the application admin and the privacy
// officer only. Reading it is itself audited: it says who looked at whose data.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate } from "../../access/index.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import {
  AUDIT_CSV_COLUMNS,
  AuditPageSchema,
  auditCsvRows,
  presentAuditPage,
} from "../presenters/audit.ts";
import { problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

const AuditQuerySchema = z.object({
  pupil_id: PupilId.optional(),
  user_id: z.uuid().optional(),
  user_email: z.string().max(254).optional().describe("the account's e-mail address"),
  before_id: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export function registerAuditRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/audit",
    {
      schema: {
        summary: "Audit trail of reads and changes, newest first",
        tags: ["audit"],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const query = request.query;
      admitted(
        await gate(
          ctx.db.orm,
          commandActor(request),
          "read_audit",
          { kind: "audit_log" },
          {
            action: "read_audit",
            resourceType: "audit_log",
            resourceId: query.pupil_id ?? null,
            pupilId: query.pupil_id ?? null,
          },
        ),
      );
      const records = await listAudit(ctx.db.orm, {
        ...(query.pupil_id === undefined ? {} : { pupilId: query.pupil_id }),
        ...(query.user_id === undefined ? {} : { userId: query.user_id }),
        ...(query.user_email === undefined ? {} : { userEmail: query.user_email.trim() }),
        ...(query.before_id === undefined ? {} : { beforeId: query.before_id }),
        limit: query.limit,
      });
      return presentAuditPage(records, query.limit);
    },
  );

  // The trail as CSV with the NEN 7513 fields, filtered as the page (pupil, user): the privacy
  // officer hands it to a data subject or a supervisor. At most 50,000 rows, newest first.
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/audit/export",
    {
      schema: {
        summary: "The audit trail as CSV (NEN 7513 fields: who, what, whose data, when, why)",
        tags: ["audit"],
        querystring: z.object({
          pupil_id: PupilId.optional(),
          user_id: z.uuid().optional(),
          user_email: z.string().max(254).optional().describe("the account's e-mail address"),
          limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
        }),
        produces: ["text/csv"],
        response: { 200: z.string(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const query = request.query;
      admitted(
        await gate(
          ctx.db.orm,
          commandActor(request),
          "read_audit",
          { kind: "audit_log" },
          {
            action: "read_audit",
            resourceType: "audit_log",
            resourceId: query.pupil_id ?? null,
            pupilId: query.pupil_id ?? null,
            context: { export: "csv" },
          },
        ),
      );
      const records = await listAudit(ctx.db.orm, {
        ...(query.pupil_id === undefined ? {} : { pupilId: query.pupil_id }),
        ...(query.user_id === undefined ? {} : { userId: query.user_id }),
        ...(query.user_email === undefined ? {} : { userEmail: query.user_email.trim() }),
        limit: query.limit,
      });
      const name = query.pupil_id ? `logboek-${query.pupil_id}` : "logboek";
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .send(csvText([...AUDIT_CSV_COLUMNS], auditCsvRows(records)));
    },
  );
}

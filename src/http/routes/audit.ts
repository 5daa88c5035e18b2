// GET /api/audit (interfaces.md): the audit trail, for the application admin and the privacy
// officer only. Reading it is itself audited: it says who looked at whose data.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate } from "../../access/index.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import { AuditPageSchema, presentAuditPage } from "../presenters/audit.ts";
import { problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

const AuditQuerySchema = z.object({
  pupil_id: PupilId.optional(),
  user_id: z.uuid().optional(),
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
        ...(query.before_id === undefined ? {} : { beforeId: query.before_id }),
        limit: query.limit,
      });
      return presentAuditPage(records, query.limit);
    },
  );
}

// Imports delivered by other systems (interfaces.md "Versions and integrations"):
// `POST /api/v1/imports/{kind}` with the canonical CSV as the body queues the same import as
// `aanwezig import` (same validation, atomic per file, idempotent) on the administration's import
// jobs and answers 202 { job_id }; `GET /api/v1/imports/{job_id}` tells how it went. A repeated
// delivery with the same Idempotency-Key answers with the first delivery's job.
//
// Who may deliver what (src/domain/policy/rules.ts, resource `import`; decided by `gate`):
// - a service token: the kinds in its scopes, rows of its schools only;
// - the application administrator: every kind, every school;
// - a care coordinator (zorgcoördinator): attendance of their own school(s).
// A row of another school makes the file invalid (that line is reported; nothing is imported).
// Every decision and every read of a job is in the audit trail.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AccessActor,
  type AuditSubject,
  type Grant,
  gate,
  recordGrant,
} from "../../access/index.ts";
import { importRequests } from "../../db/schema/access.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { SERVICE_TOKEN_ROLE } from "../../domain/policy/roles.ts";
import { FILE_ENCODINGS } from "../../import/decode.ts";
import { IMPORT_KINDS, type ImportKind } from "../../import/kind-spec.ts";
import { type Actor, requireActor } from "../auth/actor.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import type { ImportJob, ImportJobs } from "./admin-import-jobs.ts";
import { receiveUpload } from "./admin-imports.ts";
import { admitted, commandActor } from "./cases-http.ts";
import { mappingForImport } from "./import-mapping-use.ts";

/**
 * The actor of an integration request. A service token with scopes acts with its scopes and
 * schools only, never with its (role-less) account's roles.
 */
function importActor(request: FastifyRequest): { actor: Actor; access: AccessActor } {
  const actor = requireActor(request);
  const access = commandActor(request);
  const token = actor.token;
  if (token && token.scopes.length > 0) {
    const grant = { role: SERVICE_TOKEN_ROLE, schoolIds: token.schoolIds, scopes: token.scopes };
    return { actor, access: { ...access, policy: { ...access.policy, grants: [grant] } } };
  }
  return { actor, access };
}

/** The schools whose rows the granted role may deliver; undefined: every school. */
function schoolsOf(access: AccessActor, grant: Grant): string[] | undefined {
  if (grant.role === "app_admin") return undefined;
  return [...(access.policy.grants.find((g) => g.role === grant.role)?.schoolIds ?? [])];
}

const SCOPE_SECURITY = IMPORT_KINDS.map((kind) => ({ bearer: [`imports:${kind}`] }));

const JobStatus = z.enum(["queued", "running", "succeeded", "rejected"]);

const ImportRequestSchema = z
  .object({
    job_id: z.uuid(),
    kind: z.enum(IMPORT_KINDS),
    status: JobStatus,
    summary: z
      .object({
        rows: z.number().int(),
        inserted: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        errors_total: z.number().int(),
      })
      .nullable(),
    errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
  })
  .meta({ id: "ImportRequest" });

type ImportRequestBody = z.infer<typeof ImportRequestSchema>;

const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7E]+$/, "visible ASCII characters only");

export function registerIntegrationImportRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  jobs: ImportJobs,
): void {
  /** The audit subject of a delivered file or its job: the token used, when one was. */
  const subject = (
    actor: Actor,
    action: "import_file" | "read_import_job",
    resourceId: string | null,
    context: Record<string, string> = {},
  ): AuditSubject => ({
    action,
    resourceType: "import",
    resourceId,
    pupilId: null,
    context: { ...(actor.token && { token_id: String(actor.token.id) }), ...context },
  });

  const finish = async (job: ImportJob) => {
    const r = job.result;
    await ctx.db.orm
      .update(importRequests)
      .set({
        status: r?.outcome === "imported" ? "succeeded" : "rejected",
        summary: r && {
          rows: r.rows,
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          errors_total: r.errorsTotal,
        },
        errors: r
          ? r.errors.map((e) => ({ line: e.line, column: e.column, message: e.reason }))
          : [
              {
                line: 0,
                column: "",
                message: "de import is onverwacht mislukt; probeer het opnieuw",
              },
            ],
        finishedAt: new Date(),
      })
      .where(eq(importRequests.id, job.id));
  };

  app.register(async (scope) => {
    scope.addContentTypeParser(["text/csv"], (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/imports/:kind",
      {
        schema: {
          summary:
            "Deliver one canonical CSV file (body text/csv); it is imported in the background",
          description:
            "The same validation, atomicity and idempotency as `aanwezig import`. A service token " +
            "needs the scope imports:KIND and may deliver rows of its schools only; a care " +
            "coordinator may deliver their own school's attendance. A repeated request with the " +
            "same Idempotency-Key answers with the first request's job.",
          tags: ["imports"],
          security: [...SCOPE_SECURITY, { session: [] }],
          params: z.object({ kind: z.enum(IMPORT_KINDS) }),
          querystring: z.object({
            encoding: z
              .enum(FILE_ENCODINGS)
              .optional()
              .describe(
                "the file's encoding when it has no BOM (UTF-16 needs one); default the mapping's, else utf-8",
              ),
            mapping: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe(
                "the name of a saved column mapping (GET /api/import-mappings) to read a non-canonical file through",
              ),
          }),
          headers: z.object({ "idempotency-key": IdempotencyKey.optional() }),
          response: {
            202: z.object({ job_id: z.uuid() }).meta({ id: "QueuedImport" }),
            ...problemResponses(400, 401, 403, 409, 413, 415),
          },
        },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const key = request.headers["idempotency-key"];
        const { actor, access } = importActor(request);
        const mappingName = request.query.mapping;
        const context = {
          kind,
          ...(key !== undefined && { idempotency_key: key }),
          ...(mappingName !== undefined && { mapping: mappingName }),
        };
        // A refusal is audited by the gate; the allowed row names the job, once it exists.
        const grant = admitted(
          await gate(
            ctx.db.orm,
            access,
            "import_file",
            { kind: "import", importKind: kind },
            subject(actor, "import_file", null, context),
            { auditRefusalOnly: true },
          ),
          `You may not import ${kind} files.`,
        );
        const schools = schoolsOf(access, grant);
        reply.code(202);
        if (key !== undefined) {
          const earlier = await findByKey(ctx, actor.userId, key);
          if (earlier) {
            if (earlier.kind !== kind) {
              throw new HttpProblem(409, "This Idempotency-Key was used for another kind of file.");
            }
            await recordGrant(
              ctx.db.orm,
              access,
              grant,
              subject(actor, "import_file", earlier.id, { ...context, repeat: "true" }),
            );
            return { job_id: earlier.id };
          }
        }
        const mapping =
          mappingName === undefined
            ? undefined
            : await mappingForImport(ctx.db.sql, mappingName, kind, actor, schools);
        const fileName = `${kind}.csv`;
        const { dir, path, bytes } = await receiveUpload(request.body, fileName);
        const id = randomUUID();
        try {
          await ctx.db.orm.insert(importRequests).values({
            id,
            userId: actor.userId,
            tokenId: actor.token?.id ?? null,
            kind,
            idempotencyKey: key ?? null,
            status: "queued",
          });
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          // The same key delivered twice at once: the first one's job answers both.
          const earlier =
            key !== undefined && isUniqueViolation(error, "import_requests_idempotency_idx")
              ? await findByKey(ctx, actor.userId, key)
              : undefined;
          if (earlier && earlier.kind === kind) return { job_id: earlier.id };
          throw error;
        }
        await recordGrant(
          ctx.db.orm,
          access,
          grant,
          subject(actor, "import_file", id, { ...context, schools: schools?.join(",") ?? "all" }),
        );
        jobs.start(
          ctx.db,
          {
            kind,
            path,
            dir,
            fileName,
            bytes,
            encoding: request.query.encoding,
            mapping,
            ...(schools && { schools }),
            id,
          },
          actor.token ? `token:${actor.token.id}` : `api:${actor.email}`,
          (error) => request.log.error({ err: error, kind }, "import failed unexpectedly"),
          finish,
        );
        return { job_id: id };
      },
    );
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/imports/:job_id",
    {
      schema: {
        summary: "The status of a delivered import, with the invalid rows of a rejected file",
        description:
          "Visible to whoever delivered it (the same token or account) and to the application administrator.",
        tags: ["imports"],
        security: [...SCOPE_SECURITY, { session: [] }],
        params: z.object({ job_id: z.uuid() }),
        response: { 200: ImportRequestSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request): Promise<ImportRequestBody> => {
      const { actor, access } = importActor(request);
      const { job_id } = request.params;
      const [row] = await ctx.db.orm
        .select()
        .from(importRequests)
        .where(eq(importRequests.id, job_id));
      // Someone else's job answers as one that does not exist: no existence leak.
      const verdict = await gate(
        ctx.db.orm,
        access,
        "read_import_job",
        row ? { kind: "import", importKind: row.kind, deliveredBy: row.userId } : null,
        subject(actor, "read_import_job", job_id),
      );
      if (!row || !verdict.ok) throw notFound("No such import job, or not one you may see.");
      let status = row.status as ImportRequestBody["status"];
      let errors = row.errors as ImportRequestBody["errors"];
      if (status === "queued" || status === "running") {
        const live = jobs.get(row.id);
        if (live && !live.finishedAt) status = live.phase === "queued" ? "queued" : "running";
        else if (!live) {
          // The server stopped while the job ran: it was rolled back, nothing was written.
          status = "rejected";
          errors = [
            {
              line: 0,
              column: "",
              message: "de import is afgebroken (de server stopte); lever het bestand opnieuw aan",
            },
          ];
        }
      }
      return {
        job_id: row.id,
        kind: row.kind as ImportKind,
        status,
        summary: (row.summary as ImportRequestBody["summary"]) ?? null,
        errors,
      };
    },
  );
}

async function findByKey(ctx: HttpContext, userId: string, key: string) {
  const [row] = await ctx.db.orm
    .select({ id: importRequests.id, kind: importRequests.kind })
    .from(importRequests)
    .where(and(eq(importRequests.userId, userId), eq(importRequests.idempotencyKey, key)));
  return row;
}

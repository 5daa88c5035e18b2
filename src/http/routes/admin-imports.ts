// Imports from the web app (administration, app_admin only): upload one canonical CSV file of a
// chosen kind (interfaces.md "Canonical CSV files") as the request body (text/csv), streamed to a
// temporary file and imported by the same importFile as `aanwezig import` — atomic per file,
// refused with row-level errors (line, column, reason). The upload answers 202 with a job whose
// phase the browser polls; GET /api/admin/imports is the import log.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type ImportLogRow, listImportLog } from "../../db/repositories/admin.ts";
import { FILE_ENCODINGS } from "../../import/decode.ts";
import { IMPORT_KINDS } from "../../import/kind-spec.ts";
import { requireActor } from "../auth/actor.ts";
import type { HttpContext } from "../context.ts";
import {
  type ImportJobBody,
  ImportJobSchema,
  type ImportLogEntryBody,
  ImportLogEntrySchema,
} from "../presenters/admin.ts";
import { contentTooLarge, HttpProblem, notFound, problemResponses } from "../problem.ts";
import { administer } from "./admin-gate.ts";
import { type ImportJob, ImportJobs } from "./admin-import-jobs.ts";
import { mappingForImport } from "./import-mapping-use.ts";

/** Large enough for a region's attendance file of a school year. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
const UPLOAD_TYPES = ["text/csv", "application/octet-stream"];

function presentJob(job: ImportJob): ImportJobBody {
  const r = job.result;
  return {
    id: job.id,
    kind: job.kind,
    file_name: job.fileName,
    bytes: job.bytes,
    phase: job.phase,
    rows: job.rows,
    started_at: job.startedAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
    status: job.failed ? "failed" : r ? r.outcome : "running",
    result: r && {
      import_id: r.importId,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      errors: r.errors,
      errors_total: r.errorsTotal,
    },
  };
}

function presentLog(row: ImportLogRow): ImportLogEntryBody {
  return {
    id: row.id,
    kind: row.kind,
    file_name: row.fileName,
    started_at: row.startedAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
    outcome: row.outcome,
    rows_total: row.rowsTotal,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    errors: Array.isArray(row.errors) ? (row.errors as ImportLogEntryBody["errors"]) : [],
    actor: row.actor,
  };
}

/** The file's own name, reduced to harmless characters (it names the file in the import log). */
export function safeFileName(name: string | undefined, kind: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[^\w.-]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return clean || `${kind}.csv`;
}

/**
 * Streams an uploaded body to a file in a directory of its own (the caller removes it, or the
 * import job does), refusing more than MAX_IMPORT_BYTES and an empty file.
 */
export async function receiveUpload(
  body: unknown,
  fileName: string,
): Promise<{ dir: string; path: string; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), "aanwezig-upload-"));
  const path = join(dir, fileName);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) {
        callback(contentTooLarge(MAX_IMPORT_BYTES));
      } else callback(null, chunk);
    },
  });
  try {
    await pipeline(body as NodeJS.ReadableStream, counter, createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error instanceof HttpProblem ? error : new HttpProblem(400, "The upload broke off.");
  }
  if (bytes === 0) {
    await rm(dir, { recursive: true, force: true });
    throw new HttpProblem(400, "The file is empty.");
  }
  return { dir, path, bytes };
}

export function registerAdminImportRoutes(app: FastifyInstance, ctx: HttpContext): ImportJobs {
  const jobs = new ImportJobs();
  // app.close() (serve's SIGTERM/SIGINT) stops running imports before the database closes.
  app.addHook("onClose", () => jobs.stopAll());

  // Its own plugin scope, so the raw-body parser for CSV uploads applies to this route only.
  app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/admin/imports",
      {
        schema: {
          summary:
            "Upload one canonical CSV file (body text/csv) and import it in the background (administration)",
          tags: ["administration"],
          querystring: z.object({
            kind: z.enum(IMPORT_KINDS),
            file_name: z.string().max(255).optional(),
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
              .describe("the name of a saved column mapping to read the file through"),
          }),
          response: { 202: ImportJobSchema, ...problemResponses(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const { kind, encoding } = request.query;
        const fileName = safeFileName(request.query.file_name, kind);
        await administer(request, ctx, "manage_schools", {
          action: "import_file",
          resourceType: "import",
          resourceId: null,
          context: {
            kind,
            file: fileName,
            ...(request.query.mapping !== undefined && { mapping: request.query.mapping }),
          },
        });
        const mapping =
          request.query.mapping === undefined
            ? undefined
            : await mappingForImport(
                ctx.db.sql,
                request.query.mapping,
                kind,
                requireActor(request),
                undefined,
              );
        const { dir, path, bytes } = await receiveUpload(request.body, fileName);
        const job = jobs.start(
          ctx.db,
          { kind, path, dir, fileName, bytes, encoding, mapping },
          `web:${requireActor(request).email}`,
          (error) => request.log.error({ err: error, kind }, "import failed unexpectedly"),
        );
        reply.code(202);
        return presentJob(job);
      },
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/admin/imports/jobs/:id",
    {
      schema: {
        summary: "Progress and outcome of an import started from the web app (administration)",
        tags: ["administration"],
        params: z.object({ id: z.uuid() }),
        response: { 200: ImportJobSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await administer(
        request,
        ctx,
        "manage_schools",
        {
          action: "read_import_job",
          resourceType: "import",
          resourceId: request.params.id,
        },
        { auditRefusalOnly: true },
      );
      const job = jobs.get(request.params.id);
      if (!job) throw notFound("No such import job (finished jobs are kept for a while only).");
      return presentJob(job);
    },
  );

  api.get(
    "/api/admin/imports",
    {
      schema: {
        summary:
          "The import log, newest first, with the row errors of refused files (administration)",
        tags: ["administration"],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.array(ImportLogEntrySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await administer(request, ctx, "manage_schools", {
        action: "read_import_log",
        resourceType: "import",
        resourceId: null,
      });
      const rows = await listImportLog(ctx.db.orm, { limit: request.query.limit });
      return rows.map(presentLog);
    },
  );
  return jobs;
}

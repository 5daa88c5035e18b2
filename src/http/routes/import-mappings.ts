// Column mappings of import sources (issue 14 item 3; src/import/column-mapping.ts): list,
// create, read, replace and delete a mapping, and read a sample file's headers and codes to build
// one. Who: the application administrator for every source, a school's care coordinator for the
// school's own sources (src/domain/policy/rules.ts, resource `import_mapping`). Every request is
// in the audit trail, allowed or denied; a mapping outside the actor's scope answers like one
// that does not exist. The imports use a mapping by name (`?mapping=`, integration-imports.ts,
// admin-imports.ts; the CLI's `--mapping`).
import { rm } from "node:fs/promises";
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
import {
  deleteMapping,
  findMapping,
  findMappingByName,
  insertMapping,
  listMappings,
  type StoredMapping,
  updateMapping,
} from "../../db/repositories/import-mappings.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import {
  CANONICAL_COLUMNS,
  CODE_COLUMNS,
  columnMappingInputSchema,
  DATE_COLUMNS,
  DATE_FORMATS,
  distinctValues,
  fromInput,
  suggestColumns,
} from "../../import/column-mapping.ts";
import {
  CsvSyntaxError,
  detectSeparator,
  readCsvBatches,
  readHeaderLine,
} from "../../import/csv.ts";
import { FILE_ENCODINGS } from "../../import/decode.ts";
import { IMPORT_KINDS } from "../../import/kind-spec.ts";
import { messages } from "../../import/messages.ts";
import type { HttpContext } from "../context.ts";
import { forbidden, HttpProblem, notFound, problemResponses } from "../problem.ts";
import { receiveUpload } from "./admin-imports.ts";
import { commandActor } from "./cases-http.ts";

type Operation =
  | "list_import_mappings"
  | "read_import_mapping"
  | "create_import_mapping"
  | "update_import_mapping"
  | "delete_import_mapping"
  | "inspect_import_sample";

export const ImportMappingSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(IMPORT_KINDS),
    school_id: z.string().nullable().describe("the source's school; null: a source of the region"),
    encoding: z.enum(FILE_ENCODINGS),
    columns: z.record(z.string(), z.string()).describe("canonical column → the source's header"),
    fixed: z.record(z.string(), z.string()).describe("canonical column → one value for every row"),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .describe("canonical code column → (the source's code → the canonical code)"),
    dates: z
      .record(z.string(), z.enum(DATE_FORMATS))
      .describe("canonical date column → the source's date format (absent: YYYY-MM-DD)"),
    created_at: z.string(),
    updated_at: z.string(),
    updated_by: z.string().nullable(),
  })
  .meta({ id: "ImportMapping" });

const SampleSchema = z
  .object({
    separator: z.enum([";", ","]),
    headers: z.array(z.string()),
    rows_read: z.number().int(),
    columns: z.array(
      z.object({
        header: z.string(),
        values: z
          .array(z.string())
          .describe("the distinct values, when the column has at most 30 (codes); else empty"),
        many: z.boolean().describe("more than 30 distinct values: not a code column"),
      }),
    ),
    suggested: z.record(z.string(), z.string()).describe("canonical column → a source header"),
    canonical_columns: z.array(z.string()),
    code_columns: z.record(z.string(), z.array(z.string())),
    date_columns: z.array(z.string()).describe("the kind's date columns a mapping may convert"),
  })
  .meta({ id: "ImportSample" });

const SAMPLE_ROWS = 2000;
const SAMPLE_CODES = 30;

export function presentMapping(m: StoredMapping): z.infer<typeof ImportMappingSchema> {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    school_id: m.schoolId,
    encoding: m.encoding,
    columns: { ...m.columns },
    fixed: { ...m.fixed },
    values: Object.fromEntries(Object.entries(m.values).map(([k, v]) => [k, { ...v }])),
    dates: { ...m.dates },
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    updated_by: m.updatedBy,
  };
}

const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53 - 1),
});

export function registerImportMappingRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // Every decision goes through `gate` (src/access), which writes a refusal to the audit trail;
  // the one allowed row of a request is written once its work is done (`recorded`), with what it
  // read or wrote — the same row `gate` would write, from the last grant of the request.
  const subject = (
    operation: Operation,
    resourceId: string | null,
    context: Record<string, string> = {},
  ): AuditSubject => ({
    action: operation,
    resourceType: "import_mapping",
    resourceId,
    pupilId: null,
    context,
  });

  const recorded = (
    actor: AccessActor,
    grant: Grant,
    operation: Operation,
    resourceId: string | null,
    context: Record<string, string> = {},
  ) => recordGrant(ctx.db.orm, actor, grant, subject(operation, resourceId, context));

  /** The actor may manage some mappings at all (403 otherwise, audited). */
  const enter = async (
    request: FastifyRequest,
    operation: Operation,
    resourceId: string | null,
  ) => {
    const actor = commandActor(request);
    const verdict = await gate(
      ctx.db.orm,
      actor,
      "manage_import_mappings",
      { kind: "import_mapping" },
      subject(operation, resourceId),
      { auditRefusalOnly: true },
    );
    if (!verdict.ok) {
      throw forbidden(
        "Alleen de applicatiebeheerder en de zorgcoördinator van een school beheren kolomindelingen.",
      );
    }
    return { actor, grant: verdict };
  };

  /** One mapping the actor may manage, or 404 (audited) like one that does not exist. */
  const reach = async (request: FastifyRequest, operation: Operation, id: number) => {
    const { actor } = await enter(request, operation, String(id));
    const mapping = await findMapping(ctx.db.sql, id);
    const verdict = await gate(
      ctx.db.orm,
      actor,
      "manage_import_mappings",
      mapping ? { kind: "import_mapping", schoolId: mapping.schoolId } : null,
      subject(operation, String(id)),
      { auditRefusalOnly: true },
    );
    if (!verdict.ok || !mapping) {
      throw notFound("Deze kolomindeling bestaat niet, of u mag hem niet zien.");
    }
    return { actor, mapping, grant: verdict };
  };

  /** The school a new or changed mapping is for must be one the actor manages. */
  const mayFor = async (
    actor: AccessActor,
    operation: Operation,
    resourceId: string | null,
    schoolId: string | null,
  ) => {
    const verdict = await gate(
      ctx.db.orm,
      actor,
      "manage_import_mappings",
      { kind: "import_mapping", schoolId },
      subject(operation, resourceId, { school: schoolId ?? "regio" }),
      { auditRefusalOnly: true },
    );
    if (verdict.ok) return verdict;
    const own = actor.policy.grants.flatMap((g) => g.schoolIds ?? []);
    throw forbidden(
      schoolId === null
        ? `Een kolomindeling voor de hele regio beheert alleen de applicatiebeheerder; kies uw school (${own.join(", ")}).`
        : `U beheert alleen kolomindelingen van uw eigen school (${own.join(", ")}); ${schoolId} hoort daar niet bij.`,
    );
  };

  const nameTaken = (name: string) =>
    new HttpProblem(400, "De kolomindeling is niet opgeslagen.", {
      type: "urn:aanwezig:problem:validation",
      errors: [
        {
          in: "body",
          path: "name",
          message: `naam: er is al een kolomindeling '${name}'; kies een andere naam`,
        },
      ],
    });

  api.get(
    "/api/import-mappings",
    {
      schema: {
        summary: "The column mappings of import sources the user manages",
        tags: ["imports"],
        response: { 200: z.array(ImportMappingSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      const { actor, grant } = await enter(request, "list_import_mappings", null);
      const admin = actor.policy.grants.some((g) => g.role === "app_admin");
      const schools = actor.policy.grants.flatMap((g) =>
        g.role === "care_coordinator" ? (g.schoolIds ?? []) : [],
      );
      const rows = await listMappings(
        ctx.db.sql,
        admin ? undefined : { schools, withRegion: false },
      );
      await recorded(actor, grant, "list_import_mappings", null);
      return rows.map(presentMapping);
    },
  );

  api.post(
    "/api/import-mappings",
    {
      schema: {
        summary: "Save a new column mapping of an import source",
        tags: ["imports"],
        body: columnMappingInputSchema,
        response: { 201: ImportMappingSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { actor } = await enter(request, "create_import_mapping", null);
      const mapping = fromInput(request.body);
      const grant = await mayFor(actor, "create_import_mapping", null, mapping.schoolId);
      if (await findMappingByName(ctx.db.sql, mapping.name)) throw nameTaken(mapping.name);
      const saved = await ctx.db
        .transaction(async (tx) => {
          const row = await insertMapping(tx, mapping, actor.userId);
          return row;
        })
        .catch((error) => {
          if (isUniqueViolation(error, "import_mappings_name_idx")) throw nameTaken(mapping.name);
          throw error;
        });
      await recorded(actor, grant, "create_import_mapping", String(saved.id), {
        name: saved.name,
        kind: saved.kind,
        school: saved.schoolId ?? "regio",
      });
      reply.code(201);
      return presentMapping(saved);
    },
  );

  api.get(
    "/api/import-mappings/:id",
    {
      schema: {
        summary: "One column mapping",
        tags: ["imports"],
        params: IdParams,
        response: { 200: ImportMappingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { actor, mapping, grant } = await reach(
        request,
        "read_import_mapping",
        request.params.id,
      );
      await recorded(actor, grant, "read_import_mapping", String(mapping.id));
      return presentMapping(mapping);
    },
  );

  api.put(
    "/api/import-mappings/:id",
    {
      schema: {
        summary: "Replace a column mapping (its name may change)",
        tags: ["imports"],
        params: IdParams,
        body: columnMappingInputSchema,
        response: { 200: ImportMappingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const id = request.params.id;
      const { actor } = await reach(request, "update_import_mapping", id);
      const mapping = fromInput(request.body);
      const grant = await mayFor(actor, "update_import_mapping", String(id), mapping.schoolId);
      const other = await findMappingByName(ctx.db.sql, mapping.name);
      if (other && other.id !== id) throw nameTaken(mapping.name);
      const saved = await updateMapping(ctx.db.sql, id, mapping, actor.userId).catch((error) => {
        if (isUniqueViolation(error, "import_mappings_name_idx")) throw nameTaken(mapping.name);
        throw error;
      });
      if (!saved) throw notFound("Deze kolomindeling bestaat niet, of u mag hem niet zien.");
      await recorded(actor, grant, "update_import_mapping", String(id), {
        name: saved.name,
        kind: saved.kind,
        school: saved.schoolId ?? "regio",
      });
      return presentMapping(saved);
    },
  );

  api.delete(
    "/api/import-mappings/:id",
    {
      schema: {
        summary: "Remove a column mapping (imports already done keep its name in the import log)",
        tags: ["imports"],
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const { actor, mapping, grant } = await reach(request, "delete_import_mapping", id);
      await deleteMapping(ctx.db.sql, id);
      await recorded(actor, grant, "delete_import_mapping", String(id), { name: mapping.name });
      reply.code(204);
      return null;
    },
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      ["text/csv", "application/octet-stream"],
      (_request, payload, done) => done(null, payload),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/import-mappings/sample",
      {
        schema: {
          summary:
            "Read a sample of a source's file (body text/csv): its headers, the distinct codes of its code-like columns and a first guess of the mapping; nothing is stored",
          tags: ["imports"],
          querystring: z.object({
            kind: z.enum(IMPORT_KINDS),
            encoding: z
              .enum(FILE_ENCODINGS)
              .default("utf-8")
              .describe("the file's encoding when it has no BOM"),
          }),
          response: { 200: SampleSchema, ...problemResponses(400, 401, 403, 413, 415) },
        },
      },
      async (request) => {
        const { actor, grant } = await enter(request, "inspect_import_sample", null);
        const { kind, encoding } = request.query;
        const { dir, path } = await receiveUpload(request.body, "voorbeeld.csv");
        try {
          const separator = detectSeparator(await readHeaderLine(path, encoding));
          const rows: string[][] = [];
          try {
            for await (const batch of readCsvBatches(path, separator, encoding)) {
              for (const record of batch) rows.push(record.fields);
              if (rows.length > SAMPLE_ROWS) break;
            }
          } catch (error) {
            if (!(error instanceof CsvSyntaxError)) throw error;
            throw new HttpProblem(400, `Regel ${error.line}: ${error.message}`);
          }
          const [header, ...data] = rows;
          if (!header || header.every((h) => h.trim() === "")) {
            throw new HttpProblem(400, messages.emptyFile);
          }
          const headers = header.map((h) => h.trim());
          await recorded(actor, grant, "inspect_import_sample", null, { kind });
          return {
            separator,
            headers,
            rows_read: Math.min(data.length, SAMPLE_ROWS),
            columns: headers.map((h, i) => {
              const values = distinctValues(data.slice(0, SAMPLE_ROWS), i, SAMPLE_CODES + 1);
              const many = values.length > SAMPLE_CODES;
              return { header: h, values: many ? [] : values, many };
            }),
            suggested: suggestColumns(kind, headers),
            canonical_columns: [...CANONICAL_COLUMNS[kind]],
            code_columns: Object.fromEntries(
              Object.entries(CODE_COLUMNS[kind]).map(([k, v]) => [k, [...v]]),
            ),
            date_columns: [...DATE_COLUMNS[kind]],
          };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

// The OpenAPI 3.1 document, generated from the routes' zod schemas (the one source of request
// and response shapes). /api/v1/openapi.json and its alias /api/openapi.json serve the NL API
// Design Rules' form: the servers /api/v1 and an absolute https URL (the major version in the
// URI), and the paths relative to them. The form with the full /api paths, from which the web
// app's types are generated (scripts/api-types.ts), is built in-process only
// (`openApiDocumentOf(app, false)`). Both name every operation (operationId), tag it by its
// first path segment and describe it.
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from "fastify-type-provider-zod";
import { API_V1_PREFIX, API_VERSION, camelCase } from "./api-version.ts";
import { SESSION_COOKIE } from "./auth/session-cookie.ts";

export const OPENAPI_PATH = "/api/openapi.json";

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Aanwezig API",
        version,
        description:
          "Verzuimsignalen, casusregie en monitoring. Errors are application/problem+json " +
          "(RFC 9457). State-changing requests with the session cookie need the X-CSRF-Token " +
          "header (its value is in GET /api/me), except logging out (DELETE /api/session).",
        license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
        contact: CONTACT,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: [OPENAPI_PATH] }),
    transformObject: createJsonSchemaTransformObject({}),
  });
}

/** Who answers for the API (NL API Design Rules: info.contact); the operator replaces it. */
export const CONTACT = {
  name: "Aanwezig",
  email: "beheer@aanwezig.example",
  url: "https://aanwezig.example",
};

/**
 * The absolute server of the versioned document (NL API Design Rules: at least one absolute
 * https URL): AANWEZIG_PUBLIC_URL's /api/v1 when that is https, else an example address.
 */
export function absoluteServer(env: NodeJS.ProcessEnv = process.env): string {
  const publicUrl = env.AANWEZIG_PUBLIC_URL?.trim().replace(/\/+$/, "");
  const base = publicUrl?.startsWith("https://") ? publicUrl : "https://aanwezig.example";
  return `${base}${API_V1_PREFIX}`;
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  // Linters and client generators are pointed at either URL (issue 17): both serve /api/v1's form.
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => openApiDocumentOf(app, true));
}

const documents = new WeakMap<FastifyInstance, Map<boolean, OpenApiDocument>>();

/**
 * The document of a ready app: `versioned`, the served /api/v1 form; else the paths under /api
 * with the server `/`, which the web app's generated types and the API fuzz suite use.
 */
export function openApiDocumentOf(app: FastifyInstance, versioned: boolean): OpenApiDocument {
  let cache = documents.get(app);
  if (cache === undefined) {
    cache = new Map();
    documents.set(app, cache);
  }
  let document = cache.get(versioned);
  if (document === undefined) {
    document = describeOperations(app.swagger() as unknown as OpenApiDocument, versioned);
    cache.set(versioned, document);
  }
  return document;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  [key: string]: unknown;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  tags?: { name: string }[];
  servers?: { url: string }[];
  [key: string]: unknown;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * The generated document with an operationId, tags and a description on every operation and the
 * tags listed; `versioned`: with the server /api/v1 and the paths relative to it.
 */
export function describeOperations(source: OpenApiDocument, versioned: boolean): OpenApiDocument {
  const paths: Record<string, Record<string, Operation>> = {};
  const used = new Set<string>();
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(source.paths ?? {})) {
    const relative = path === "/api" ? "/" : path.replace(/^\/api\//, "/");
    const described: Record<string, Operation> = {};
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) {
        described[method] = operation;
        continue;
      }
      const operationId = uniqueId(operationIdOf(method, relative), relative, used);
      const operationTags = operation.tags ?? [tagOf(relative)];
      for (const tag of operationTags) tags.add(tag);
      const description = operation.description ?? operation.summary;
      described[method] = {
        operationId,
        ...operation,
        tags: operationTags,
        ...(description === undefined ? {} : { description }),
      };
    }
    paths[versioned ? relative : path] = described;
  }
  const document: OpenApiDocument = {
    ...source,
    servers: [{ url: versioned ? API_V1_PREFIX : "/" }],
    tags: [...tags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths: mergeEquivalentPaths(paths),
  };
  document.paths = nullableAsTypeList(document.paths) as OpenApiDocument["paths"];
  if (document.components !== undefined)
    document.components = nullableAsTypeList(document.components);
  return versioned ? nlApiDesignRules(document) : document;
}

/**
 * zod's `.nullable()` comes out as `anyOf: [schema, {type: "null"}]`; OpenAPI 3.1 says the same
 * as `type: [type, "null"]`, which keeps `format` at the top where tools look for it (the NL
 * API Design Rules' date rules: a date field states `format: date`). Only plain typed schemas
 * are folded; an enum gets `null` as one of its values.
 */
export function nullableAsTypeList(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullableAsTypeList);
  if (value === null || typeof value !== "object") return value;
  const folded = Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, nullableAsTypeList(entry)]),
  ) as Record<string, unknown>;
  const anyOf = folded.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return folded;
  const nullAt = anyOf.findIndex(
    (entry) => JSON.stringify(entry) === JSON.stringify({ type: "null" }),
  );
  const other = anyOf[1 - nullAt] as Record<string, unknown> | undefined;
  if (nullAt < 0 || other === undefined || typeof other.type !== "string" || "const" in other) {
    return folded;
  }
  const { anyOf: _anyOf, ...outer } = folded;
  return {
    ...other,
    ...outer,
    type: [other.type, "null"],
    ...(Array.isArray(other.enum) ? { enum: [...other.enum, null] } : {}),
  };
}

/** One line per tag (Redocly's tag-description): what the operations under it are about. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  administration: "Users, roles, schools and the import log, for the application administrator",
  audit: "The audit trail of every read and change of a pupil's data",
  cases: "Cases: the case file, its steps, participants, documents, meetings and escalation",
  "duo-reports": "Absence reports to DUO (verzuimmeldingen) and their status",
  health: "Liveness and readiness of the service",
  imports: "CSV imports by file kind, with a job to follow each one",
  monitor: "Aggregated figures for policy: by school, municipality and partnership, trends, KPIs",
  pupils: "Pupils, their enrolments, attendance and signals",
  session: "Logging in and out, and who is logged in",
  setup: "What a region sets up: exemptions, arrangements, the catalogue",
  signals: "Attendance signals raised by the rules, and their worklists",
  tokens: "Service tokens for integrations, with scopes",
};

/**
 * Paths that differ only in their parameters' names are one path to a client, so OpenAPI
 * (Spectral's path-params, Redocly's no-identical-paths) wants them as one path item.
 * interfaces.md has one such pair, `POST /imports/{kind}` and `GET /imports/{job_id}`: the
 * document lists them as `/imports/{job_id_or_kind}`, each operation describing what its
 * segment holds. The URLs clients call are the same.
 */
export function mergeEquivalentPaths(
  paths: Record<string, Record<string, Operation>>,
): Record<string, Record<string, Operation>> {
  const groups = new Map<string, string[]>();
  for (const path of Object.keys(paths)) {
    const key = path.replace(/\{[^}]+\}/g, "{}");
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const merged: Record<string, Record<string, Operation>> = {};
  for (const path of Object.keys(paths)) {
    const group = groups.get(path.replace(/\{[^}]+\}/g, "{}")) as string[];
    if (group.length === 1) {
      merged[path] = paths[path] as Record<string, Operation>;
      continue;
    }
    if (group[0] !== path) continue;
    const segments = group.map((member) => member.split("/"));
    const joint = (segments[0] as string[]).map((segment, index) =>
      isParameter(segment)
        ? `{${[...new Set(segments.map((s) => (s[index] as string).slice(1, -1)))].join("_or_")}}`
        : segment,
    );
    const item: Record<string, Operation> = {};
    for (const [member, memberSegments] of group.map((m, i) => [m, segments[i] ?? []] as const)) {
      const renames = new Map<string, string>();
      memberSegments.forEach((segment, index) => {
        if (isParameter(segment))
          renames.set(segment.slice(1, -1), (joint[index] as string).slice(1, -1));
      });
      for (const [method, operation] of Object.entries(paths[member] ?? {})) {
        if (method in item) throw new Error(`${method} ${member} twice in ${joint.join("/")}`);
        const parameters = (operation.parameters as Record<string, unknown>[] | undefined)?.map(
          (parameter) =>
            parameter.in === "path" && typeof parameter.name === "string"
              ? {
                  ...parameter,
                  name: renames.get(parameter.name) ?? parameter.name,
                  description:
                    (parameter.description as string | undefined) ??
                    `the ${parameter.name.replace(/_/g, " ")}`,
                }
              : parameter,
        );
        item[method] = { ...operation, ...(parameters ? { parameters } : {}) };
      }
    }
    merged[joint.join("/")] = item;
  }
  return merged;
}

const VERSION_HEADER_REF = { $ref: "#/components/headers/API-Version" };

/**
 * The versioned document's NL API Design Rules forms: an absolute server besides the relative
 * one, query keys in lowerCamelCase, the API-Version header (sent on every answer, api-version.ts) declared on every 2xx and
 * 3xx response, and only the components something refers to.
 */
function nlApiDesignRules(source: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries(source.paths ?? {})) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => {
        if (!METHODS.has(method)) return [method, operation];
        const responses = (operation.responses ?? {}) as Record<string, Record<string, unknown>>;
        const withHeader = Object.fromEntries(
          Object.entries(responses).map(([status, response]) =>
            /^[23]/.test(status)
              ? [
                  status,
                  {
                    ...response,
                    headers: {
                      ...(response.headers as Record<string, unknown> | undefined),
                      "API-Version": VERSION_HEADER_REF,
                    },
                  },
                ]
              : [status, response],
          ),
        );
        // Query keys in lowerCamelCase: /api/v1 renames them to the routes' snake_case.
        const parameters = (operation.parameters as Record<string, unknown>[] | undefined)?.map(
          (parameter) =>
            parameter.in === "query" && typeof parameter.name === "string"
              ? { ...parameter, name: camelCase(parameter.name) }
              : parameter,
        );
        return [
          method,
          { ...operation, responses: withHeader, ...(parameters ? { parameters } : {}) },
        ];
      }),
    );
  }
  const components = (source.components ?? {}) as Record<string, Record<string, unknown>>;
  const document: OpenApiDocument = {
    ...source,
    servers: [{ url: API_V1_PREFIX }, { url: absoluteServer() }],
    paths,
    components: {
      ...components,
      headers: {
        ...components.headers,
        "API-Version": {
          description: "The API's full semantic version.",
          required: true,
          schema: { type: "string", example: API_VERSION },
        },
      },
    },
  };
  return withoutUnusedSchemas(document);
}

/** Drops component schemas that nothing outside them refers to, directly or through another. */
function withoutUnusedSchemas(document: OpenApiDocument): OpenApiDocument {
  const components = document.components as Record<string, Record<string, unknown>>;
  const schemas = components.schemas ?? {};
  const refsIn = (value: unknown): string[] =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1] as string,
    );
  const { components: _components, ...rest } = document;
  const reached = new Set<string>();
  const queue = refsIn({ ...rest, components: { ...components, schemas: {} } });
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}

/** camelCase from method and path: GET /cases getCases, POST /cases/{id}/escalate postCaseEscalate. */
export function operationIdOf(method: string, relativePath: string): string {
  const segments = relativePath.split("/").filter((segment) => segment !== "");
  const words: string[] = [method.toLowerCase()];
  segments.forEach((segment, index) => {
    if (isParameter(segment)) return;
    // A collection followed by one member's id names that member: /cases/{id} is a case.
    const next = segments[index + 1];
    const word = next !== undefined && isParameter(next) ? singular(segment) : segment;
    words.push(...word.split(/[^A-Za-z0-9]+/).filter((part) => part !== ""));
  });
  return words.map((word, index) => (index === 0 ? word : capitalise(word))).join("");
}

/** Two paths that would share an id tell themselves apart by their parameters. */
function uniqueId(id: string, relativePath: string, used: Set<string>): string {
  let candidate = id;
  if (used.has(candidate)) {
    const parameters = relativePath
      .split("/")
      .filter(isParameter)
      .map((segment) =>
        segment
          .slice(1, -1)
          .split(/[^A-Za-z0-9]+/)
          .map(capitalise)
          .join(""),
      );
    candidate = `${id}By${parameters.join("And")}`;
  }
  for (let n = 2; used.has(candidate); n++) candidate = `${id}${n}`;
  used.add(candidate);
  return candidate;
}

function tagOf(relativePath: string): string {
  return (
    relativePath.split("/").find((segment) => segment !== "" && !isParameter(segment)) ?? "api"
  );
}

function isParameter(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}

function singular(word: string): string {
  return word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

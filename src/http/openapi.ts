// The OpenAPI 3.1 document, generated from the routes' zod schemas (the one source of request
// and response shapes). /api/v1/openapi.json is the NL API Design Rules' form: one server,
// /api/v1 (the major version in the URI), and the paths relative to it. /api/openapi.json, the
// alias, keeps the full /api paths the web app looks its screens up by (web/src/api). Both name
// every operation (operationId), tag it by its first path segment and describe it.
import swagger from "@fastify/swagger";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from "fastify-type-provider-zod";
import { API_V1_PREFIX, API_VERSION, camelCase, isVersionedPath } from "./api-version.ts";
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
  const documents = new Map<boolean, OpenApiDocument>();
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (request: FastifyRequest) => {
    const versioned = isVersionedPath(request.originalUrl);
    let document = documents.get(versioned);
    if (document === undefined) {
      document = describeOperations(app.swagger() as unknown as OpenApiDocument, versioned);
      documents.set(versioned, document);
    }
    return document;
  });
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
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
  };
  return versioned ? nlApiDesignRules(document) : document;
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

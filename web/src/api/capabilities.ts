// What the API offers, read from its own OpenAPI document (/api/openapi.json): screens whose
// endpoint is not there yet (monitor, attendance, DUO reports, administration) say so instead
// of failing, and show up by themselves once the server adds the route.
import { apiRequest } from "./client.ts";

export interface ApiOperation {
  method: string;
  path: string;
  summary: string;
  tags: string[];
}

interface OpenApiDocument {
  servers?: { url: string }[];
  paths?: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
}

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/**
 * The operations with the /api paths the web calls: the served document's paths are relative to
 * its server /api/v1, which answers the same requests as /api (the alias the web uses).
 */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const server = document.servers?.find(({ url }) => url.startsWith("/"))?.url ?? "/";
  const prefix = server.replace(/\/v\d+$/, "").replace(/\/$/, "");
  const operations: ApiOperation[] = [];
  for (const [relative, item] of Object.entries(document.paths ?? {})) {
    const path = `${prefix}${relative}`;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        tags: op.tags ?? [],
      });
    }
  }
  return operations.sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

export async function fetchOperations(signal?: AbortSignal): Promise<ApiOperation[]> {
  const document = await apiRequest<OpenApiDocument>(
    "GET",
    "/api/openapi.json",
    signal ? { signal } : {},
  );
  return operationsOf(document);
}

/** The OpenAPI path of a GET operation matching `pattern`, if the server has one. */
export function findGet(operations: readonly ApiOperation[], pattern: RegExp): string | undefined {
  return operations.find((op) => op.method === "GET" && pattern.test(op.path))?.path;
}

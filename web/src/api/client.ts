// The one way the web app talks to the API: same-origin JSON with the session cookie, the
// session's CSRF token on every state-changing request, and RFC 9457 problem+json errors
// turned into ApiError so screens can tell "wrong password" from "server down".

import type { components } from "./schema.gen.ts";

/** The header the API's CSRF guard reads (src/http/auth/csrf.ts). */
export const CSRF_HEADER = "X-CSRF-Token";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** An RFC 9457 problem document as the API describes it (src/http/problem.ts). */
export type Problem = components["schemas"]["Problem"];

/** The codes of the API's problem types (urn:aanwezig:problem:<code>, src/http/problem-codes.ts). */
export type ProblemCode = Problem["type"] extends infer T
  ? T extends `urn:aanwezig:problem:${infer Code}`
    ? Code
    : never
  : never;

export class ApiError extends Error {
  readonly status: number;
  /** The server's problem document, when it sent one. */
  readonly problem: Problem | undefined;
  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

// Kept in memory only: the token is handed out with the login response and GET /api/me, and a
// page reload asks /api/me again before anything state-changing can happen.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiRequest<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers = new Headers({ accept: "application/json, application/problem+json" });
  if (options.body !== undefined) headers.set("content-type", "application/json");
  if (!SAFE_METHODS.has(method) && csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);

  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { status?: unknown }).status === "number" &&
    typeof (value as { title?: unknown }).title === "string"
  );
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

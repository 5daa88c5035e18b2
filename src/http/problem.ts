// Errors as application/problem+json (RFC 9457; interfaces.md "HTTP API"). The one place that
// decides what an error tells a client: expected failures carry a stable type and a detail
// meant for the client; anything unexpected becomes a bare 500 and is logged here, never echoed.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditUnavailable } from "../access/audit.ts";
import { ComputationRefused } from "../services/monitor-queue.ts";
import {
  kebab,
  PROBLEM_STATUS,
  PROBLEM_TYPES,
  type ProblemCode,
  type ProblemType,
  problemType,
} from "./problem-codes.ts";
import { securityHeadersWithoutHooks } from "./security-headers.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export const ProblemSchema = z
  .object({
    type: z
      .enum(PROBLEM_TYPES)
      .describe(
        "the kind of problem: urn:aanwezig:problem:<code> for a refusal a client can act on " +
          "(src/http/problem-codes.ts), about:blank for a plain HTTP status",
      ),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe("the request path the problem occurred on"),
    errors: z
      .array(
        z.object({
          in: z.string().describe("where the field is: path, query, body or header"),
          path: z.string().describe("the field, dotted for nested ones (decisions.0.text)"),
          message: z.string(),
        }),
      )
      .optional()
      .describe("validation problems, one per invalid field"),
    existing_case_id: z
      .string()
      .optional()
      .describe("case-already-open: the pupil's open case, where the work goes on"),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = NonNullable<Problem["errors"]>[number];

/** Fastify's names for the parts of a request, as a Problem's `errors[].in` names them. */
const PART_OF_CONTEXT: Record<string, string> = {
  params: "path",
  querystring: "query",
  body: "body",
  headers: "header",
};

/** An expected failure a route raises on purpose; the error handler turns it into a Problem. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: ProblemType | "about:blank";
  readonly detail: string | undefined;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), declared in ProblemSchema. */
  readonly extensions: Partial<Pick<Problem, "existing_case_id">>;
  readonly errors: FieldError[] | undefined;
  constructor(
    status: number,
    detail?: string,
    options: {
      type?: ProblemType;
      headers?: Record<string, string>;
      extensions?: Partial<Pick<Problem, "existing_case_id">>;
      errors?: FieldError[];
    } = {},
  ) {
    super(detail ?? TITLES[status] ?? "Error");
    this.name = "HttpProblem";
    this.status = status;
    this.detail = detail;
    this.type = options.type ?? "about:blank";
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
    this.errors = options.errors;
  }
}

type ProblemOptions = Omit<NonNullable<ConstructorParameters<typeof HttpProblem>[2]>, "type">;

/** The problem a code stands for, with the status PROBLEM_STATUS gives it. */
export function problem(code: ProblemCode, detail: string, options: ProblemOptions = {}) {
  return new HttpProblem(PROBLEM_STATUS[code], detail, { ...options, type: problemType(code) });
}

export const unauthorized = (detail = "Log in first, or send a valid bearer token.") =>
  new HttpProblem(401, detail, { headers: { "www-authenticate": 'Bearer realm="aanwezig"' } });
export const forbidden = (detail = "Your roles do not allow this.") => new HttpProblem(403, detail);
export const notFound = (detail = "No such resource, or not one you may see.") =>
  new HttpProblem(404, detail);
/** A body over the route's limit (bodyLimit, or a streamed upload's own). */
export const contentTooLarge = (limitBytes: number) =>
  new HttpProblem(
    413,
    `Het verzoek is te groot: hier zijn hoogstens ${limitBytes} bytes (${humanBytes(limitBytes)}) toegestaan.`,
  );

function humanBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Response entries for the OpenAPI document: the statuses a route can answer with a Problem. */
export function problemResponses(...statuses: number[]) {
  const entries: Record<number, { description: string; content: Record<string, unknown> }> = {};
  for (const status of statuses) {
    entries[status] = {
      description: TITLES[status] ?? "Error",
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return entries;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fields: Partial<Problem> = {},
): FastifyReply {
  const problem: Problem = {
    type: fields.type ?? "about:blank",
    title: fields.title ?? TITLES[status] ?? "Error",
    status,
    ...(fields.detail === undefined ? {} : { detail: fields.detail }),
    instance: request.originalUrl.split("?")[0],
    ...(fields.errors === undefined ? {} : { errors: fields.errors }),
    ...(fields.existing_case_id === undefined ? {} : { existing_case_id: fields.existing_case_id }),
  };
  // The route's own serializer is for its success shapes; a Problem is always plain JSON.
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(problem);
}

/** Dutch: the user who asks too much at once, or everyone waiting for the monitor (monitor-queue.ts). */
function computationRefusedText(error: ComputationRefused): string {
  const retry = `Probeer het over ${error.retryAfterSeconds} seconden opnieuw.`;
  return error.reason === "requester_busy"
    ? `Er worden al ${error.limit} nieuwe berekeningen van de monitor voor u gemaakt; een volgende kan pas als er een klaar is. ${retry}`
    : `De monitor maakt nu voor veel gebruikers tegelijk nieuwe berekeningen. ${retry}`;
}

function fieldsOf(problem: HttpProblem): Partial<Problem> {
  return {
    ...problem.extensions,
    type: problem.type,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
}

/**
 * Fastify's own early answers (`frameworkErrors`): a path parameter longer than the router's
 * limit (414) or a URL that does not decode (400). Without this they were bare JSON without the
 * security headers (found by the fuzz suite, test/fuzz/api.fuzz.test.ts).
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.headers(securityHeadersWithoutHooks(request));
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const detail =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "Een deel van het pad is te lang."
      : "Het pad van het verzoek is geen geldige URL.";
  return sendProblem(request, reply, status, { detail });
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      reply.headers(error.headers);
      return sendProblem(request, reply, error.status, fieldsOf(error));
    }
    if (error instanceof AuditUnavailable) {
      // A read that cannot be logged is not served (domain.md §2); the cause is logged here.
      request.log.error({ err: error.cause, route: request.routeOptions.url }, "audit trail down");
      return sendProblem(request, reply, 503, {
        type: "urn:aanwezig:problem:audit-unavailable",
        detail: "Het auditlog kan nu niet worden geschreven; probeer het later opnieuw.",
      });
    }
    if (error instanceof ComputationRefused) {
      reply.header("retry-after", String(error.retryAfterSeconds));
      const code = `monitor-${kebab(error.reason)}` as const;
      return sendProblem(request, reply, PROBLEM_STATUS[code], {
        type: problemType(code),
        detail: computationRefusedText(error),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(request, reply, PROBLEM_STATUS.validation, {
        type: problemType("validation"),
        title: "Invalid request",
        detail: "Een of meer velden zijn ongeldig.",
        errors: error.validation.map((issue) => ({
          in: PART_OF_CONTEXT[error.validationContext ?? ""] ?? "request",
          path: issue.instancePath.replace(/^\//, "").replaceAll("/", "."),
          message: issue.message ?? "invalid",
        })),
      });
    }
    const status = error.statusCode ?? 500;
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      const limit = request.routeOptions.bodyLimit;
      if (limit !== undefined) {
        return sendProblem(request, reply, 413, fieldsOf(contentTooLarge(limit)));
      }
    }
    if (status >= 400 && status < 500) {
      // Framework errors (bad JSON, wrong media type, too large): the status says enough. Their
      // messages can quote the request body, so they are not passed on.
      const detail =
        error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
        error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "The request body is not valid JSON."
          : undefined;
      return sendProblem(request, reply, status, detail === undefined ? {} : { detail });
    }
    request.log.error({ err: error, route: request.routeOptions.url }, "unexpected error");
    return sendProblem(request, reply, 500, {
      detail: "Something went wrong on our side; the error has been logged.",
    });
  });
}

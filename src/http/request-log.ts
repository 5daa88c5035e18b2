// Fastify logs every request at info: "incoming request" and "request completed", a 404 and a 4xx
// too. On a terminal that is a wall of lines (thousands in a short session); these routine lines
// go to a level of choice (debug for people, info for production's JSON logs). Requests that fail
// (5xx, a stream error) keep Fastify's own levels.
import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

export type RequestLogLevel = "info" | "debug";

export class RequestLogController extends LogController {
  readonly level: RequestLogLevel;

  constructor(level: RequestLogLevel) {
    super();
    this.level = level;
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log[this.level]({ req: request }, "incoming request");
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log[this.level]({ res: reply, responseTime: reply.elapsedTime }, "request completed");
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log[this.level](`Route ${request.raw.method}:${request.raw.url} not found`);
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
    else reply.log[this.level]({ res: reply, err: error }, error?.message);
  }
}

// Requests Node's HTTP parser cannot accept — headers over its limit (431), malformed HTTP (400),
// too slow to arrive (408) — never reach Fastify: the server answers them on the raw socket. Those
// answers are application/problem+json too (RFC 9457, interfaces.md "HTTP API"), with no echo of
// the request, and the connection is closed, as no further request on it can be trusted.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { API_VERSION } from "./api-version.ts";
import { PROBLEM_CONTENT_TYPE, type Problem } from "./problem.ts";

const STATUS_OF_ERROR: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAIL: Record<number, string> = {
  400: "Dit is geen geldig HTTP-verzoek.",
  408: "Het verzoek kwam niet op tijd binnen.",
  431: "De headers van het verzoek zijn te groot.",
};

/** The raw HTTP/1.1 answer for a client error, as bytes ready for the socket. */
export function clientErrorResponse(status: number): string {
  const title = STATUS_CODES[status] ?? "Bad Request";
  const problem: Problem = { type: "about:blank", title, status, detail: DETAIL[status] ?? "" };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    `API-Version: ${API_VERSION}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** Sockets already answered: Node reports the same error again for every further chunk. */
const answered = new WeakSet<Socket>();

/** Fastify's `clientErrorHandler` (server option): called with the instance as `this`. */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const status = STATUS_OF_ERROR[error.code ?? ""] ?? 400;
  this.log.debug({ code: error.code, status }, "client error answered on the socket");
  if (socket.writable) socket.end(clientErrorResponse(status));
  // The rest of the request is still arriving and is read and dropped, so the connection closes
  // cleanly once the client has read the answer; destroying it at once would reset it, and the
  // client could lose the answer. A client that keeps sending is cut off after a second.
  setTimeout(() => socket.destroy(), 1000).unref();
}

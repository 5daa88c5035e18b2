// The OpenAPI 3.1 document at /api/openapi.json, generated from the routes' zod schemas
// (the one source of request and response shapes).
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from "fastify-type-provider-zod";
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

export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

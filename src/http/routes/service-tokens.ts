// Service tokens (interfaces.md "Versions and integrations"): the application administrator
// creates a token for a school system or a nightly script, scoped to import kinds and schools;
// the token is in the answer once, only its hash is stored; the list never holds a secret;
// DELETE revokes. Every call is audited by the administration gate.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createServiceToken,
  listServiceTokens,
  revokeServiceToken,
  type ServiceTokenRow,
} from "../../db/repositories/service-tokens.ts";
import { IMPORT_KINDS } from "../../import/kind-spec.ts";
import type { HttpContext } from "../context.ts";
import { SchoolId, ShortText } from "../input-schemas.ts";
import { notFound, problemResponses } from "../problem.ts";
import { administer } from "./admin-gate.ts";

/** The scopes a service token can hold: one per import kind. */
export const TOKEN_SCOPES = IMPORT_KINDS.map((kind) => `imports:${kind}` as const);

const ServiceTokenSchema = z
  .object({
    id: z.string().describe("the token's id (for DELETE /api/v1/tokens/{id})"),
    name: z.string(),
    scopes: z.array(z.string()),
    school_ids: z.array(z.string()),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: "ServiceToken" });

function present(row: ServiceTokenRow): z.infer<typeof ServiceTokenSchema> {
  return {
    id: String(row.id),
    name: row.name,
    scopes: row.scopes,
    school_ids: row.schoolIds,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

export function registerServiceTokenRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/tokens",
    {
      schema: {
        summary: "Create a service token for an integration (application administrator)",
        description:
          "Returns the token once; only its SHA-256 hash is stored. The token may only do what " +
          "its scopes name (imports:KIND), and only for rows of its schools.",
        tags: ["tokens"],
        body: z.object({
          name: ShortText.min(1),
          scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
          school_ids: z.array(SchoolId).max(10_000).default([]),
          expires_at: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          201: z
            .object({
              id: z.string(),
              token: z.string().describe("shown once: store it in the integration's secrets"),
            })
            .meta({ id: "CreatedServiceToken" }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { name, scopes, school_ids, expires_at } = request.body;
      const actor = await administer(request, ctx, "manage_users", {
        action: "create_token",
        resourceType: "api_token",
        resourceId: null,
        context: { name, scopes: scopes.join(","), school_ids: school_ids.join(",") },
      });
      const created = await createServiceToken(ctx.db.orm, {
        name,
        scopes,
        schoolIds: school_ids,
        createdBy: actor.userId,
        expiresAt: expires_at ? new Date(expires_at) : null,
      });
      reply.code(201);
      return { id: String(created.id), token: created.token };
    },
  );

  api.get(
    "/api/tokens",
    {
      schema: {
        summary: "List the service tokens, without their secrets (application administrator)",
        tags: ["tokens"],
        response: { 200: z.array(ServiceTokenSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await administer(request, ctx, "manage_users", {
        action: "list_tokens",
        resourceType: "api_token",
        resourceId: null,
      });
      return (await listServiceTokens(ctx.db.orm)).map(present);
    },
  );

  api.delete(
    "/api/tokens/:id",
    {
      schema: {
        summary: "Revoke a service token (application administrator)",
        tags: ["tokens"],
        params: z.object({ id: z.string().regex(/^\d{1,15}$/) }),
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await administer(request, ctx, "manage_users", {
        action: "revoke_token",
        resourceType: "api_token",
        resourceId: id,
      });
      if (!(await revokeServiceToken(ctx.db.orm, Number(id), ctx.now()))) throw notFound();
      return reply.code(204).send();
    },
  );
}

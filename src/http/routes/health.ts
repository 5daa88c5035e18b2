// GET /api/health (interfaces.md): liveness, with no authentication and no personal data.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { HttpContext } from "../context.ts";
import { problemResponses } from "../problem.ts";

const HealthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
});

export function registerHealthRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/health",
    {
      schema: {
        summary: "Liveness",
        tags: ["health"],
        security: [],
        // 400: the input hygiene layer refuses a query with a control character, here too.
        response: { 200: HealthSchema, ...problemResponses(400) },
      },
    },
    async () => ({ status: "ok" as const, database: ctx.db.kind }),
  );
}

// The Fastify application: the API under /api and the web app. Routes stay thin: validate,
// authorize, call the domain or a repository, present.
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "../db/connect.ts";

export interface AppOptions {
  db: Database;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.get("/api/health", async () => ({ status: "ok", database: options.db.kind }));
  app.get("/", async (_request, reply) => {
    reply.type("text/html; charset=utf-8");
    return placeholderPage();
  });
  return app;
}

function placeholderPage(): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanwezig</title></head>
<body>
<main>
<h1>Aanwezig</h1>
<p>Verzuimsignalen, casusregie en monitoring voor de sluitende aanpak rond thuiszitters.</p>
<p>De webapplicatie volgt; de API draait onder <a href="/api/health">/api</a>.</p>
</main>
</body>
</html>`;
}

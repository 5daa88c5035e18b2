// Serves the built web app (web/dist) from the same process and port as the API: hashed assets
// cached for a year, index.html for every page route of the single-page app. /api paths never
// fall through to the app: an unknown API path stays a problem+json 404. The security headers
// (CSP, framing, nosniff) are set for every response in security-headers.ts. Source maps are
// not built (web/vite.config.ts) and never served, should an old build still hold them.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { HttpProblem } from "./problem.ts";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

const SOURCE_MAP_GLOB = "**/*.map";

export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const indexPath = `${dist}/index.html`;
  if (!existsSync(indexPath)) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => {
      reply.type("text/html; charset=utf-8");
      return NOT_BUILT_PAGE;
    });
    return;
  }
  const indexHtml = readFileSync(indexPath, "utf8");
  await app.register(fastifyStatic, {
    root: dist,
    prefix: "/",
    wildcard: false,
    index: false,
    globIgnore: [SOURCE_MAP_GLOB],
    setHeaders(res, path) {
      if (path.includes("/assets/")) {
        res.header("cache-control", "public, max-age=31536000, immutable");
      }
    },
  });
  const sendIndex = async (
    _request: unknown,
    reply: import("fastify").FastifyReply,
  ): Promise<string> => {
    reply.header("cache-control", "no-cache");
    reply.type("text/html; charset=utf-8");
    return indexHtml;
  };
  app.get("/", { schema: { hide: true } }, sendIndex);
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (
      path === "/api" ||
      path.startsWith("/api/") ||
      path.startsWith("/assets/") ||
      path.endsWith(".map")
    ) {
      throw new HttpProblem(404);
    }
    return sendIndex(request, reply);
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanwezig</title></head>
<body>
<main>
<h1>Aanwezig</h1>
<p>De webapplicatie is nog niet gebouwd: voer <code>npm start</code> of <code>npm run build:web</code> uit.</p>
<p>De API draait onder <a href="/api/health">/api</a>.</p>
</main>
</body>
</html>`;

// Stand-in for the server's own serving of web/dist, used only while `aanwezig serve` does not
// serve the web app yet: web/dist with a fallback to index.html for the app's routes, and /api
// passed through to the real server. The Host header is passed on unchanged so the API's CSRF
// origin check sees the same origin the browser does.
import { readFile, stat } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { WEB_DIST } from "./paths.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".json": "application/json",
};

export async function startWebFront(
  apiOrigin: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const api = new URL(apiOrigin);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/api" || path.startsWith("/api/")) {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        res.writeHead(502).end();
      });
      req.pipe(upstream);
      return;
    }
    void serveFile(path).then(({ status, type, body }) => {
      res.writeHead(status, { "content-type": type }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serveFile(urlPath: string): Promise<{ status: number; type: string; body: Buffer }> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const file = join(WEB_DIST, relative);
  const info = await stat(file).catch(() => undefined);
  if (file.startsWith(WEB_DIST) && info?.isFile()) {
    return {
      status: 200,
      type: TYPES[extname(file)] ?? "application/octet-stream",
      body: await readFile(file),
    };
  }
  // A missing asset is a 404; any other path is one of the app's routes.
  if (urlPath.startsWith("/assets/"))
    return { status: 404, type: "text/plain", body: Buffer.from("") };
  return {
    status: 200,
    type: TYPES[".html"] as string,
    body: await readFile(join(WEB_DIST, "index.html")),
  };
}

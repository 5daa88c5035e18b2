// One user's burst of expensive monitor requests against the server's other users
// (docs/performance.md, "Monitor: one user's burst"):
//   npm run bench:monitor-burst -- --db /tmp/demo [--requests 12] [--port N]
// The database is a demo region made beforehand (`bin/aanwezig demo --pupils 10000 --db …`).
// Starts `aanwezig serve --no-jobs` on it, waits until the start-up snapshot of today is made,
// logs in as the demo policy officer, then sends `--requests` GET /api/monitor at once, each
// for a date whose snapshot is not cached, while another client asks /api/health every 50 ms.
// Prints the statuses of the burst and the health check's latencies during it.
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { freePort } from "./free-port.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    requests: { type: "string", default: "12" },
    port: { type: "string", default: "0" },
  },
});
if (!args.db) throw new Error("--db <directory or postgres:// url> is required");

const port = Number(args.port) || (await freePort());
const base = `http://127.0.0.1:${port}`;
let serverExited = false;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const server = spawn(
  "bin/aanwezig",
  ["serve", "--port", String(port), "--db", args.db, "--allow-demo-accounts", "--no-jobs"],
  { stdio: ["ignore", "ignore", "inherit"] },
);
server.on("exit", () => {
  serverExited = true;
});
try {
  for (let i = 0; ; i++) {
    if (serverExited || i > 600) throw new Error("the server did not start");
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "beleid@demo.aanwezig.nl", password: "demo-wachtwoord" }),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (!login.ok || !cookie) throw new Error(`login: ${login.status}`);
  const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } });
  // Today's snapshot (computed in the background at start) first, so the burst stands alone.
  const warm = await timed(() => get("/api/monitor?by=school").then((r) => r.arrayBuffer()));
  console.log(`today's snapshot ready after ${Math.round(warm.ms)} ms more`);

  const n = Number(args.requests);
  const dates = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 5 + i));
    return d.toISOString().slice(0, 10);
  });
  const health: number[] = [];
  let bursting = true;
  const prober = (async () => {
    while (bursting) {
      health.push((await timed(() => fetch(`${base}/api/health`).then((r) => r.text()))).ms);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const burst = await timed(() =>
    Promise.all(
      dates.map(async (date) => {
        const r = await timed(() => get(`/api/monitor?as_of=${date}&by=school`));
        await r.value.arrayBuffer();
        return { date, status: r.value.status, ms: Math.round(r.ms) };
      }),
    ),
  );
  bursting = false;
  await prober;
  const statuses = new Map<number, number>();
  for (const r of burst.value) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  health.sort((a, b) => a - b);
  const at = (q: number) => Math.round(health[Math.floor(q * (health.length - 1))] ?? Number.NaN);
  console.log(
    JSON.stringify(
      {
        requests: n,
        burst_ms: Math.round(burst.ms),
        statuses: Object.fromEntries(statuses),
        slowest_answer_ms: Math.max(...burst.value.map((r) => r.ms)),
        health: { probes: health.length, p50_ms: at(0.5), p90_ms: at(0.9), max_ms: at(1) },
        load_average: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill("SIGTERM");
}

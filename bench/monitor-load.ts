// Load test of the monitor's endpoints (docs/performance.md, "Monitor"):
//   npm run bench:monitor -- --db postgres://postgres@127.0.0.1:5432/aanwezig_monitor_load
//     [--connections 200] [--duration 30] [--rate 1] [--as-of YYYY-MM-DD] [--port N]
//     [--path /api/…]… [--runs "own moment"]
// The database is a demo region made beforehand (`bin/aanwezig demo --pupils 100000 --db …`).
// Starts `aanwezig serve --no-jobs` on it as a separate process, logs in as the demo policy
// officer, warms the monitor's snapshot cache (timing the cold computation), then lets
// autocannon play 200 concurrent users cycling through /api/monitor (by school, municipality,
// partnership), /api/monitor/trend and /api/monitor/kpis: first at `--rate` requests per
// second per user (people reading figures), then without pause (saturation); each beside the
// same load on /api/health as the peer.
import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort } from "./free-port.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres://postgres@127.0.0.1:5432/aanwezig_monitor_load" },
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "30" },
    rate: { type: "string", default: "1" },
    "as-of": { type: "string" },
    port: { type: "string", default: "0" },
    /** Only these paths (repeatable), e.g. to see which endpoint makes a tail. */
    path: { type: "string", multiple: true },
    /** Only the runs whose name contains this text, e.g. "own moment". */
    runs: { type: "string" },
  },
});

const port = Number(args.port) || (await freePort());
const base = `http://127.0.0.1:${port}`;
const connections = Number(args.connections);
const duration = Number(args.duration);

let serverExited = false;

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (serverExited) throw new Error("the server exited while starting");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

async function login(): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "beleid@demo.aanwezig.nl", password: "demo-wachtwoord" }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("login: no session cookie");
  return cookie;
}

async function timedGet(path: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return performance.now() - start;
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** Not counted at the start of every run (see load()). */
const RAMP_UP_MS = 2000;

interface Run {
  name: string;
  users: number;
  /** Requests per second per user; none: as fast as the server answers. */
  rate?: number;
  /** Each user starts at its own moment within the first second (else all at once). */
  staggered?: boolean;
  requests: { method: string; path: string }[];
}

interface LoadResult {
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/** The q-quantile of sorted latencies (nearest rank). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * Plays a run with autocannon and records the latency of every 2xx response as measured (its
 * 'response' event). autocannon's own histogram "corrects" rate-limited runs for coordinated
 * omission with an expected interval of ceil(1 / rate) = 1 ms instead of 1,000 ms, which
 * weights every response by its latency; at 1 request per second per user nothing is omitted.
 * The first RAMP_UP_MS of every run are not counted. A staggered run is one autocannon
 * instance per user, started 1000 / users ms apart, so the users do not all click in the same
 * millisecond (the "all at the same moment" run does that).
 */
async function load(run: Run): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const instances = run.staggered ? run.users : 1;
  const started = performance.now();
  // The ramp-up is not counted: autocannon builds its clients and histograms in this process
  // while the first requests are under way, which delays its own clock (measured: the first
  // two seconds of a staggered run at up to 320 ms, the rest at a p99 of 20-80 ms).
  const countFrom = started + RAMP_UP_MS;
  const results = await Promise.all(
    Array.from({ length: instances }, async (_, i) => {
      if (run.staggered) await new Promise((r) => setTimeout(r, (i * 1000) / run.users));
      const instance = autocannon({
        url: base,
        connections: run.staggered ? 1 : run.users,
        duration,
        ...(run.rate ? { connectionRate: run.rate } : {}),
        headers: { cookie: sessionCookie },
        requests: run.requests,
      });
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        if (performance.now() < countFrom) return;
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        else non2xx++;
      });
      return instance;
    }),
  );
  for (const result of results) errors += result.errors + result.timeouts;
  const seconds = (performance.now() - countFrom) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms);
  return {
    perSecond: (latencies.length + non2xx) / seconds,
    p50: round(quantile(latencies, 0.5)),
    p90: round(quantile(latencies, 0.9)),
    p99: round(quantile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? Number.NaN),
    non2xx,
    errors,
  };
}

let sessionCookie = "";

const server = spawn(
  "bin/aanwezig",
  ["serve", "--port", String(port), "--db", args.db, "--allow-demo-accounts", "--no-jobs"],
  { stdio: ["ignore", "ignore", "inherit"] },
);
server.on("exit", () => {
  serverExited = true;
});
try {
  await waitForHealth();
  const cookie = await login();
  sessionCookie = cookie;
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as {
    demo_as_of?: string | null;
    today?: string;
  };
  const asOf = args["as-of"] ?? me.demo_as_of ?? me.today ?? "2026-03-12";
  const quarter = quarterOf(asOf);
  const paths = args.path ?? [
    `/api/monitor?as_of=${asOf}&by=school`,
    `/api/monitor?as_of=${asOf}&by=municipality`,
    `/api/monitor?as_of=${asOf}&by=partnership`,
    `/api/monitor/trend?to=${quarter}&by=municipality`,
    `/api/monitor/kpis?quarter=${quarter}`,
  ];
  console.log(
    `as_of ${asOf}; ${cpus().length} cores; load average before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  for (const path of paths) {
    const cold = await timedGet(path, cookie);
    const warm = await timedGet(path, cookie);
    console.log(
      `cold ${cold.toFixed(0).padStart(6)} ms  warm ${warm.toFixed(1).padStart(6)} ms  ${path}`,
    );
  }
  // The peer: the same users on /api/health (one trivial query, no session), the floor this
  // machine and framework give at the same moment, so a shared machine's load is visible.
  const health = [{ method: "GET", path: "/api/health" }];
  const monitor = paths.map((path) => ({ method: "GET", path }));
  const rate = Number(args.rate);
  const runs: Run[] = [
    {
      name: `monitor: ${connections} users, ${rate} request/s each, each at its own moment`,
      users: connections,
      rate,
      staggered: true,
      requests: monitor,
    },
    {
      name: `peer /api/health: ${connections} users, ${rate} request/s each, each at its own moment`,
      users: connections,
      rate,
      staggered: true,
      requests: health,
    },
    {
      name: `monitor: ${connections} users, ${rate} request/s each, all at the same moment`,
      users: connections,
      rate,
      requests: monitor,
    },
    {
      name: `peer /api/health: ${connections} users, ${rate} request/s each, all at the same moment`,
      users: connections,
      rate,
      requests: health,
    },
    {
      name: `monitor: ${connections} users, no pause (saturation)`,
      users: connections,
      requests: monitor,
    },
    {
      name: `peer /api/health: ${connections} users, no pause`,
      users: connections,
      requests: health,
    },
  ];
  console.log(
    "\n| run | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | load average (1 min) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const run of runs.filter((r) => !args.runs || r.name.includes(args.runs ?? ""))) {
    const result = await load(run);
    if (serverExited) throw new Error("the server exited during the run");
    console.log(
      `| ${run.name} | ${result.perSecond.toFixed(0)} | ${result.p50} | ${result.p90} | ${result.p99} | ${result.max} | ${result.non2xx} | ${result.errors} | ${loadavg()[0]?.toFixed(2)} |`,
    );
  }
} finally {
  server.kill("SIGTERM");
}

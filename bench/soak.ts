// Soak run (issue 13 item 5; docs/reliability.md):
//   npm run bench:soak -- --minutes 30 [--db postgres://…/aanwezig_soak] [--users-per-role 3]
//     [--think-ms 1000] [--sample-seconds 15] [--warmup-minutes 0] [--port N]
//     [--heap-snapshots DIR [--end-snapshot-only]]
// The database is a demo region made beforehand (`bin/aanwezig demo --pupils 100000 --db …`).
// Starts `aanwezig serve --no-jobs` on it as a separate process and plays logged-in users of
// every demo role, each in a loop with a think time: worklists (signals, cases, DUO reports),
// case files and pupils, commands (a case event), the monitor, the audit trail, administration
// and an import (a small closures file through the upload, polled until done). Reports requests,
// errors (5xx and network errors; target 0), unexpected 4xx, p50/p99 per kind of request, and
// the server's resident memory (VmRSS of its process) sampled over time, with the growth after
// the warm-up (target: at most 10 %).
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./free-port.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres://postgres@127.0.0.1:5432/aanwezig_soak" },
    minutes: { type: "string", default: "30" },
    "users-per-role": { type: "string", default: "3" },
    "think-ms": { type: "string", default: "1000" },
    "sample-seconds": { type: "string", default: "15" },
    "warmup-minutes": { type: "string", default: "0" },
    port: { type: "string", default: "0" },
    /** A directory: the server writes a V8 heap snapshot there after the warm-up and at the end. */
    "heap-snapshots": { type: "string" },
    /**
     * Only the snapshot at the end. Writing one costs the server hundreds of MB of RSS that it
     * keeps (440 → 850–940 MB on 5 December): a snapshot after the warm-up spoils the memory
     * measurement that follows it.
     */
    "end-snapshot-only": { type: "boolean", default: false },
  },
});

const minutes = Number(args.minutes);
const thinkMs = Number(args["think-ms"]);
const usersPerRole = Number(args["users-per-role"]);
const warmupMs = Number(args["warmup-minutes"]) * 60_000;
const port = Number(args.port) || (await freePort());
const base = `http://127.0.0.1:${port}`;

const ROLES = [
  "mentor",
  "zorgcoordinator",
  "schooldirectie",
  "leerplicht",
  "casusregisseur",
  "swv",
  "jeugdarts",
  "jeugdteam",
  "doorbraakteam",
  "ouder",
  "beleid",
  "beheer",
  "privacy",
] as const;
type Role = (typeof ROLES)[number];

interface Session {
  role: Role;
  cookie: string;
  csrf: string;
}

// ---- measurements ----------------------------------------------------------------------------

const latencies = new Map<string, number[]>();
let requests = 0;
let errors = 0;
let unexpected4xx = 0;
const errorSamples: string[] = [];
const memory: { at: number; rssMb: number }[] = [];

/** The slowest requests of the run, with who sent them and when (seconds after the start). */
const slowest: { ms: number; kind: string; role: string; sentAt: number }[] = [];
let benchStart = performance.now();

function record(kind: string, ms: number, role = "", startedAt = performance.now() - ms): void {
  const list = latencies.get(kind) ?? [];
  if (list.length === 0) latencies.set(kind, list);
  list.push(ms);
  if (slowest.length < 10 || ms > slowest.at(-1)!.ms) {
    slowest.push({ ms, kind, role, sentAt: (startedAt - benchStart) / 1000 });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 10);
  }
}

/**
 * How long the server takes to answer GET /api/health (no session, no database) at each sample:
 * a slow answer means its event loop was busy with other requests' work, not waiting for the
 * database — which tells a request queued behind CPU work from one waiting for PostgreSQL.
 */
const healthProbes: { at: number; ms: number }[] = [];

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Kept for the report and printed at once, with when the request began and how long it took. */
function sample(text: string, startedAt: number): void {
  const line = `${text} (sent ${(startedAt / 1000).toFixed(0)} s after the bench started, answered after ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`;
  errorSamples.push(line);
  console.log(`  error: ${line}`);
}

async function call(
  s: Session | null,
  kind: string,
  method: string,
  path: string,
  body?: { type: string; data: string },
  expected: readonly number[] = [200],
): Promise<unknown> {
  const started = performance.now();
  requests++;
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        origin: base,
        ...(s && { cookie: s.cookie, "x-csrf-token": s.csrf }),
        ...(body && { "content-type": body.type }),
      },
      ...(body && { body: body.data }),
    });
    const text = await response.text();
    record(kind, performance.now() - started, s?.role ?? "", started);
    if (response.status >= 500) {
      errors++;
      if (errorSamples.length < 20)
        sample(`${s?.role} ${method} ${path} ${response.status} ${text.slice(0, 200)}`, started);
    } else if (!expected.includes(response.status)) {
      unexpected4xx++;
      if (errorSamples.length < 20)
        sample(`${s?.role} ${method} ${path} ${response.status} ${text.slice(0, 200)}`, started);
    }
    return response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  } catch (error) {
    errors++;
    if (errorSamples.length < 20) sample(`${s?.role} ${method} ${path} ${String(error)}`, started);
    return undefined;
  }
}

// ---- the server --------------------------------------------------------------------------------

const snapshotDir = args["heap-snapshots"] ? resolve(args["heap-snapshots"]) : undefined;
if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
const server = spawn(
  resolve("bin/aanwezig"),
  ["serve", "--port", String(port), "--db", args.db, "--allow-demo-accounts", "--no-jobs"],
  {
    stdio: ["ignore", "ignore", "inherit"],
    // Heap snapshots on SIGUSR2, written in the snapshot directory (Node writes to its cwd).
    ...(snapshotDir && {
      cwd: snapshotDir,
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2`,
      },
    }),
  },
);
let serverExited = false;
server.on("exit", () => {
  serverExited = true;
});

/** Asks the server for a heap snapshot and waits until the file is written (it blocks the server). */
async function heapSnapshot(label: string): Promise<void> {
  if (!snapshotDir) return;
  const before = new Set(readdirSync(snapshotDir));
  server.kill("SIGUSR2");
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const file = readdirSync(snapshotDir).find(
      (f) => f.endsWith(".heapsnapshot") && !before.has(f),
    );
    if (!file) continue;
    const size = statSync(`${snapshotDir}/${file}`).size;
    await new Promise((r) => setTimeout(r, 1500));
    if (statSync(`${snapshotDir}/${file}`).size === size && size > 0) {
      console.log(
        `  heap snapshot (${label}): ${snapshotDir}/${file} (${Math.round(size / 2 ** 20)} MB)`,
      );
      return;
    }
  }
}

/** bin/aanwezig execs node, so the child's pid is the server's. */
function rssMb(): number {
  let status = "";
  try {
    status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  } catch {
    return Number.NaN; // the server has gone
  }
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 900; i++) {
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

async function login(role: Role): Promise<Session> {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: `${role}@demo.aanwezig.nl`, password: "demo-wachtwoord" }),
  });
  if (!response.ok) throw new Error(`login ${role}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  const { csrf_token } = (await response.json()) as { csrf_token: string };
  return { role, cookie, csrf: csrf_token };
}

// ---- what each role does -----------------------------------------------------------------------

let asOf = "2026-03-02";
const pick = <T>(list: readonly T[]): T | undefined =>
  list[Math.floor(Math.random() * list.length)];
const quarter = () => `${asOf.slice(0, 4)}-Q${Math.ceil(Number(asOf.slice(5, 7)) / 3)}`;
let importCount = 0;

async function caseWork(s: Session, write: boolean): Promise<void> {
  const cases = (await call(s, "worklist: cases", "GET", "/api/cases")) as
    | { id: string; pupil_id?: string }[]
    | undefined;
  const one = Array.isArray(cases) ? pick(cases) : undefined;
  if (!one) return;
  await call(s, "case file", "GET", `/api/cases/${encodeURIComponent(one.id)}`);
  if (one.pupil_id) {
    await call(
      s,
      "pupil",
      "GET",
      `/api/pupils/${encodeURIComponent(one.pupil_id)}`,
      undefined,
      [200, 404],
    );
  }
  if (write) {
    await call(
      s,
      "command: case event",
      "POST",
      `/api/cases/${encodeURIComponent(one.id)}/events`,
      {
        type: "application/json",
        data: JSON.stringify({ kind: "professional_contact", date: asOf, note: "soak" }),
      },
      [201, 403, 409],
    );
  }
}

async function step(s: Session): Promise<void> {
  await call(s, "me", "GET", "/api/me");
  switch (s.role) {
    case "mentor":
    case "zorgcoordinator":
    case "schooldirectie":
    case "leerplicht":
      await call(s, "worklist: signals", "GET", `/api/signals?as_of=${asOf}`);
      await caseWork(s, s.role !== "mentor");
      if (s.role === "leerplicht") {
        await call(s, "worklist: DUO reports", "GET", `/api/duo-reports?as_of=${asOf}`);
      }
      await call(s, "pupil search", "GET", "/api/pupils?q=de", undefined, [200, 403]);
      return;
    case "casusregisseur":
    case "swv":
    case "jeugdarts":
    case "jeugdteam":
    case "doorbraakteam":
      await caseWork(s, s.role === "casusregisseur");
      return;
    case "ouder":
      await caseWork(s, false);
      return;
    case "beleid": {
      const by = pick(["school", "municipality", "partnership"] as const)!;
      await call(
        s,
        "monitor",
        "GET",
        `/api/monitor?as_of=${asOf}&by=${by}`,
        undefined,
        [200, 429, 503],
      );
      await call(
        s,
        "monitor trend",
        "GET",
        `/api/monitor/trend?to=${quarter()}&by=${by}`,
        undefined,
        [200, 429, 503],
      );
      await call(
        s,
        "monitor kpis",
        "GET",
        `/api/monitor/kpis?quarter=${quarter()}`,
        undefined,
        [200, 429, 503],
      );
      return;
    }
    case "privacy":
      await call(s, "audit", "GET", "/api/audit?limit=50");
      return;
    case "beheer": {
      await call(s, "admin: users", "GET", "/api/admin/users");
      await call(s, "admin: import log", "GET", "/api/admin/imports?limit=20");
      // One small import in three steps: a closure far in the future, re-imported (idempotent).
      if (importCount++ % 3 === 0) {
        const csv = "scope;start_date;end_date;name\nall;2030-06-03;2030-06-03;soak studiedag\n";
        const job = (await call(
          s,
          "import: upload",
          "POST",
          "/api/admin/imports?kind=closures&file_name=soak.csv",
          { type: "text/csv", data: csv },
          [202],
        )) as { id?: string } | undefined;
        for (let i = 0; job?.id && i < 100; i++) {
          const state = (await call(
            s,
            "import: poll",
            "GET",
            `/api/admin/imports/jobs/${job.id}`,
          )) as { phase?: string } | undefined;
          if (!state || state.phase === "done") break;
          await new Promise((r) => setTimeout(r, 400));
        }
      }
      return;
    }
  }
}

// ---- the run -----------------------------------------------------------------------------------

try {
  await waitForHealth();
  const sessions: Session[] = [];
  for (const role of ROLES) for (let i = 0; i < usersPerRole; i++) sessions.push(await login(role));
  const me = (await (
    await fetch(`${base}/api/me`, { headers: { cookie: sessions[0]!.cookie } })
  ).json()) as {
    demo_as_of?: string | null;
    today?: string;
  };
  asOf = me.demo_as_of ?? me.today ?? asOf;
  const started = Date.now();
  benchStart = performance.now();
  const end = started + minutes * 60_000;
  console.log(
    `soak: ${sessions.length} users (${usersPerRole} per role × ${ROLES.length} roles), think time ~${thinkMs} ms, ${minutes} min, as_of ${asOf}, server pid ${server.pid}`,
  );
  const sampler = setInterval(async () => {
    const at = Math.round((Date.now() - started) / 1000);
    const rss = rssMb();
    memory.push({ at, rssMb: rss });
    const probeStart = performance.now();
    const health = await fetch(`${base}/api/health`).then(
      (r) => r.text(),
      () => undefined,
    );
    const healthMs = performance.now() - probeStart;
    if (health !== undefined) healthProbes.push({ at, ms: healthMs });
    console.log(
      `  ${String(at).padStart(5)} s  rss ${rss} MB  requests ${requests}  errors ${errors}  unexpected 4xx ${unexpected4xx}  health ${health === undefined ? "—" : `${healthMs.toFixed(0)} ms`}  load ${loadavg()[0]!.toFixed(1)}`,
    );
  }, Number(args["sample-seconds"]) * 1000);
  memory.push({ at: 0, rssMb: rssMb() });
  // The warm-up is what the run touches, once, not a guessed duration: every user completes one
  // round of its role (the admin's first import included), and then the policy officer's
  // monitor answers for every grouping — the snapshot at the date, the trend (a snapshot per
  // quarter end) and the KPIs. The caches then hold every key the run asks for (one snapshot per
  // date, rendered rows per grouping, a signal evaluation per reach, the lookups); what they hold
  // after that is recomputed on the same keys when the data changes, not added. The growth is
  // measured from the first sample after the warm-up (or --warmup-minutes, if later).
  let warmedAt = Number.NaN;
  let firstRounds = 0;
  let allFirstRounds: () => void = () => {};
  const firstRoundsDone = new Promise<void>((r) => {
    allFirstRounds = r;
  });
  const policy = sessions.find((s) => s.role === "beleid");
  const monitorWarmup = (async () => {
    await firstRoundsDone;
    if (!policy) return;
    const paths = (["school", "municipality", "partnership"] as const).flatMap((by) => [
      `/api/monitor?as_of=${asOf}&by=${by}`,
      `/api/monitor/trend?to=${quarter()}&by=${by}`,
    ]);
    paths.push(`/api/monitor/kpis?quarter=${quarter()}`);
    for (const path of paths) {
      // Never past the run's end: the report must come (the 30-minute run of 5 December waited).
      for (let i = 0; i < 600 && !serverExited && Date.now() < end; i++) {
        const response = await fetch(`${base}${path}`, {
          headers: { cookie: policy.cookie },
          signal: AbortSignal.timeout(Math.max(1000, end - Date.now())),
        }).catch(() => undefined);
        await response?.text().catch(() => undefined);
        if (response?.ok) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    if (Date.now() >= end) {
      console.log("  warm-up: the monitor did not answer within the run");
      return;
    }
    warmedAt = Date.now() - started;
    console.log(
      `  warm-up: every user's first round and the monitor (3 groupings, trend, KPIs) done at ${Math.round(warmedAt / 1000)} s`,
    );
  })();
  let snapshotted = false;
  let snapshotWrittenAt = 0;
  const snapshotAfterWarmup = setInterval(() => {
    if (
      args["end-snapshot-only"] ||
      snapshotted ||
      Number.isNaN(warmedAt) ||
      Date.now() - started < Math.max(warmupMs, warmedAt)
    )
      return;
    snapshotted = true;
    // Writing the snapshot is part of the warm-up: growth is measured from after it.
    void heapSnapshot("after warm-up").then(() => {
      snapshotWrittenAt = Date.now() - started;
    });
  }, 1000);
  await Promise.all(
    sessions.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, (i * thinkMs) / sessions.length));
      let first = true;
      while (Date.now() < end && !serverExited) {
        await step(s);
        if (first && ++firstRounds === sessions.length) allFirstRounds();
        first = false;
        await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
      }
    }),
  );
  allFirstRounds(); // a run too short for every first round: the warm-up gives up at its end
  await monitorWarmup;
  clearInterval(sampler);
  clearInterval(snapshotAfterWarmup);
  memory.push({ at: Math.round((Date.now() - started) / 1000), rssMb: rssMb() });
  await heapSnapshot("end");

  // ---- report ----
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\nrequests ${requests} in ${seconds.toFixed(0)} s (${(requests / seconds).toFixed(1)}/s); errors ${errors}; unexpected 4xx ${unexpected4xx}`,
  );
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  console.log(
    `all: p50 ${quantile(all, 0.5).toFixed(0)} ms, p99 ${quantile(all, 0.99).toFixed(0)} ms`,
  );
  console.log("| request | n | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |");
  for (const [kind, list] of [...latencies.entries()].sort()) {
    list.sort((a, b) => a - b);
    console.log(
      `| ${kind} | ${list.length} | ${quantile(list, 0.5).toFixed(0)} | ${quantile(list, 0.99).toFixed(0)} | ${list.at(-1)!.toFixed(0)} |`,
    );
  }
  const warmupEnd = Math.max(
    warmupMs,
    Number.isNaN(warmedAt) ? Number.POSITIVE_INFINITY : warmedAt,
    snapshotWrittenAt,
  );
  const warm = memory.filter((m) => m.at * 1000 >= warmupEnd);
  const reference = warm[0]?.rssMb ?? Number.NaN;
  const last = memory.at(-1)!.rssMb;
  const peak = Math.max(...warm.map((m) => m.rssMb));
  console.log(
    `memory (RSS): start ${memory[0]!.rssMb} MB; after warm-up (${Math.round(warmupEnd / 1000)} s: every user's first round, the monitor for every grouping) ${reference} MB; peak after warm-up ${peak} MB; end ${last} MB; growth after warm-up ${(((last - reference) / reference) * 100).toFixed(1)} % (end) / ${(((peak - reference) / reference) * 100).toFixed(1)} % (peak)`,
  );
  console.log(`memory over time (s:MB): ${memory.map((m) => `${m.at}:${m.rssMb}`).join(" ")}`);
  const perMinute: string[] = [];
  for (let minute = 0; minute * 60 <= memory.at(-1)!.at; minute++) {
    const sample = memory.filter((m) => m.at <= minute * 60).at(-1);
    if (sample) perMinute.push(`${minute}:${sample.rssMb}`);
  }
  console.log(
    `memory per minute (min:MB, the last sample at or before it): ${perMinute.join(" ")}`,
  );
  console.log(
    `slowest requests (ms, kind, role, sent s after the start): ${slowest.map((r) => `${r.ms.toFixed(0)} ${r.kind} ${r.role} @${r.sentAt.toFixed(0)}`).join("; ")}`,
  );
  const probes = [...healthProbes].sort((a, b) => b.ms - a.ms);
  console.log(
    `GET /api/health at each sample (the server's event loop): p50 ${quantile(
      [...healthProbes.map((h) => h.ms)].sort((a, b) => a - b),
      0.5,
    ).toFixed(0)} ms; slowest ${probes
      .slice(0, 5)
      .map((h) => `${h.ms.toFixed(0)} ms @${h.at} s`)
      .join(", ")}`,
  );
  if (errorSamples.length) console.log(`samples of errors:\n  ${errorSamples.join("\n  ")}`);
} finally {
  server.kill("SIGTERM");
}

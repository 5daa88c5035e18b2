// The incremental monitor (issue 19, docs/performance.md "Monitor at a past date"):
//   npm run bench:monitor-incremental -- --db postgres://postgres@127.0.0.1:5432/scale_monitor
//     [--from 2026-01-05] [--to 2026-03-02] [--dates 2026-01-19,2026-02-11,…] [--live-runs 2]
//     [--trend]
// The database is a demo region made beforehand (`bin/aanwezig demo --pupils 100000 --db …`).
// First the daily evaluation runs for every weekday from --from to --to that has no run yet (so
// a second start reuses them: the runs are the cache), as the daily job would have. Then, for
// dates nobody asked for, the monitor's snapshot is made both ways — from the stored signals
// (src/services/monitor-held.ts) and by evaluating the whole region (`live`, the old path) — and
// both must give the same facts. Prints a Markdown table with the times and the ratio.
// --trend: also the trend of the four quarters up to --to (GET /api/monitor/trend's work: each
// quarter's snapshot at its last day, or --to for the running one, with flows from its first
// day), after a daily run at each quarter's last day that has none yet.
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connect.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { addDays, dayNumber, type IsoDate } from "../src/domain/calendar/dates.ts";
import { quarterOf, quarterRange, quartersBetween } from "../src/domain/monitor/quarters.ts";
import { monitorRows, monitorSnapshot } from "../src/services/monitor.ts";
import { cachedMonitorRows, cachedSnapshot } from "../src/services/monitor-cache.ts";
import { runDailyEvaluation } from "../src/services/signal-state.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres://postgres@127.0.0.1:5432/scale_monitor" },
    from: { type: "string", default: "2026-01-05" },
    to: { type: "string", default: "2026-03-02" },
    dates: { type: "string", default: "2026-01-14,2026-01-29,2026-02-11,2026-02-24" },
    /** How many of the dates also run the old path (it takes seconds each). */
    "live-runs": { type: "string", default: "4" },
    trend: { type: "boolean", default: false },
  },
});

const db = await openDatabase(args.db);
await migrateDatabase(db);

const isWeekday = (d: IsoDate) => {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

const runTimes: number[] = [];
for (let d = args.from; dayNumber(d) <= dayNumber(args.to); d = addDays(d, 1)) {
  if (!isWeekday(d)) continue;
  const [done] = await db.sql.query(
    "select 1 from evaluation_runs where as_of = $1 and held_recorded and finished_at is not null",
    [d],
  );
  if (done) continue;
  const start = performance.now();
  const run = await runDailyEvaluation(db, d, { mode: "incremental", actor: "bench" });
  const ms = performance.now() - start;
  runTimes.push(ms);
  console.error(`run ${d}: ${run.modeRun}, ${run.holding} holding, ${Math.round(ms)} ms`);
}

const trendQuarters = args.trend
  ? quartersBetween("1900-Q1", quarterOf(args.to), 4).map((q) => {
      const range = quarterRange(q);
      const [asOf = args.to] = [range.to, args.to].sort();
      return { from: range.from, asOf };
    })
  : [];
for (const { asOf } of trendQuarters) {
  const [done] = await db.sql.query(
    "select 1 from evaluation_runs where as_of = $1 and held_recorded and finished_at is not null",
    [asOf],
  );
  if (!done) await runDailyEvaluation(db, asOf, { mode: "incremental", actor: "bench" });
}

const [sizes] = await db.sql.query<{ pupils: string; spans: string; log: string; bytes: string }>(
  `select (select count(*) from pupils) as pupils, (select count(*) from signal_held_spans) as spans,
          (select count(*) from signal_change_log) as log,
          pg_total_relation_size('signal_held_spans') + pg_total_relation_size('signal_change_log') as bytes`,
);

const factKeys = (s: Awaited<ReturnType<typeof monitorSnapshot>>) =>
  s.facts.map((f) => `${f.measure}|${f.schoolId}|${f.personId}`).sort();

const rows: string[] = [];
const liveRuns = Number(args["live-runs"]);
let heldTotal = 0;
let liveTotal = 0;
let liveCount = 0;
for (const [i, asOf] of args.dates.split(",").entries()) {
  let start = performance.now();
  const held = await monitorSnapshot(db.sql, asOf);
  monitorRows(held, "school", true);
  const heldMs = performance.now() - start;
  heldTotal += heldMs;
  let liveMs: number | null = null;
  let same = "—";
  if (i < liveRuns) {
    start = performance.now();
    const live = await monitorSnapshot(db.sql, asOf, { live: true });
    monitorRows(live, "school", true);
    liveMs = performance.now() - start;
    liveTotal += liveMs;
    liveCount++;
    same = JSON.stringify(factKeys(held)) === JSON.stringify(factKeys(live)) ? "yes" : "NO";
  }
  rows.push(
    `| ${asOf} | ${held.source} | ${held.signals.length} | ${(heldMs / 1000).toFixed(2)} s | ${
      liveMs === null ? "—" : `${(liveMs / 1000).toFixed(2)} s`
    } | ${liveMs === null ? "—" : `${(liveMs / heldMs).toFixed(1)}×`} | ${same} |`,
  );
}
const trendLines: string[] = [];
for (const live of trendQuarters.length ? [false, true] : []) {
  const start = performance.now();
  const sources: string[] = [];
  for (const { from, asOf } of trendQuarters) {
    if (live) {
      const snapshot = await monitorSnapshot(db.sql, asOf, { live });
      monitorRows(snapshot, "municipality", true, from);
      sources.push(`${asOf} ${snapshot.source}`);
    } else {
      // What the route does: the snapshot cache, which also keeps the lookups between dates.
      await cachedMonitorRows(db.sql, {
        asOf,
        by: "municipality",
        suppress: true,
        periodFrom: from,
      });
      sources.push(`${asOf} ${(await cachedSnapshot(db.sql, asOf)).source}`);
    }
  }
  trendLines.push(
    `trend of four quarters, ${live ? "old path (live)" : "stored path"}: ${((performance.now() - start) / 1000).toFixed(2)} s (${sources.join(", ")})`,
  );
}
await db.close();

console.log(
  `${sizes?.pupils} pupils; ${runTimes.length} daily runs made now (${
    runTimes.length
      ? `${Math.round(runTimes.reduce((a, b) => a + b, 0) / runTimes.length)} ms each`
      : "cached"
  }); ${sizes?.spans} held spans, ${sizes?.log} logged changes, ${(Number(sizes?.bytes) / 1e6).toFixed(1)} MB\n`,
);
console.log("| date | source | signals | stored path | old path (live) | ratio | same facts |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
for (const row of rows) console.log(row);
if (liveCount > 0) {
  console.log(
    `\nmean: stored ${(heldTotal / rows.length / 1000).toFixed(2)} s, live ${(liveTotal / liveCount / 1000).toFixed(2)} s`,
  );
}
for (const line of trendLines) console.log(`\n${line}`);

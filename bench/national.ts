// A national rehearsal of the daily cycle (issue 19, docs/performance.md "Daily cycle"):
//   npm run bench:national -- [--pupils 2500000] [--server postgres://postgres@127.0.0.1:5432]
//     [--db URL] [--cache as-is|cold|warm]
// Builds once a synthetic country on PostgreSQL — the demo generator (`aanwezig demo`) with
// --pupils pupils, schools and calendars of many municipalities — in the database
// `scale_national_<pupils>` (kept: a second start reuses it; --db names another). Then runs one
// day the way production runs it, each phase timed (wall, this process's CPU, peak RSS, rows,
// database size after it):
// The country gets the planner's statistics once (ANALYZE, untimed) as autovacuum would gather
// them; then:
//   0. (once) a full evaluation at the demo's date, so the day after is an ordinary day;
//   1. the import of one school day's attendance for every school: the day's absences of the
//      generated year (taken out first, untimed), plus corrections of ~0.1 % of the pupils' rows
//      of the week before, through importFile with every validation;
//   2. the incremental signal evaluation and signal state (runDailyEvaluation);
//   3. DUO duties (prepareDuoReports); 4. case clocks and deadlines (advanceCases);
//   5. the monitor for today (monitorSnapshot, by school).
// The database server's CPU is not this process's: wall time is the figure that counts, beside
// the machine's CPU and what was read from disk (the page cache's share). --cache cold empties
// the operating system's page cache before the day (root on Linux: the worst case, every page
// read from disk); --cache warm reads the whole database into it first (pg_prewarm: a server with
// memory for its database); the default leaves the cache as the previous work left it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { addDays, type IsoDate } from "../src/domain/calendar/dates.ts";
import { importFile } from "../src/import/run-import.ts";
import { advanceCases } from "../src/jobs/cases-daily.ts";
import { prepareDuoReports } from "../src/services/duo-reports.ts";
import { monitorRows, monitorSnapshot } from "../src/services/monitor.ts";
import { runDailyEvaluation } from "../src/services/signal-state.ts";

const { values: args } = parseArgs({
  options: {
    pupils: { type: "string", default: "2500000" },
    server: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    db: { type: "string" },
    cache: { type: "string", default: "as-is" },
  },
});
if (!["as-is", "cold", "warm"].includes(args.cache!)) {
  console.error(`--cache ${args.cache}: use as-is (default), cold or warm`);
  process.exit(2);
}
const pupils = Number(args.pupils);
const url = args.db ?? `${args.server}/scale_national_${pupils}`;
// The generator holds the region in memory before it writes it (about 10 GB of heap at 2.5 M
// pupils, 5 December 2026), and the first full evaluation holds the whole country's units and
// signals (peak RSS 3.9 GB at 1 M pupils): beyond Node's default heap limit (≈ 4 GB on this
// machine). 4 GB per million pupils, 4 GB at least, for both: this process starts itself again
// with that limit unless it has it (NODE_OPTIONS can give more).
const heapMb = Math.max(4096, Math.ceil(pupils / 1_000_000) * 4096);
if (getHeapStatistics().heap_size_limit < heapMb * 2 ** 20 * 0.95) {
  const again = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${heapMb}`,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit" },
  );
  process.exit(again.status ?? 1);
}

interface Phase {
  name: string;
  wallS: number;
  cpuS: number;
  /** CPU of the whole machine in the phase (this process, PostgreSQL, anything else). */
  machineCpuS: number | null;
  /** Read from the disks in the phase (machine-wide): what the page cache did not hold. */
  diskReadMb: number | null;
  /** PostgreSQL blocks of this database read from outside its shared buffers / found in them. */
  pgBlocksRead: number;
  pgBlocksHit: number;
  /** WAL written in the phase (MB, the whole server). */
  walMb: number;
  /** Dirty buffers the server's own backends had to write to find a free one (pg_stat_bgwriter). */
  backendWrites: number | null;
  /** Checkpoints in the phase (timed or requested: max_wal_size reached), the whole server. */
  checkpoints: number | null;
  rssMb: number;
  rows: string;
  dbMb: number;
}

/** Busy CPU-seconds of the machine so far (/proc/stat), or null where there is no /proc. */
function machineCpuSeconds(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
    const [user, nice, system, , , irq, softirq, steal] = cpu.map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100; // USER_HZ = 100 on Linux
  } catch {
    return null;
  }
}

/** MB read from the disks so far (/proc/diskstats, the devices in /sys/block), or null. */
function diskReadMb(): number | null {
  try {
    const disks = new Set(
      readdirSync("/sys/block").filter((d) => !/^(loop|ram|zram|dm-|md)/.test(d)),
    );
    let sectors = 0;
    for (const line of readFileSync("/proc/diskstats", "utf8").split("\n")) {
      const f = line.trim().split(/\s+/);
      if (f[2] && disks.has(f[2])) sectors += Number(f[5]);
    }
    return (sectors * 512) / 2 ** 20;
  } catch {
    return null;
  }
}

interface PgCounters {
  read: number;
  hit: number;
  walBytes: number;
  backendWrites: number | null;
  checkpoints: number | null;
}

async function pgCounters(db: Database): Promise<PgCounters> {
  const [row] = await db.sql.query<{ r: string; h: string; wal: string }>(
    `select blks_read as r, blks_hit as h, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') as wal
     from pg_stat_database where datname = current_database()`,
  );
  let backendWrites: number | null = null;
  let checkpoints: number | null = null;
  try {
    // PostgreSQL 15 and 16; from 17 on the counts are in pg_stat_io and pg_stat_checkpointer
    // (left out then: both stay null).
    const [bg] = await db.sql.query<{ b: string; c: string }>(
      "select buffers_backend as b, checkpoints_timed + checkpoints_req as c from pg_stat_bgwriter",
    );
    backendWrites = Number(bg?.b);
    checkpoints = Number(bg?.c);
  } catch {}
  return {
    read: Number(row?.r),
    hit: Number(row?.h),
    walBytes: Number(row?.wal),
    backendWrites,
    checkpoints,
  };
}

async function ensureCountry(): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: `${args.server}/postgres` });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [name]))
    .rowCount;
  if (!exists) await admin.query(`create database "${name}"`);
  await admin.end();
  const db = await openDatabase(url);
  await migrateDatabase(db);
  const [row] = await db.sql.query<{ n: string }>("select count(*) as n from pupils");
  if (Number(row?.n) > 0) {
    await analyzeOnce(db);
    await db.close();
    return 0;
  }
  await db.close();
  console.error(`building the country: ${pupils} pupils in ${name} (once) …`);
  const start = performance.now();
  const built = spawnSync("bin/aanwezig", ["demo", "--pupils", String(pupils), "--db", url], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim(),
    },
  });
  if (built.status !== 0) throw new Error("the demo generator failed");
  const seconds = (performance.now() - start) / 1000;
  const again = await openDatabase(url);
  await analyzeOnce(again);
  await again.close();
  return seconds;
}

/**
 * The planner's statistics of the freshly loaded country (untimed). A server with autovacuum on
 * gathers them by itself after a bulk load; without them (autovacuum off, as on this machine)
 * the planner takes the (pupil, school) lookups of the daily cycle for tiny tables and scans a
 * school's whole attendance per pupil — 7.3 s instead of 0.5 s for the DUO step's attendance.
 */
async function analyzeOnce(db: Database): Promise<void> {
  const [stats] = await db.sql.query<{ n: string }>(
    "select count(*) as n from pg_stats where schemaname = 'public' and tablename = 'attendance'",
  );
  if (Number(stats?.n) > 0) return;
  const start = performance.now();
  await db.sql.query("analyze");
  console.error(
    `analyze (statistics for the planner, once): ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}

async function dbMb(db: Database): Promise<number> {
  const [row] = await db.sql.query<{ b: string }>(
    "select pg_database_size(current_database()) as b",
  );
  return Math.round(Number(row?.b) / 2 ** 20);
}

/** A counter's growth over a phase; null where the counter is not available here. */
const growth = (before: number | null, after: number | null) =>
  before === null || after === null ? null : after - before;

async function phase(
  db: Database,
  name: string,
  fn: () => Promise<string>,
  phases: Phase[],
): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const blocks = await pgCounters(db);
  const machine = machineCpuSeconds();
  const disk = diskReadMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  let rows: string;
  try {
    rows = await fn();
  } finally {
    clearInterval(sampler);
  }
  const wallS = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const machineAfter = machineCpuSeconds();
  const diskAfter = diskReadMb();
  // pg_stat_database is sent by the backends at the end of their transactions, at most every
  // 500 ms (PostgreSQL 15): wait that out so the phase's own blocks are in the counts.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const blocksAfter = await pgCounters(db);
  peak = Math.max(peak, process.memoryUsage().rss);
  const p = {
    name,
    wallS,
    cpuS: (used.user + used.system) / 1e6,
    machineCpuS: growth(machine, machineAfter),
    diskReadMb: growth(disk, diskAfter),
    pgBlocksRead: blocksAfter.read - blocks.read,
    pgBlocksHit: blocksAfter.hit - blocks.hit,
    walMb: (blocksAfter.walBytes - blocks.walBytes) / 2 ** 20,
    backendWrites: growth(blocks.backendWrites, blocksAfter.backendWrites),
    checkpoints: growth(blocks.checkpoints, blocksAfter.checkpoints),
    rssMb: Math.round(peak / 2 ** 20),
    rows,
    dbMb: await dbMb(db),
  };
  phases.push(p);
  console.error(
    `${name}: ${wallS.toFixed(1)} s, machine CPU ${p.machineCpuS?.toFixed(1) ?? "–"} s, disk read ${p.diskReadMb?.toFixed(0) ?? "–"} MB (${rows})`,
  );
}

const isWeekday = (d: IsoDate) => {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** The page cache before the day (--cache), untimed. */
async function prepareCache(db: Database): Promise<void> {
  const start = performance.now();
  if (args.cache === "warm") {
    await db.sql.query("create extension if not exists pg_prewarm");
    const [row] = await db.sql.query<{ blocks: string }>(
      `select sum(pg_prewarm(c.oid::regclass, 'read')) as blocks from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'i', 't', 'm')`,
    );
    console.error(
      `cache warm: ${Math.round((Number(row?.blocks) * 8) / 1024)} MB read into the page cache in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  } else if (args.cache === "cold") {
    await db.sql.query("checkpoint");
    const dropped = spawnSync("sh", ["-c", "sync && echo 3 > /proc/sys/vm/drop_caches"], {
      stdio: "inherit",
    });
    if (dropped.status !== 0) {
      throw new Error(
        "--cache cold empties the page cache through /proc/sys/vm/drop_caches: run as root on Linux",
      );
    }
    console.error("cache cold: the page cache emptied");
  }
}

const buildS = await ensureCountry();
const db = await openDatabase(url);
const phases: Phase[] = [];
const dir = mkdtempSync(join(tmpdir(), "scale-national-"));
try {
  const [last] = await db.sql.query<{ d: string | null }>(
    "select max(as_of)::text as d from evaluation_runs where finished_at is not null and held_recorded",
  );
  let previous = last?.d ?? null;
  if (!previous) {
    const [demo] = await db.sql.query<{ value: string }>(
      "select value from app_settings where key = 'demo_as_of'",
    );
    previous = demo?.value ?? "2026-03-02";
    await phase(
      db,
      "0. first full evaluation (once)",
      async () => {
        const run = await runDailyEvaluation(db, previous!, { mode: "full", actor: "bench" });
        return `${run.holding} signals`;
      },
      phases,
    );
  }
  let day = addDays(previous, 1);
  while (!isWeekday(day)) day = addDays(day, 1);
  // The day's file: the generated country already holds the whole school year's absences, so
  // the day's rows are taken out (untimed) and come back through the import, with corrections
  // of ~0.1 % of the pupils' rows of the week before (another reason: a changed row).
  const file = join(dir, `attendance-${day}.csv`);
  const rows = await db.sql.query<Record<string, string | number | null>>(
    `select pupil_id, school_id, date::text as date, period, minutes, reason, note
       from attendance where date = $1::date
     union all
     select pupil_id, school_id, date::text, period, minutes,
            case when reason = 'sick' then 'truant' else 'sick' end, note
       from attendance
      where date >= $2::date and date < $1::date and reason <> 'late'
        and abs(hashtext(pupil_id)) % 1000 = 0`,
    [day, addDays(day, -7)],
  );
  const esc = (v: string | number | null | undefined) =>
    v == null ? "" : /[;"\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : v;
  const lines = ["pupil_id;school_id;date;period;minutes;reason;note"];
  for (const r of rows) {
    lines.push(
      [r.pupil_id, r.school_id, r.date, r.period, r.minutes, r.reason, r.note].map(esc).join(";"),
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  await db.sql.query("delete from attendance where date = $1::date", [day]);
  await prepareCache(db);
  await phase(
    db,
    "1. import one school day",
    async () => {
      const result = await importFile(db, { kind: "attendance", path: file, actor: "bench" });
      if (result.outcome !== "imported") {
        throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
      }
      return `${result.rows} rows (${result.inserted} new, ${result.updated} corrected)`;
    },
    phases,
  );
  await phase(
    db,
    "2. signals + state (incremental)",
    async () => {
      const run = await runDailyEvaluation(db, day, { mode: "incremental", actor: "bench" });
      const ms = run.ms;
      return `${run.modeRun}: ${run.unitsEvaluated} units (${run.unitsFromKept} from kept inputs, ${run.unitsKept} kept), ${run.holding} holding, ${run.transitions} transitions, ${run.statesWritten} states written, ${run.spansWritten} held spans written (ms: candidates ${ms.candidates}, load ${ms.load}, evaluate ${ms.evaluate}, write ${ms.write})`;
    },
    phases,
  );
  await phase(
    db,
    "3. DUO duties",
    async () => {
      const duo = await prepareDuoReports(db, day);
      return `${duo.prepared} prepared, ${duo.withdrawn} withdrawn, ${duo.overdue.length} overdue`;
    },
    phases,
  );
  await phase(
    db,
    "4. case clocks and deadlines",
    async () => {
      const cases = await advanceCases(db, day, "system");
      return `${cases.casesChecked} cases, ${cases.applied.length} steps`;
    },
    phases,
  );
  await phase(
    db,
    "5. monitor for today",
    async () => {
      const snapshot = await monitorSnapshot(db.sql, day);
      const rows = monitorRows(snapshot, "school", true);
      return `${snapshot.source}: ${snapshot.signals.length} signals, ${rows.length} rows`;
    },
    phases,
  );
  const [size] = await db.sql.query<{ pupils: string; attendance: string }>(
    "select (select count(*) from pupils) as pupils, (select count(*) from attendance) as attendance",
  );
  const [settings] = await db.sql.query<{ sb: string; wal: string }>(
    "select current_setting('shared_buffers') as sb, current_setting('max_wal_size') as wal",
  );
  const cycle = phases.filter((p) => !p.name.startsWith("0."));
  const total = cycle.reduce((a, p) => a + p.wallS, 0);
  console.log(
    `\n${Number(size?.pupils).toLocaleString("en")} pupils, ${Number(size?.attendance).toLocaleString("en")} attendance rows; day ${day}; page cache ${args.cache}; shared_buffers ${settings?.sb}, max_wal_size ${settings?.wal}${
      buildS ? `; country built in ${buildS.toFixed(0)} s` : ""
    }\n`,
  );
  const fixed = (n: number | null) => (n === null ? "–" : n.toFixed(1));
  console.log(
    "| phase | wall (s) | CPU of this process (s) | CPU of the machine (s) | read from disk (MB) | PostgreSQL blocks read / hit | WAL (MB) | buffers written by backends | checkpoints | peak RSS (MB) | rows | db size after (MB) |",
  );
  console.log(
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  );
  for (const p of phases) {
    console.log(
      `| ${p.name} | ${p.wallS.toFixed(1)} | ${p.cpuS.toFixed(1)} | ${fixed(p.machineCpuS)} | ${fixed(p.diskReadMb)} | ${p.pgBlocksRead.toLocaleString("en")} / ${p.pgBlocksHit.toLocaleString("en")} | ${p.walMb.toFixed(0)} | ${p.backendWrites?.toLocaleString("en") ?? "–"} | ${p.checkpoints ?? "–"} | ${p.rssMb} | ${p.rows} | ${p.dbMb} |`,
    );
  }
  const sum = (f: (p: Phase) => number | null) =>
    cycle.some((p) => f(p) === null) ? null : cycle.reduce((a, p) => a + f(p)!, 0);
  console.log(
    `| **daily cycle (1–5)** | **${total.toFixed(1)}** | ${sum((p) => p.cpuS)!.toFixed(1)} | ${fixed(sum((p) => p.machineCpuS))} | ${fixed(sum((p) => p.diskReadMb))} | ${sum((p) => p.pgBlocksRead)!.toLocaleString("en")} / ${sum((p) => p.pgBlocksHit)!.toLocaleString("en")} | ${sum((p) => p.walMb)!.toFixed(0)} | ${sum((p) => p.backendWrites)?.toLocaleString("en") ?? "–"} | ${sum((p) => p.checkpoints) ?? "–"} | | | |`,
  );
  const checkpoints = sum((p) => p.checkpoints);
  if (checkpoints !== null && checkpoints > 1) {
    // Not an error of the code: the server's WAL budget against a day's changes (performance.md
    // "The whole country with I/O counters": a heavy day's checkpoint storm at 2.5 M pupils).
    console.log(
      `\n${checkpoints} checkpoints fell in the cycle (one per checkpoint_timeout, more when ${sum((p) => p.walMb)!.toFixed(0)} MB of WAL pass max_wal_size ${settings?.wal}): after each, the next change of every page writes a full page image again. A national server sets max_wal_size to a few times a day's WAL (docs/scale.md).`,
    );
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

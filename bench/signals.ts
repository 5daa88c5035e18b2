// `npm run bench:signals -- --pupils N`: generates (or reuses) the synthetic region, evaluates
// the attendance signals with the DuckDB peer and with the TypeScript rules, each phase in its
// own child process so that every peak RSS is that phase's own, and compares the two sets.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { addDays } from "../src/domain/calendar/dates.ts";
import { compareSignals, countByCode } from "./compare-signals.ts";
// Types only: the DuckDB library is loaded in the DuckDB phase alone, so the TypeScript phases'
// time and peak RSS hold none of it.
import type { PeerSignal } from "./duckdb-signals.ts";
import { GENERATOR_VERSION, type GeneratedData, generateSignalsData } from "./signals-data.ts";
import { DAY_CHANGES_HEADER, dayChangeLine, runIncremental } from "./signals-incremental.ts";
import { loadTsEvaluation, runTsSignalsThreaded } from "./ts-signals-run.ts";

const { values: args } = parseArgs({
  options: {
    pupils: { type: "string", default: "100000" },
    seed: { type: "string", default: "2025" },
    "as-of": { type: "string", default: "2026-03-12" },
    chunk: { type: "string", default: "50000" },
    "memory-limit": { type: "string", default: "6GB" },
    "skip-ts": { type: "boolean", default: false },
    /**
     * Worker threads of the TypeScript full run (default 1, like the product's daily job). More
     * threads pay only on an idle machine: on the shared one they cost CPU and gained nothing.
     */
    "ts-threads": { type: "string", default: "1" },
    /** The incremental day D (default D0 + 1); `--skip-incremental` leaves the phase out. */
    next: { type: "string" },
    "skip-incremental": { type: "boolean", default: false },
    regenerate: { type: "boolean", default: false },
    phase: { type: "string" },
  },
});
const pupils = Number(args.pupils);
const seed = Number(args.seed);
const asOf = args["as-of"];
const next = args.next ?? addDays(asOf, 1);
const tsThreads = Number(args["ts-threads"]);
const chunkSize = Number(args.chunk);
const root = "/tmp/aanwezig-bench-signals";
const dataDir = join(root, `v${GENERATOR_VERSION}-n${pupils}-s${seed}-c${chunkSize}`);
const workDir = join(root, `work-n${pupils}`);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
/** User + system CPU seconds of this process: comparable between runs on a busy machine. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 100_000) / 10;
};

function writeSignals(path: string, signals: readonly PeerSignal[]): void {
  const lines = signals.map((s) => `${s.pupil_id},${s.school_id},${s.code},${s.legal ?? ""}`);
  writeFileSync(path, `pupil_id,school_id,code,legal\n${lines.join("\n")}\n`);
}
function readSignals(path: string): PeerSignal[] {
  const [, ...lines] = readFileSync(path, "utf8").split("\n").filter(Boolean);
  return lines.map((line) => {
    const [pupil_id = "", school_id = "", code = "", legal = ""] = line.split(",");
    return {
      pupil_id,
      school_id,
      code,
      as_of: asOf,
      legal: legal === "" ? null : legal === "true",
    };
  });
}
const readJson = (name: string) => JSON.parse(readFileSync(join(workDir, name), "utf8"));
const dayChangesPath = join(workDir, "day-changes.csv");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function runPhase(phase: string): Promise<void> {
  const started = performance.now();
  if (phase === "generate") {
    rmSync(dataDir, { recursive: true, force: true });
    const data = generateSignalsData({ pupils, seed, dir: dataDir, chunkSize });
    writeFileSync(join(dataDir, "generated.json"), JSON.stringify(data));
    writeFileSync(
      join(workDir, "generate.json"),
      JSON.stringify({
        seconds: seconds(started),
        cpuSeconds: cpuSeconds(),
        peakRssMb: peakRssMb(),
      }),
    );
  } else if (phase === "duckdb") {
    const dbPath = join(workDir, "signals.duckdb");
    rmSync(dbPath, { force: true });
    const { applyDayChangesDuckDb, evaluateSignalsDuckDb, loadSignalsData, openDuckDb } =
      await import("./duckdb-signals.ts");
    const connection = await openDuckDb({
      path: dbPath,
      memoryLimit: args["memory-limit"],
      tempDirectory: join(workDir, "duckdb-tmp"),
    });
    await loadSignalsData(connection, dataDir);
    const loadSeconds = seconds(started);
    const evaluating = performance.now();
    const signals = await evaluateSignalsDuckDb(connection, asOf);
    const evaluateSeconds = seconds(evaluating);
    // CPU and peak RSS of load + evaluation at D0 alone (what the TypeScript phase is compared with).
    const cpuAsOf = cpuSeconds();
    const peakAsOf = peakRssMb();
    const count = async (sql: string) =>
      Number((await connection.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);
    // Counted at D, before the day's changes and the evaluation at D + 1 replace them.
    const attendanceRows = await count("SELECT count(*) FROM attendance");
    const pairs = await count("SELECT count(*) FROM pairs");
    let nextFigures: Record<string, number> | null = null;
    if (existsSync(dayChangesPath)) {
      // The day after: the corrections of the incremental phase, then a full evaluation at D.
      const applying = performance.now();
      await applyDayChangesDuckDb(connection, dayChangesPath);
      const applySeconds = seconds(applying);
      const evaluatingNext = performance.now();
      const nextSignals = await evaluateSignalsDuckDb(connection, next);
      nextFigures = {
        applySeconds,
        evaluateSeconds: seconds(evaluatingNext),
        cpuSeconds: Math.round((cpuSeconds() - cpuAsOf) * 10) / 10,
        peakRssMb: peakRssMb(),
        signals: nextSignals.length,
      };
      writeSignals(join(workDir, "duckdb-signals-next.csv"), nextSignals);
    }
    const figures = {
      loadSeconds,
      evaluateSeconds,
      cpuSeconds: cpuAsOf,
      peakRssMb: peakAsOf,
      attendanceRows,
      pairs,
      signals: signals.length,
      next: nextFigures,
    };
    connection.closeSync();
    rmSync(dbPath, { force: true });
    writeSignals(join(workDir, "duckdb-signals.csv"), signals);
    writeFileSync(join(workDir, "duckdb.json"), JSON.stringify(figures));
  } else if (phase === "ts") {
    const generated: GeneratedData = JSON.parse(
      readFileSync(join(dataDir, "generated.json"), "utf8"),
    );
    const { units, signals, evaluateSeconds } = await runTsSignalsThreaded(
      dataDir,
      generated.chunks,
      asOf,
      tsThreads,
    );
    writeSignals(join(workDir, "ts-signals.csv"), signals);
    writeFileSync(
      join(workDir, "ts.json"),
      JSON.stringify({
        seconds: seconds(started),
        cpuSeconds: cpuSeconds(),
        peakRssMb: peakRssMb(),
        evaluateSeconds,
        threads: Math.min(tsThreads, generated.chunks),
        units,
        signals: signals.length,
      }),
    );
  } else if (phase === "incremental") {
    const evaluateUnit = await loadTsEvaluation();
    if (!evaluateUnit) throw new Error("src/domain/signals/evaluate.ts exports no evaluateUnit");
    const generated: GeneratedData = JSON.parse(
      readFileSync(join(dataDir, "generated.json"), "utf8"),
    );
    const { fullNext, changes, ...result } = await runIncremental(
      dataDir,
      generated.chunks,
      asOf,
      next,
      seed,
      evaluateUnit,
    );
    writeSignals(join(workDir, "ts-signals-next.csv"), fullNext);
    writeFileSync(
      dayChangesPath,
      `${DAY_CHANGES_HEADER}\n${changes.map(dayChangeLine).join("\n")}\n`,
    );
    writeFileSync(
      join(workDir, "incremental.json"),
      JSON.stringify({
        ...result,
        seconds: seconds(started),
        cpuSeconds: cpuSeconds(),
        peakRssMb: peakRssMb(),
      }),
    );
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
}

function child(phase: string): void {
  const script = fileURLToPath(import.meta.url);
  const forwarded = process.argv.slice(2).filter((a) => a !== "--regenerate");
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, script, ...forwarded, "--phase", phase],
    {
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error(`phase ${phase} failed with status ${result.status}`);
}

function compareAndPrint(label: string, duckdb: PeerSignal[], ts: PeerSignal[]) {
  const comparison = compareSignals(duckdb, ts);
  console.log(
    `${label} disagreements: ${comparison.disagreements} (only DuckDB ${comparison.byKind.only_duckdb}, ` +
      `only TypeScript ${comparison.byKind.only_ts}, legal differs ${comparison.byKind.legal_differs}); ` +
      `agreeing ${comparison.agreeing}`,
  );
  if (comparison.disagreements > 0) {
    console.log("by code:", comparison.byCode);
    console.table(comparison.examples);
  }
  return comparison;
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  rmSync(dayChangesPath, { force: true });
  console.log(
    `signals benchmark: ${pupils} pupils, seed ${seed}, as of ${asOf}; load average ${load()}`,
  );
  if (args.regenerate || !existsSync(join(dataDir, "generated.json"))) {
    child("generate");
    const g = readJson("generate.json");
    console.log(
      `generated ${dataDir} in ${g.seconds} s (CPU ${g.cpuSeconds} s, peak RSS ${g.peakRssMb} MB)`,
    );
  } else {
    console.log(`reusing ${dataDir}`);
  }
  const generated: GeneratedData = JSON.parse(
    readFileSync(join(dataDir, "generated.json"), "utf8"),
  );
  console.log(
    `data: ${generated.schools} schools, ${generated.enrolments} enrolments, ${generated.attendanceRows} attendance rows`,
  );
  const summary: Record<string, unknown> = { pupils, seed, asOf, next, generated };
  const loads: Record<string, string> = {};
  const runTs = !args["skip-ts"] && (await loadTsEvaluation()) !== null;
  if (runTs) {
    loads.tsBefore = load();
    child("ts");
    loads.tsAfter = load();
    const t = readJson("ts.json");
    console.log(
      `TypeScript (${t.threads} thread${t.threads === 1 ? "" : "s"}): ${t.seconds} s read + evaluate, of which ${t.evaluateSeconds} s in evaluateUnit ` +
        `(CPU ${t.cpuSeconds} s), peak RSS ${t.peakRssMb} MB, ${t.units} units, ${t.signals} signals; load ${loads.tsAfter}`,
    );
    summary.ts = t;
    if (!args["skip-incremental"]) {
      child("incremental");
      loads.incrementalAfter = load();
      const inc = readJson("incremental.json");
      console.log(
        `incremental ${asOf} → ${next}: ${inc.corrections} corrections, ${inc.newRows} new rows in ${inc.unitsWithNewRows} units; ` +
          `${inc.candidates} of ${inc.units} units evaluated again in ${inc.incrementalEvaluateSeconds.toFixed(3)} s ` +
          `(with the merge ${inc.incrementalSeconds.toFixed(3)} s, CPU ${inc.incrementalCpuSeconds.toFixed(3)} s); full evaluation without reading: ` +
          `${inc.fullEvaluateSeconds.asOf.toFixed(2)} s at ${asOf}, ${inc.fullEvaluateSeconds.next.toFixed(2)} s at ${next}; ` +
          `incremental ≠ full: ${inc.mismatches}; peak RSS ${inc.peakRssMb} MB`,
      );
      console.log("candidates by first reason:", inc.candidatesBy);
      if (inc.mismatches > 0) console.log(inc.mismatchExamples);
      summary.incremental = inc;
    }
  } else {
    console.log(
      "TypeScript evaluation skipped (--skip-ts, or no evaluateUnit in src/domain/signals/evaluate.ts)",
    );
  }
  loads.duckdbBefore = load();
  child("duckdb");
  loads.duckdbAfter = load();
  const d = readJson("duckdb.json");
  console.log(
    `DuckDB: load ${d.loadSeconds} s, evaluate ${d.evaluateSeconds} s (CPU ${d.cpuSeconds} s in all), peak RSS ${d.peakRssMb} MB, ` +
      `${d.pairs} active (pupil, school) pairs, ${d.signals} signals; load ${loads.duckdbAfter}`,
  );
  if (d.next) {
    console.log(
      `DuckDB at ${next}: day changes applied in ${d.next.applySeconds} s, evaluate ${d.next.evaluateSeconds} s (CPU ${d.next.cpuSeconds} s), ${d.next.signals} signals`,
    );
  }
  summary.duckdb = d;
  const duckdbSignals = readSignals(join(workDir, "duckdb-signals.csv"));
  console.table(countByCode(duckdbSignals));
  if (runTs) {
    const t = summary.ts as { seconds: number; cpuSeconds: number };
    summary.comparison = compareAndPrint(
      asOf,
      duckdbSignals,
      readSignals(join(workDir, "ts-signals.csv")),
    );
    const duckdbSeconds = d.loadSeconds + d.evaluateSeconds;
    summary.ratio = {
      wall: Math.round((t.seconds / duckdbSeconds) * 100) / 100,
      cpu: Math.round((t.cpuSeconds / d.cpuSeconds) * 100) / 100,
    };
    console.log(
      `TypeScript / DuckDB (read or load + evaluate): wall ${t.seconds} / ${duckdbSeconds.toFixed(1)} s = ${(summary.ratio as { wall: number }).wall}, ` +
        `CPU ${t.cpuSeconds} / ${d.cpuSeconds} s = ${(summary.ratio as { cpu: number }).cpu}`,
    );
    if (d.next) {
      summary.comparisonNext = compareAndPrint(
        next,
        readSignals(join(workDir, "duckdb-signals-next.csv")),
        readSignals(join(workDir, "ts-signals-next.csv")),
      );
    }
  }
  summary.loadAverages = loads;
  writeFileSync(join(workDir, "summary.json"), JSON.stringify(summary, null, 2));
  console.log(`summary: ${join(workDir, "summary.json")}`);
}

if (args.phase) await runPhase(args.phase);
else await main();

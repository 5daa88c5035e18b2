// `npm run bench:signals -- --pupils N`: generates (or reuses) the synthetic region, evaluates
// the attendance signals with the DuckDB peer and with the TypeScript rules, each phase in its
// own child process so that every peak RSS is that phase's own, and compares the two sets.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareSignals, countByCode } from "./compare-signals.ts";
import {
  evaluateSignalsDuckDb,
  loadSignalsData,
  openDuckDb,
  type PeerSignal,
} from "./duckdb-signals.ts";
import { GENERATOR_VERSION, type GeneratedData, generateSignalsData } from "./signals-data.ts";
import { loadTsEvaluation, runTsSignals } from "./ts-signals-run.ts";

const { values: args } = parseArgs({
  options: {
    pupils: { type: "string", default: "100000" },
    seed: { type: "string", default: "2025" },
    "as-of": { type: "string", default: "2026-03-12" },
    chunk: { type: "string", default: "50000" },
    "memory-limit": { type: "string", default: "6GB" },
    "skip-ts": { type: "boolean", default: false },
    regenerate: { type: "boolean", default: false },
    phase: { type: "string" },
  },
});
const pupils = Number(args.pupils);
const seed = Number(args.seed);
const asOf = args["as-of"];
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
    const count = async (sql: string) =>
      Number((await connection.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);
    const figures = {
      loadSeconds,
      evaluateSeconds,
      cpuSeconds: cpuSeconds(),
      peakRssMb: peakRssMb(),
      attendanceRows: await count("SELECT count(*) FROM attendance"),
      pairs: await count("SELECT count(*) FROM pairs"),
      signals: signals.length,
    };
    connection.closeSync();
    rmSync(dbPath, { force: true });
    writeSignals(join(workDir, "duckdb-signals.csv"), signals);
    writeFileSync(join(workDir, "duckdb.json"), JSON.stringify(figures));
  } else if (phase === "ts") {
    const evaluateUnit = await loadTsEvaluation();
    if (!evaluateUnit) throw new Error("src/domain/signals/evaluate.ts exports no evaluateUnit");
    const generated: GeneratedData = JSON.parse(
      readFileSync(join(dataDir, "generated.json"), "utf8"),
    );
    const { units, signals } = await runTsSignals(dataDir, generated.chunks, asOf, evaluateUnit);
    writeSignals(join(workDir, "ts-signals.csv"), signals);
    writeFileSync(
      join(workDir, "ts.json"),
      JSON.stringify({
        seconds: seconds(started),
        cpuSeconds: cpuSeconds(),
        peakRssMb: peakRssMb(),
        units,
        signals: signals.length,
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

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  console.log(`signals benchmark: ${pupils} pupils, seed ${seed}, as of ${asOf}`);
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
  child("duckdb");
  const d = readJson("duckdb.json");
  console.log(
    `DuckDB: load ${d.loadSeconds} s, evaluate ${d.evaluateSeconds} s (CPU ${d.cpuSeconds} s in all), peak RSS ${d.peakRssMb} MB, ` +
      `${d.pairs} active (pupil, school) pairs, ${d.signals} signals`,
  );
  const duckdbSignals = readSignals(join(workDir, "duckdb-signals.csv"));
  console.table(countByCode(duckdbSignals));
  const summary: Record<string, unknown> = { pupils, seed, asOf, generated, duckdb: d };
  if (args["skip-ts"] || !(await loadTsEvaluation())) {
    console.log(
      "TypeScript evaluation skipped (--skip-ts, or no evaluateUnit in src/domain/signals/evaluate.ts)",
    );
  } else {
    child("ts");
    const t = readJson("ts.json");
    console.log(
      `TypeScript: ${t.seconds} s read + evaluate (CPU ${t.cpuSeconds} s), peak RSS ${t.peakRssMb} MB, ${t.units} units, ${t.signals} signals`,
    );
    const comparison = compareSignals(duckdbSignals, readSignals(join(workDir, "ts-signals.csv")));
    console.log(
      `disagreements: ${comparison.disagreements} (only DuckDB ${comparison.byKind.only_duckdb}, ` +
        `only TypeScript ${comparison.byKind.only_ts}, legal differs ${comparison.byKind.legal_differs}); ` +
        `agreeing ${comparison.agreeing}`,
    );
    if (comparison.disagreements > 0) {
      console.log("by code:", comparison.byCode);
      console.table(comparison.examples);
    }
    summary.ts = t;
    summary.comparison = comparison;
  }
  writeFileSync(join(workDir, "summary.json"), JSON.stringify(summary, null, 2));
  console.log(`summary: ${join(workDir, "summary.json")}`);
}

if (args.phase) await runPhase(args.phase);
else await main();

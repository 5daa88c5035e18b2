// A worker thread of runTsSignalsThreaded: evaluates its chunk files one by one and posts the
// result per chunk, so the caller can put the signals back in pupil order.
import { parentPort, workerData } from "node:worker_threads";
import { loadTsEvaluation, runTsSignals, type TsRunResult } from "./ts-signals-run.ts";

const { dir, chunks, asOf } = workerData as { dir: string; chunks: number[]; asOf: string };
const evaluateUnit = await loadTsEvaluation();
if (!evaluateUnit) throw new Error("src/domain/signals/evaluate.ts exports no evaluateUnit");
const results: { chunk: number; result: TsRunResult }[] = [];
for (const chunk of chunks) {
  results.push({ chunk, result: await runTsSignals(dir, [chunk], asOf, evaluateUnit) });
}
parentPort?.postMessage(results);

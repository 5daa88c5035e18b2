// Worker thread of the parallel read (parallel-read.ts): validates pieces of a plain file (whole
// lines, no quotes, no carriage returns) with the kind's own row validator and answers with the
// staging-table CSV of the valid rows and the errors of the invalid ones, by line.
import { parentPort, workerData } from "node:worker_threads";
import { splitLine } from "./csv.ts";
import { ErrorCollector } from "./errors.ts";
import type { ImportKind } from "./kind-spec.ts";
import { KIND_SPECS } from "./kinds/index.ts";
import type { PieceRequest, PieceResult, WorkerSetup } from "./parallel-read.ts";
import { RowStager } from "./read-rows.ts";

const setup = workerData as WorkerSetup;
const spec = KIND_SPECS[setup.kind as ImportKind];
if (spec.validatorFor === undefined) throw new Error(`${setup.kind}: no worker validator`);
const validate = spec.validatorFor(setup.context);
const decoder = new TextDecoder(setup.encoding);

parentPort?.on("message", (request: PieceRequest) => {
  const errors = new ErrorCollector();
  const stager = new RowStager(setup.header, errors);
  const text = decoder.decode(request.bytes);
  let csv = "";
  const parts: string[] = [];
  let rows = 0;
  let line = request.firstLine - 1;
  for (let start = 0; start < text.length; ) {
    let newline = text.indexOf("\n", start);
    if (newline === -1) newline = text.length;
    line++;
    if (newline > start) {
      rows++;
      const staged = stager.stage(line, splitLine(text, start, newline, setup.separator), validate);
      if (staged !== undefined) {
        csv += staged;
        if (csv.length >= 1 << 16) {
          parts.push(csv);
          csv = "";
        }
      }
    }
    start = newline + 1;
  }
  parts.push(csv);
  const result: PieceResult = {
    id: request.id,
    csv: parts.join(""),
    rows,
    errors: errors.list(),
    errorsTotal: errors.total,
  };
  parentPort?.postMessage(result);
});

// Reading and validating a large plain file in worker threads (issue 19): the file is cut into
// pieces of whole lines, each piece is validated by a worker (read-worker.ts) with the kind's own
// row validator, and the results are taken back in file order — the staging CSV goes to COPY
// in the order of the file and the errors name the same lines and columns as a sequential read.
//
// Only for a file whose every record is one line (no `"`, no carriage return, valid in its
// encoding: csv.ts hasNoQuotesOrCarriageReturns and the check here), so a piece can start at any
// line feed and a line's number is the count of line feeds before it. Every other file, a file
// read through a column mapping and a small file are read sequentially (read-rows.ts).

import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { CsvSyntaxError, normaliseHeader, type Separator } from "./csv.ts";
import type { FileEncoding } from "./decode.ts";
import type { ErrorCollector, RowError } from "./errors.ts";
import type { KindSpec } from "./kind-spec.ts";
import { messages } from "./messages.ts";
import { checkHeader, type ReadState } from "./read-rows.ts";

/**
 * Files from this size are read in parallel: for now none unless asked (ImportOptions
 * .parallelMinBytes). On the shared 2-core machine of 5 Dec 2026 (load average 34–44) two
 * workers read and validated the benchmark's 300,000 rows in 78–82 s where the sequential read
 * took 31–62 s (docs/performance.md "Import"); it is to be measured on a quiet machine first.
 */
export const PARALLEL_MIN_BYTES = Number.POSITIVE_INFINITY;
const PIECE_BYTES = 1 << 21;
const HEAD_BYTES = 1 << 16;

export interface WorkerSetup {
  kind: string;
  context: unknown;
  separator: Separator;
  encoding: "utf-8" | "windows-1252";
  header: string[];
}

export interface PieceRequest {
  id: number;
  bytes: Uint8Array;
  /** The line number of the piece's first line. */
  firstLine: number;
}

export interface PieceResult {
  id: number;
  csv: string;
  /** Records (non-empty lines) in the piece. */
  rows: number;
  errors: RowError[];
  errorsTotal: number;
}

export interface ParallelPlan {
  /** Byte offset where the data after the header line starts. */
  dataStart: number;
  /** The header line's fields. */
  headerFields: string[];
  encoding: "utf-8" | "windows-1252";
  size: number;
}

/** Worker threads to use: one per core, at most four; none on a single core. */
export function parallelWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

/**
 * How to read the file in parallel, or undefined when it must be read sequentially: too small,
 * invalid in its encoding (the sequential read reports where), or a header that is not the
 * first line. The caller has checked that it holds no quotes or carriage returns.
 */
export async function planParallelRead(
  path: string,
  separator: Separator,
  asked: FileEncoding,
  minBytes: number,
): Promise<ParallelPlan | undefined> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size < minBytes) return undefined;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const encoding = bom === 3 ? "utf-8" : asked;
    const end = head.indexOf(0x0a, bom);
    if (end === -1 || end === bom) return undefined;
    if (encoding === "utf-8" && !(await validUtf8(handle, bom, size))) return undefined;
    const headerText = new TextDecoder(encoding).decode(head.subarray(bom, end));
    return { dataStart: end + 1, headerFields: headerText.split(separator), encoding, size };
  } finally {
    await handle.close();
  }
}

/** The whole file is valid UTF-8 (checked up to each piece's last line feed, never mid-character). */
async function validUtf8(
  handle: Awaited<ReturnType<typeof open>>,
  from: number,
  size: number,
): Promise<boolean> {
  const buffer = Buffer.alloc(PIECE_BYTES);
  let position = from;
  while (position < size) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const last =
      position + bytesRead >= size ? bytesRead : buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
    const upTo = last <= 0 ? bytesRead : last;
    if (!isUtf8(buffer.subarray(0, upTo))) return false;
    position += upTo;
  }
  return true;
}

/**
 * The staging CSV of the file's valid rows, in file order, as stagedChunks makes it; errors go
 * to the collector exactly as a sequential read would report them (the first ones by line, and
 * the total).
 */
export async function* parallelStagedChunks(
  path: string,
  plan: ParallelPlan,
  separator: Separator,
  spec: KindSpec,
  context: unknown,
  errors: ErrorCollector,
  state: ReadState,
  workers: number,
  onRows?: (rows: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const header = normaliseHeader(plan.headerFields);
  if (!checkHeader(header, spec, errors)) return;
  for (const name of header) state.header.add(name);
  const setup: WorkerSetup = {
    kind: spec.kind,
    context,
    separator,
    encoding: plan.encoding,
    header,
  };
  const pool = Array.from(
    { length: workers },
    () => new Worker(new URL("./read-worker.ts", import.meta.url), { workerData: setup }),
  );
  const pending = new Map<number, Waiting>();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
  };
  for (const worker of pool) {
    worker.on("message", (result: PieceResult) => pending.get(result.id)?.resolve(result));
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`import worker stopped (${code})`));
    });
  }
  // Up to 2 MB a piece; a smaller file still in several pieces per worker.
  const pieceBytes = Math.max(4096, Math.min(PIECE_BYTES, Math.ceil(plan.size / (workers * 8))));
  const handle = await open(path, "r");
  try {
    const inFlight: Promise<PieceResult>[] = [];
    let position = plan.dataStart;
    let line = 2;
    let id = 0;
    const send = (bytes: Uint8Array) => {
      const waiting = waitFor();
      waiting.promise.catch(() => {}); // awaited in order below; an early failure is not unhandled
      pending.set(id, waiting);
      const request: PieceRequest = { id, bytes, firstLine: line };
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) line++;
      pool[id % pool.length]?.postMessage(request, [bytes.buffer as ArrayBuffer]);
      inFlight.push(waiting.promise);
      id++;
    };
    let done = 0;
    while (position < plan.size || inFlight.length > done) {
      while (position < plan.size && inFlight.length - done < pool.length * 2) {
        if (failure !== undefined) throw failure;
        // Whole lines: a piece ends after its last line feed (a longer line: a larger piece).
        let end = 0;
        let bytes = new Uint8Array(0);
        for (let want = pieceBytes; end === 0; want *= 2) {
          bytes = new Uint8Array(Math.min(want, plan.size - position));
          const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
          if (bytesRead < bytes.length) throw new CsvSyntaxError(line, messages.fileChanged);
          end = position + bytesRead >= plan.size ? bytesRead : bytes.lastIndexOf(0x0a) + 1;
        }
        // Its own buffer: transferred to the worker, not copied.
        send(end === bytes.length ? bytes : bytes.slice(0, end));
        position += end;
      }
      const result = await inFlight[done];
      if (result === undefined) break;
      pending.delete(result.id);
      inFlight[done] = undefined as unknown as Promise<PieceResult>;
      done++;
      signal?.throwIfAborted();
      const before = state.rows;
      state.rows += result.rows;
      if (onRows !== undefined && Math.floor(state.rows / 65536) > Math.floor(before / 65536)) {
        onRows(state.rows);
      }
      if (result.errorsTotal > 0) errors.addFound(result.errors, result.errorsTotal);
      if (result.csv !== "") yield result.csv;
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    errors.add(error.line, "", error.message);
  } finally {
    await handle.close();
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

interface Waiting {
  promise: Promise<PieceResult>;
  resolve(result: PieceResult): void;
  reject(error: unknown): void;
}

function waitFor(): Waiting {
  let resolve: (result: PieceResult) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<PieceResult>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

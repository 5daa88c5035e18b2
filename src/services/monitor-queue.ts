// The monitor's expensive work — a snapshot at a date that is not cached, every signal of the
// region evaluated — runs one computation at a time per database, in arrival order. On PGlite
// the database runs in the server's own thread, so computations side by side starved every
// other request (issue 20: one user's 12 parallel requests for new dates delayed /api/health
// by 11.6 s). One at a time, each yielding to the event loop between schools (services/
// signals.ts), the server keeps answering. The queue is bounded, and one requester (the user
// of the HTTP request, `asRequester`) has at most `perRequester` computations in it, so one
// user cannot fill it. Work without a requester (the start-up warm-up, the command line) only
// waits its turn. Requests for a date already being computed share that computation
// (monitor-cache.ts) and cost nothing here.
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { SqlClient } from "../db/connect.ts";

export interface QueueLimits {
  /** Computations one requester may have waiting or running. */
  perRequester: number;
  /** Computations waiting behind the running one. */
  waiting: number;
}

export const QUEUE_LIMITS: QueueLimits = { perRequester: 2, waiting: 16 };

/** Admission refused: the requester has enough work queued, or the queue is full. */
export class ComputationRefused extends Error {
  readonly reason: "requester_busy" | "queue_full";
  readonly retryAfterSeconds: number;
  readonly limit: number;
  constructor(reason: ComputationRefused["reason"], retryAfterSeconds: number, limit: number) {
    super(`monitor computation refused: ${reason}`);
    this.name = "ComputationRefused";
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

const requesters = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits) on behalf of `requester`, e.g. a user id. */
export function asRequester<T>(requester: string, work: () => T): T {
  return requesters.run(requester, work);
}

interface Job {
  requester: string | undefined;
  start(): void;
}

export class ComputationQueue {
  readonly limits: QueueLimits;
  #waiting: Job[] = [];
  #running = false;
  #perRequester = new Map<string, number>();
  /** Moving average of a computation's duration, for Retry-After; a first guess until measured. */
  #averageMs = 3000;

  constructor(limits: QueueLimits = QUEUE_LIMITS) {
    this.limits = limits;
  }

  /**
   * Queues `compute` and answers its result. Admission is decided at once: it throws
   * ComputationRefused (synchronously, before anything is queued) when the current requester
   * already has `perRequester` computations in the queue or `waiting` computations wait.
   */
  submit<T>(compute: () => Promise<T>): Promise<T> {
    const requester = requesters.getStore();
    const mine = requester === undefined ? 0 : (this.#perRequester.get(requester) ?? 0);
    if (mine >= this.limits.perRequester) {
      throw new ComputationRefused("requester_busy", this.#retryAfter(), this.limits.perRequester);
    }
    if (this.#waiting.length >= this.limits.waiting) {
      throw new ComputationRefused("queue_full", this.#retryAfter(), this.limits.waiting);
    }
    if (requester !== undefined) this.#perRequester.set(requester, mine + 1);
    // Runs in the submitter's context, not in that of whichever job finished before it.
    const run = AsyncResource.bind(async () => compute());
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({
        requester,
        start: () => {
          const started = performance.now();
          run()
            .then(resolve, reject)
            .finally(() => this.#finished(requester, performance.now() - started));
        },
      });
      this.#next();
    });
  }

  /** Computations waiting or running. */
  get size(): number {
    return this.#waiting.length + (this.#running ? 1 : 0);
  }

  #next(): void {
    if (this.#running) return;
    const job = this.#waiting.shift();
    if (!job) return;
    this.#running = true;
    job.start();
  }

  #finished(requester: string | undefined, ms: number): void {
    if (requester !== undefined) {
      const left = (this.#perRequester.get(requester) ?? 1) - 1;
      if (left > 0) this.#perRequester.set(requester, left);
      else this.#perRequester.delete(requester);
    }
    this.#averageMs = 0.7 * this.#averageMs + 0.3 * ms;
    this.#running = false;
    // A turn of the event loop between two computations: requests that arrived meanwhile go first.
    setImmediate(() => this.#next());
  }

  /** Seconds until the work queued now is probably done (1–600). */
  #retryAfter(): number {
    const seconds = Math.ceil((this.size * this.#averageMs) / 1000);
    return Math.min(600, Math.max(1, seconds));
  }
}

const queues = new WeakMap<SqlClient, ComputationQueue>();

/** The one queue of a database's expensive monitor work. */
export function computationQueue(sql: SqlClient): ComputationQueue {
  let queue = queues.get(sql);
  if (!queue) {
    queue = new ComputationQueue();
    queues.set(sql, queue);
  }
  return queue;
}

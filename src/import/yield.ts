// PGlite runs every statement in this process's own thread, and the promises of consecutive
// statements resolve as microtasks: without a macrotask turn in between, timers, HTTP requests
// and signal handlers wait for the whole import. setImmediate lets them run.
import { setImmediate } from "node:timers/promises";

export async function yieldToEventLoop(): Promise<void> {
  await setImmediate();
}

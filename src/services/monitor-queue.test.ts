import { describe, expect, it, vi } from "vitest";
import { asRequester, ComputationQueue, ComputationRefused } from "./monitor-queue.ts";

/** A computation that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let release = () => {};
  const done = new Promise<string>((resolve) => {
    release = () => resolve(name);
  });
  return {
    compute: () => {
      log.push(`start ${name}`);
      return done;
    },
    release: () => release(),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("ComputationQueue", () => {
  it("runs one computation at a time, in arrival order", async () => {
    const queue = new ComputationQueue({ perRequester: 5, waiting: 5 });
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const first = queue.submit(a.compute);
    const second = queue.submit(b.compute);
    await turn();
    expect(log).toEqual(["start a"]);
    a.release();
    expect(await first).toBe("a");
    await vi.waitFor(() => expect(log).toEqual(["start a", "start b"]));
    b.release();
    expect(await second).toBe("b");
    await vi.waitFor(() => expect(queue.size).toBe(0));
  });

  it("refuses a requester's computation beyond its share, with a Retry-After, and admits others", async () => {
    const queue = new ComputationQueue({ perRequester: 2, waiting: 10 });
    const log: string[] = [];
    const jobs = ["a", "b", "c"].map((n) => gate(log, n));
    const [a, b, c] = jobs as [(typeof jobs)[number], (typeof jobs)[number], (typeof jobs)[number]];
    const mine = asRequester("user:1", () => [queue.submit(a.compute), queue.submit(b.compute)]);
    let refused: unknown;
    try {
      asRequester("user:1", () => queue.submit(c.compute));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ComputationRefused);
    expect((refused as ComputationRefused).reason).toBe("requester_busy");
    expect((refused as ComputationRefused).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // another user, and work without a requester, still get a place
    const theirs = asRequester("user:2", () => queue.submit(c.compute));
    expect(queue.size).toBe(3);
    for (const j of jobs) j.release();
    expect(await Promise.all([...mine, theirs])).toEqual(["a", "b", "c"]);
    // a finished computation frees the requester's share
    const again = gate(log, "d");
    const later = asRequester("user:1", () => queue.submit(again.compute));
    again.release();
    expect(await later).toBe("d");
  });

  it("refuses everyone when the queue is full, and survives a failing computation", async () => {
    const queue = new ComputationQueue({ perRequester: 9, waiting: 1 });
    const log: string[] = [];
    const running = gate(log, "running");
    const failing = queue.submit(running.compute).then(() => {
      throw new Error("boom");
    });
    const first = queue.submit(() => Promise.reject(new Error("broken")));
    await turn();
    expect(() => queue.submit(() => Promise.resolve("late"))).toThrow(ComputationRefused);
    running.release();
    await expect(failing).rejects.toThrow("boom");
    await expect(first).rejects.toThrow("broken");
    expect(await queue.submit(() => Promise.resolve("after"))).toBe("after");
  });
});

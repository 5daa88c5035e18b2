// Issue 20 (item 6): one user's burst of monitor requests for new dates must not stall the
// server. Over real HTTP (a stalled event loop does not show through inject), on a demo region.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import type { Database } from "../../db/connect.ts";
import { writeFullDemo } from "../../demo/fill.ts";
import { monitorAt } from "../../services/monitor.ts";
import { buildApp } from "../app.ts";

const DEMO_NOW = new Date("2026-03-02T12:00:00Z");

describe.each(engines())("a burst of monitor requests on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let base = "";
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await writeFullDemo(db, { pupils: 1500, seed: 3 });
    app = await buildApp({ db, now: () => DEMO_NOW, oidc: null });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  async function login(email: string): Promise<string> {
    const response = await fetch(`${base}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email, password: "demo-wachtwoord" }),
    });
    expect(response.status).toBe(200);
    return response.headers.get("set-cookie")?.split(";")[0] ?? "";
  }
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    return { ms: performance.now() - started, value };
  };

  it("queues the work, answers a user's excess 429 with Retry-After, and keeps /api/health quick", async () => {
    const policy = await login("beleid@demo.aanwezig.nl");
    const leerplicht = await login("leerplicht@demo.aanwezig.nl");
    const monitor = (cookie: string, asOf: string) =>
      fetch(`${base}/api/monitor?as_of=${asOf}&by=school`, { headers: { cookie } });
    // Today's snapshot (made at start-up) first, and one new date untimed: the first
    // computation of a date also warms the code and the database's caches, so timing it made
    // "one" look twice as costly as the ones that follow (CI, 5 Dec: 1,696 ms alone, then
    // 3,213 ms for three queued). Then one new date alone: the cost of one.
    expect((await monitor(policy, "2026-03-02")).status).toBe(200);
    expect((await monitor(policy, "2026-01-06")).status).toBe(200);
    const one = (asOf: string) => timed(() => monitor(policy, asOf).then((r) => r.text()));
    const singles = [(await one("2026-01-05")).ms];

    const dates = ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16"];
    const health: number[] = [];
    let bursting = true;
    const prober = (async () => {
      while (bursting) {
        const probe = await timed(() => fetch(`${base}/api/health`).then((r) => r.status));
        expect(probe.value).toBe(200);
        health.push(probe.ms);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const burst = await timed(() =>
      Promise.all([
        ...dates.map((d) => monitor(policy, d)),
        monitor(leerplicht, "2026-01-19"), // another user keeps a place in the queue
      ]),
    );
    bursting = false;
    await prober;
    // Two more new dates alone, after the burst: a shared machine can slow any one of them (CI,
    // 5 Dec: 3,091 ms alone, then 3,169 ms for the burst of three), never speed one up, so the
    // quickest of the three is the cost of one computation and the slowest bounds a health check.
    for (const asOf of ["2026-01-20", "2026-01-21"]) singles.push((await one(asOf)).ms);
    const quickest = Math.min(...singles);
    const slowest = Math.max(...singles);

    const [theirs, ...rest] = [burst.value.at(-1), ...burst.value.slice(0, -1)];
    expect(theirs?.status).toBe(200);
    const refused = rest.filter((r) => r.status === 429);
    const answered = rest.filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length + answered.length).toBe(dates.length);
    for (const r of refused) {
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await r.json()) as { detail: string }).detail).toMatch(
        /berekeningen van de monitor/,
      );
    }
    // The queued answers are the computation's own, unqueued and uncached.
    for (const [i, r] of rest.entries()) {
      if (r.status !== 200) continue;
      const asOf = dates[i] ?? "";
      const direct = await monitorAt(db.sql, { asOf, by: "school", suppress: true });
      expect(await r.json()).toEqual(JSON.parse(JSON.stringify(direct)));
    }
    // The burst held at least three computations (two of the user's, one of the other user's)
    // made one after another, so it took longer than one and a half of them; meanwhile a health
    // check waited for a chunk of one at most, never for a whole snapshot (before the queue,
    // 2.5 snapshots on PGlite).
    expect(answered.length + 1).toBeGreaterThanOrEqual(3);
    expect(burst.ms, `burst vs one computation (${singles.join(", ")} ms)`).toBeGreaterThan(
      quickest * 1.5,
    );
    expect(health.length).toBeGreaterThan(3);
    expect(Math.max(...health)).toBeLessThan(slowest);
  }, 120_000);
});

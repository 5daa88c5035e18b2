// The caches of derived figures keep one version of the data: entries made from an older
// fingerprint are dropped as soon as a request sees a newer one (the soak run's memory growth,
// docs/reliability.md "Soak run").
import { describe, expect, it } from "vitest";
import type { QueryOptions, SqlClient } from "../db/connect.ts";
import { cachedKeys, cachedValue } from "./monitor-cache.ts";

/** A database whose fingerprints are whatever the test sets; nothing else is asked. */
function fakeDatabase(): SqlClient & { version: string; inputs: string } {
  const db = {
    /** All data (cases included). */
    version: "v1",
    /** What signals are evaluated from. */
    inputs: "i1",
    async query<T>(_text: string, _params?: unknown[], options?: QueryOptions): Promise<T[]> {
      const inputs = options?.prepareAs === "aanwezig_signal_inputs_fingerprint";
      return [{ fingerprint: inputs ? db.inputs : db.version }] as T[];
    },
    async exec(): Promise<void> {},
  };
  return db;
}

describe("cachedValue", () => {
  it("serves a value until the data changes, then drops every entry of the old data", async () => {
    const db = fakeDatabase();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedValue(db, "a", compute)).toBe(1);
    expect(await cachedValue(db, "b", compute)).toBe(2);
    expect(await cachedValue(db, "a", compute)).toBe(1);
    expect(cachedKeys(db).sort()).toEqual(["a", "b"]);

    db.version = "v2";
    // A request for "a" on the new data recomputes it and drops "b", which was made from v1.
    expect(await cachedValue(db, "a", compute)).toBe(3);
    expect(cachedKeys(db)).toEqual(["a"]);
    expect(await cachedValue(db, "b", compute)).toBe(4);
    expect(cachedKeys(db).sort()).toEqual(["a", "b"]);
  });

  it("figures of the signals' inputs survive a change elsewhere (a case event)", async () => {
    const db = fakeDatabase();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedValue(db, "signals", compute, "signal_inputs")).toBe(1);
    expect(await cachedValue(db, "kpis", compute)).toBe(2);
    db.version = "v2"; // a case event
    expect(await cachedValue(db, "signals", compute, "signal_inputs")).toBe(1);
    expect(await cachedValue(db, "kpis", compute)).toBe(3);
    db.version = "v3";
    db.inputs = "i2"; // an import
    expect(await cachedValue(db, "signals", compute, "signal_inputs")).toBe(4);
    expect(cachedKeys(db, "signal_inputs")).toEqual(["signals"]);
  });
});

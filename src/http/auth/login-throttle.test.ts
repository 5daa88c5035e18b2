import { describe, expect, it } from "vitest";
import { LoginThrottle, MAX_TRACKED_KEYS } from "./login-throttle.ts";

const limits = { perAccount: 3, perSource: 5, windowMs: 60_000 };

describe("LoginThrottle", () => {
  it("waits out the window of an account's failures, then lets it try again", () => {
    const throttle = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) throttle.recordFailure("a@x.example", "198.51.100.1", 1_000 + i);
    expect(throttle.waitMs("a@x.example", "198.51.100.2", 2_000)).toBe(59_000);
    expect(throttle.waitMs("b@x.example", "198.51.100.2", 2_000)).toBe(0);
    expect(throttle.waitMs("a@x.example", "198.51.100.2", 61_000)).toBe(0);
  });

  it("clears an account's failures on success, but not its source's", () => {
    const throttle = new LoginThrottle(limits);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`u${i % 2}@x.example`, "198.51.100.1", 0);
    throttle.recordSuccess("u0@x.example");
    expect(throttle.waitMs("u0@x.example", "198.51.100.9", 1)).toBe(0);
    expect(throttle.waitMs("u0@x.example", "198.51.100.1", 1)).toBe(59_999);
  });

  it("keeps its memory bounded under a flood of different keys", () => {
    const throttle = new LoginThrottle(limits);
    for (let i = 0; i < MAX_TRACKED_KEYS; i++) throttle.recordFailure(`u${i}@x.example`, "s", 0);
    expect(throttle.trackedKeys).toBeLessThanOrEqual(MAX_TRACKED_KEYS);
    // The newest failures are still counted.
    for (let i = 0; i < 3; i++) throttle.recordFailure("doel@x.example", "t", 1);
    expect(throttle.waitMs("doel@x.example", "u", 2)).toBeGreaterThan(0);
  });
});

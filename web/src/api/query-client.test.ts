import { describe, expect, it } from "vitest";
import { ApiError } from "./client.ts";
import { createQueryClient } from "./query-client.ts";

describe("the app's query retries", () => {
  const retry = createQueryClient().getDefaultOptions().queries?.retry as (
    failureCount: number,
    error: unknown,
  ) => boolean;

  it("retries server errors and 429 (the monitor's queue), not other 4xx", () => {
    expect(retry(0, new ApiError(503, undefined))).toBe(true);
    expect(retry(0, new ApiError(429, undefined))).toBe(true);
    expect(retry(2, new ApiError(429, undefined))).toBe(false);
    expect(retry(0, new ApiError(403, undefined))).toBe(false);
    expect(retry(0, new ApiError(404, undefined))).toBe(false);
  });
});

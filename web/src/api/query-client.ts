// One QueryClient for the app. A 4xx answer will not change on a retry (no session, no access,
// not found), so only network and server errors are retried — and 429: the monitor refuses a
// user's third new computation at a time until one is done (docs/monitoring.md "Cache").
import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./client.ts";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status < 500 && error.status !== 429),
      },
      mutations: { retry: false },
    },
  });
}

export const queryKeys = {
  me: ["me"] as const,
  loginOptions: ["login-options"] as const,
};

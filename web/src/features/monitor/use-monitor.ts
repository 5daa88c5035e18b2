// What the monitor screens share: the server's date (/api/me `today`, so a frozen demo shows
// its own date), whether an endpoint is there yet (from /api/openapi.json), and quarters.
import { useQuery } from "@tanstack/react-query";
import { fetchOperations, findGet } from "../../api/capabilities.ts";
import { appToday } from "../../components/today.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

export type EndpointState = "pending" | "available" | "missing";

/** Whether the server offers an operation: GET by path pattern, or another method and path. */
export function useEndpoint(pattern: RegExp, method = "GET"): EndpointState {
  const operations = useQuery({
    queryKey: ["api-operations"],
    queryFn: ({ signal }) => fetchOperations(signal),
    staleTime: 5 * 60_000,
  });
  if (operations.isPending) return "pending";
  // Without the document the screen tries the endpoint anyway and shows what it answers.
  if (operations.isError) return "available";
  const found =
    method === "GET"
      ? findGet(operations.data, pattern)
      : operations.data.find((op) => op.method === method && pattern.test(op.path));
  return found ? "available" : "missing";
}

export function useToday(): string {
  return appToday(useCurrentUser());
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The API's quarters are `YYYY-Qn`; Dutch readers see `YYYY-Kn` (kwartaal). */
export function quarterLabel(quarter: string): string {
  return quarter.replace(/-Q([1-4])$/, "-K$1");
}

/** Accepts what a Dutch user types (2026-K1, 2026-Q1, 2026 K1) as the API's `2026-Q1`. */
export function parseQuarter(text: string): string | null {
  const m = /^\s*(\d{4})\s*-?\s*[KkQq]\s*([1-4])\s*$/.exec(text);
  return m ? `${m[1]}-Q${m[2]}` : null;
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function quarterEnd(quarter: string): string {
  const m = QUARTER.exec(quarter);
  if (!m) return quarter;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, q * 3, 0));
  return lastDay.toISOString().slice(0, 10);
}

/** The quarter `n` quarters before (negative) or after `quarter`. */
export function shiftQuarter(quarter: string, n: number): string {
  const m = QUARTER.exec(quarter);
  if (!m) return quarter;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The last day of a quarter, or `today` while that quarter is still running. */
export function quarterAsOf(quarter: string, today: string): string {
  const end = quarterEnd(quarter);
  return end > today ? today : end;
}

/** The last quarter that has ended by `today`: the monitor's default (a running one is partial). */
export function lastCompletedQuarter(today: string): string {
  const current = quarterOf(today);
  return quarterEnd(current) <= today ? current : shiftQuarter(current, -1);
}

/**
 * The quarters a user can choose, newest first: the running quarter (marked as running) and
 * `count` completed ones before it.
 */
export function quarterOptions(today: string, count = 12): { value: string; running: boolean }[] {
  const last = lastCompletedQuarter(today);
  const current = quarterOf(today);
  const options = current !== last ? [{ value: current, running: true }] : [];
  for (let i = 0; i < count; i++) options.push({ value: shiftQuarter(last, -i), running: false });
  return options;
}

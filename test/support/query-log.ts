// The SQL statements a piece of work sends to the database, in order (parameters left out), to
// show that two paths do the same work — e.g. a hidden and a missing pupil answer after the
// same queries — without timing anything.
import { vi } from "vitest";
import type { Database } from "../../src/db/connect.ts";

export async function statementsDuring(
  db: Database,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const statements: string[] = [];
  const record = (query: unknown) =>
    statements.push(typeof query === "string" ? query : String((query as { text?: unknown }).text));
  const target = db.driver.kind === "pglite" ? db.driver.pglite : db.driver.pool;
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  const spy = vi.spyOn(target, "query").mockImplementation(((...args: unknown[]) => {
    record(args[0]);
    return original(...args);
  }) as never);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return statements;
}

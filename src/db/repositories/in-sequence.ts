// Runs queries one after another. Inside a transaction all queries share one connection, and
// node-postgres does not allow a second query on a client while one is running (pg@9 refuses
// it), so the repositories never fan out with Promise.all.
export async function inSequence<T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

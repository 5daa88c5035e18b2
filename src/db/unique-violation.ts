// A unique index refusing an insert, on both engines: node-postgres and PGlite both report
// SQLSTATE 23505 with the constraint's name; Drizzle wraps that error in its own (`cause`).
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const fields = e as Error & { code?: unknown; constraint?: unknown };
    if (fields.code === "23505") {
      return fields.constraint === constraint || e.message.includes(constraint);
    }
  }
  return false;
}

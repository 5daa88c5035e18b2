// An embedded (PGlite) database directory whose import was killed keeps the aborted rows as dead
// tuples: after recovery the tables are about a third larger until vacuumed (issue 20). A marker
// file says a bulk write is under way; when the next open finds it, the write never finished,
// and the database is vacuumed so the trailing dead pages are given back.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

const MARKER = "aanwezig-write-running";

/** Marks a bulk write in a database directory; the returned function clears the mark. */
export function markWriteRunning(dir: string, what: string): () => void {
  const path = join(dir, MARKER);
  writeFileSync(path, `${process.pid} ${what}\n`);
  return () => rmSync(path, { force: true });
}

/** VACUUM after a write that never finished; true when there was one. */
export async function recoverInterruptedWrite(pglite: PGlite, dir: string): Promise<boolean> {
  const path = join(dir, MARKER);
  if (!existsSync(path)) return false;
  console.error(`onderbroken import gevonden in ${dir}: de database wordt opgeruimd (VACUUM) …`);
  await pglite.exec("VACUUM");
  rmSync(path, { force: true });
  return true;
}

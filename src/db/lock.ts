// One process per PGlite directory: PGlite is single-user Postgres, and two processes on one
// data directory corrupt it. A lock file with the owner's pid guards it; a stale lock (its
// process gone) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface DirectoryLock {
  path: string;
  release(): void;
}

export class DatabaseLockedError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `de database in ${dir} is in gebruik door proces ${pid} (database in use by process ${pid}); ` +
        "stop dat proces of kies een andere --db",
    );
    this.name = "DatabaseLockedError";
    this.dir = dir;
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, "aanwezig.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // A process that opens and closes many directories (a server, a test worker) must not
        // keep one exit listener per lock it ever held.
        process.removeListener("exit", release);
        try {
          if (readFileSync(path, "utf8") === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(dir, owner);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`could not lock ${dir}`);
}
